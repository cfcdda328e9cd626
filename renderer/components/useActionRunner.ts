import { useState } from 'react';
import { useAttemptError } from './useAttemptError';

/**
 * A page's actions: each clears the last notice and error, says `done` when it worked, then
 * reloads what the page shows (`reload`); an error is kept to be shown, until the page's `input`
 * (what its forms hold, if the actions send it) changes.
 */
export function useActionRunner(reload: () => Promise<unknown>, input?: unknown) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useAttemptError(input);
  const run = async (work: () => Promise<unknown>, done?: string): Promise<void> => {
    setError(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      await reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return { run, notice, error };
}
