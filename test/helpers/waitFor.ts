/**
 * Resolves once `condition` holds, re-checking whenever `subscribe` reports a change (and on a
 * slow poll as a fallback); rejects with `what` after the timeout. An asynchronous condition (one
 * that reads the store) is checked once at a time.
 */
export function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; subscribe?: (notify: () => void) => () => void } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    let unsubscribe: () => void = () => {};
    let done = false;
    let checking = false;
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      if (done || checking) return;
      checking = true;
      Promise.resolve()
        .then(condition)
        .then(
          (holds) => {
            checking = false;
            if (holds) finish();
          },
          (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
        );
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const poll = setInterval(check, 50);
    if (options.subscribe) unsubscribe = options.subscribe(check);
    check();
  });
}

/** Resolves or rejects as `promise` does, or rejects with `what` after the timeout. */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
