import type { CallContext } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import { apiContract, isApiMethod, type Access, type ApiHandlers } from '#shared/api/contract';
import { ApiError, describeIssues, type ApiErrorData } from '#shared/api/errors';

export type ApiResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

function checkAccess(access: Access, caller: Caller): void {
  if (access === 'public') return;
  if (caller.kind === 'anonymous') {
    throw new ApiError('unauthorized', 'a valid token is required for this call', { reason: { key: 'token_needed' } });
  }
  if (access === 'admin' && caller.kind !== 'admin') {
    throw new ApiError('forbidden', 'only the host of this server may do this', { reason: { key: 'host_only' } });
  }
}

/**
 * Runs one API call from any transport: checks the method and the caller's access, validates the
 * input, calls the handler, and turns every failure into error data. Unexpected errors are
 * reported through `onUnexpected` and reduced to `internal`. `call` carries the caller's
 * cancellation where the transport has one (HTTP: the request closed before the reply).
 */
export async function dispatchApiCall(
  handlers: ApiHandlers,
  method: string,
  rawInput: unknown,
  caller: Caller,
  onUnexpected: (error: unknown, method: string) => void,
  call: CallContext = {},
): Promise<ApiResult> {
  try {
    if (!isApiMethod(method)) throw new ApiError('not_found', `unknown API method "${method}"`);
    const spec = apiContract[method];
    checkAccess(spec.access, caller);
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new ApiError('invalid_input', describeIssues(parsed.error.issues));
    const handler = handlers[method] as (input: unknown, caller: Caller, call: CallContext) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data, caller, call) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() };
    onUnexpected(error, method);
    return { ok: false, error: { code: 'internal', message: 'internal error' } };
  }
}
