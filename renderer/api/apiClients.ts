import type { DesktopBackupInput } from '#shared/api/backup';
import { createApiClient, type ApiClient, type ApiTransport } from '#shared/api/client';
import type { ApiResult } from '#shared/api/dispatch';
import { ApiError } from '#shared/api/errors';
import { createHttpTransport } from '#shared/api/httpTransport';

/** What the desktop app's preload exposes: the API contract over one IPC channel, and "Back up…" (shared/api/backup.ts). */
export interface DesktopBridge {
  call(method: string, input: unknown): Promise<ApiResult>;
  backup(words: DesktopBackupInput): Promise<unknown>;
}

declare global {
  interface Window {
    thoaUoc?: DesktopBridge;
  }
}

/** The server this page came from: server mode, or the desktop app's embedded server. */
export function serverUrl(): string {
  return window.location.origin;
}

/** The API as a participant (with their token) or as nobody (to redeem an invitation). */
export function participantClient(token?: string): ApiClient {
  return createApiClient(createHttpTransport({ baseUrl: serverUrl(), token, fetch: (url, init) => window.fetch(url, init) }));
}

function bridgeTransport(bridge: DesktopBridge): ApiTransport {
  return async (method, input) => {
    const result = await bridge.call(method, input);
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.result;
  };
}

/** The API as the host: through the desktop bridge, or with the host token of server mode. */
export function hostClient(hostToken: string | null): ApiClient | null {
  if (window.thoaUoc) return createApiClient(bridgeTransport(window.thoaUoc));
  return hostToken ? participantClient(hostToken) : null;
}
