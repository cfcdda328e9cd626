import { ApiError } from '#shared/api/errors';

/**
 * What a handler sees of a call's cancellation: the part of an AbortSignal it reads (shared/ has
 * neither DOM nor Node types). The HTTP route aborts it when the client closes the request (the
 * renderer's Cancel button aborts its fetch); other transports never do.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Per-call context a handler may use; transports that cannot cancel pass none. */
export interface CallContext {
  signal?: CancelSignal;
  /**
   * The network address the call came from (HTTP: the connection's remote address). Transports
   * without a network (the desktop window's IPC, the command line) leave it out: their caller is
   * on the machine that holds the data, and the limits on guessing invitation codes do not apply.
   */
  remoteAddress?: string;
}

/** The error of a call whose caller has gone. */
export function cancelledError(): ApiError {
  return new ApiError('cancelled', 'the call was cancelled by the caller');
}

/** Stops work whose caller has gone: nobody is left to read the result. */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
