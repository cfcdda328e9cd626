import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '#shared/api/client';
import type { UserTemplate } from '#shared/api/templates';

export interface UserTemplates {
  /** Null until the first answer arrives. */
  templates: UserTemplate[] | null;
  error: unknown;
  isLoading: boolean;
  /** Asks the server again (after a save, an edit, a deletion or an import). */
  reload: () => Promise<void>;
}

/** The templates of the caller's side, as the server lists them (it decides who sees what). */
export function useUserTemplates(client: ApiClient): UserTemplates {
  const [templates, setTemplates] = useState<UserTemplate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setTemplates(await client.call('templates/list', {}));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [client]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { templates, error, isLoading, reload };
}
