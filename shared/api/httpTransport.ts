import type { ApiTransport } from '#shared/api/client';
import { ApiError, isApiErrorData } from '#shared/api/errors';

/** The part of a fetch `Response` this transport reads. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

/** The part of `fetch` this transport uses; shared/ has no DOM types, so it is declared here. */
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<FetchResponseLike>;

export interface HttpTransportOptions {
  /** Where server mode listens, such as `http://192.168.1.20:4477` (a trailing slash is ignored). */
  baseUrl: string;
  /** An admin or participant token, sent as `Authorization: Bearer`; omit it to call as nobody. */
  token?: string;
  fetch: FetchLike;
}

/** The server could not be reached, or the connection broke before a reply arrived. */
export class ApiUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiUnreachableError';
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * An API transport over server mode's HTTP JSON API: `POST ${baseUrl}/api/<method>`. Error
 * replies (`{error: {code, message}}`) become ApiError; a failed connection becomes
 * ApiUnreachableError; any other reply the server would not send becomes ApiError `internal`.
 */
export function createHttpTransport(options: HttpTransportOptions): ApiTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;

  return async (method, input) => {
    const url = `${baseUrl}/api/${method}`;
    let status: number;
    let ok: boolean;
    let text: string;
    try {
      const response = await options.fetch(url, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      ({ status, ok } = response);
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiUnreachableError(`could not reach the server at ${baseUrl} for ${method}: ${reason}`, { cause: error });
    }
    const body = parseJson(text);
    if (body.ok && !ok && typeof body.value === 'object' && body.value !== null) {
      const { error } = body.value as { error?: unknown };
      if (isApiErrorData(error)) throw ApiError.fromData(error);
    }
    if (!ok) throw new ApiError('internal', `the server answered ${method} with HTTP ${status} and no API error`);
    if (!body.ok) throw new ApiError('internal', `the server answered ${method} with a body that is not JSON`);
    return body.value;
  };
}
