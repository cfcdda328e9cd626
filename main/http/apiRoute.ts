import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandlers } from '#shared/api/contract';
import { dispatchApiCall } from '#shared/api/dispatch';
import { ApiError, httpStatusFor, type ApiErrorData } from '#shared/api/errors';
import type { Logger } from '#main/logger';
import type { Authentication } from '#main/services/authentication';

export const apiPrefix = '/api/';
const maxBodyBytes = 1024 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: ApiErrorData): void {
  sendJson(response, httpStatusFor(error.code), { error });
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw new ApiError('payload_too_large', `the request body is limited to ${maxBodyBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new ApiError('payload_too_large', `the request body is limited to ${maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError('invalid_input', 'the request body is not valid JSON');
  }
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * Serves the API contract over HTTP JSON: `POST /api/<noun>/<verb>` with a JSON body (and
 * `GET /api/health/get`), the token in `Authorization: Bearer`, errors as `{error: {code, message}}`.
 */
export function createApiRoute(handlers: ApiHandlers, authentication: Authentication, logger: Logger) {
  return async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = url.pathname.slice(apiPrefix.length);
    try {
      const isHealth = method === 'health/get' || method === 'health';
      if (request.method === 'GET' && !isHealth) throw new ApiError('invalid_input', 'API calls other than health/get use POST');
      if (request.method !== 'GET' && request.method !== 'POST') throw new ApiError('invalid_input', 'API calls use POST');
      if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        throw new ApiError('invalid_input', 'API calls send their input as application/json');
      }
      const caller = authentication.resolve(bearerToken(request));
      if (caller === null) throw new ApiError('unauthorized', 'the token is unknown or has been revoked');
      const input = request.method === 'POST' ? await readJsonBody(request) : {};
      const result = await dispatchApiCall(handlers, isHealth ? 'health/get' : method, input, caller, (error, failedMethod) => {
        logger.log('error', 'api.unexpected_error', { method: failedMethod, error, stack: (error as Error).stack });
      });
      if (result.ok) sendJson(response, 200, result.result);
      else sendError(response, result.error);
    } catch (error) {
      if (error instanceof ApiError) sendError(response, error.toData());
      else {
        logger.log('error', 'api.unexpected_error', { method, error });
        sendError(response, { code: 'internal', message: 'internal error' });
      }
    }
  };
}
