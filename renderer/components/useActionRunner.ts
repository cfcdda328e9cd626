import { useState } from 'react';

/**
 * A page's actions: each clears the last notice and error, says `done` when it worked, then
 * reloads what the page shows (`reload`); an error is kept to be shown.
 */
export function useActionRunner(reload: () => Promise<unknown>) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
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
  return { run, notice, error, setError };
}
