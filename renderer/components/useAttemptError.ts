import { useState } from 'react';

/**
 * The error of a form's last attempt, tied to what was typed for it: shown while the form holds
 * the input the attempt was made with, gone as soon as the person changes it (to fix what was
 * refused), since it no longer speaks of what is on the screen. `input` is the form's values as one
 * plain value, compared by value (as JSON). The setter records an error against the input of the
 * render it comes from: called when an attempt fails, that is the input the attempt sent.
 */
export function useAttemptError(input: unknown): [error: unknown, setError: (error: unknown) => void] {
  const [failure, setFailure] = useState<{ error: unknown; input: string } | null>(null);
  const shown = JSON.stringify(input);
  return [
    failure !== null && failure.input === shown ? failure.error : null,
    (error) => setFailure(error === null || error === undefined ? null : { error, input: shown }),
  ];
}
