import { createApiClient, type ApiClient } from '#shared/api/client';
import type { ApiInput, ApiMethod, ApiOutput } from '#shared/api/contract';
import { createHttpTransport } from '#shared/api/httpTransport';
import { hostClient, serverUrl } from '../api/apiClients';

/**
 * One API call that the user can cancel. Over HTTP (server mode, and participants in the desktop
 * app) the fetch is aborted: the server sees the request closed and stops the work (for a PDF it
 * closes Chromium's page). Over the desktop bridge a call cannot be recalled: its result is ignored.
 */
export async function callCancellable<M extends ApiMethod>(
  who: { token: string } | { hostToken: string | null },
  method: M,
  input: ApiInput<M>,
  signal: AbortSignal,
): Promise<ApiOutput<M>> {
  let client: ApiClient | null;
  if ('token' in who) client = httpClient(who.token, signal);
  else client = window.thoaUoc ? hostClient(who.hostToken) : who.hostToken ? httpClient(who.hostToken, signal) : null;
  if (!client) throw new Error('no API access');
  const result = await client.call(method, input);
  if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
  return result;
}

function httpClient(token: string, signal: AbortSignal): ApiClient {
  return createApiClient(createHttpTransport({ baseUrl: serverUrl(), token, fetch: (url, init) => window.fetch(url, { ...init, signal }) }));
}

/** Whether an error only says the user cancelled (nothing to show). */
export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}
