import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '#shared/api/caller';
import type { ApiHandlers } from '#shared/api/contract';
import { dispatchApiCall } from '#shared/api/dispatch';
import { ApiError, httpStatusFor, type ApiErrorCode, type ApiErrorData } from '#shared/api/errors';
import { maxImportBytes } from '#shared/api/export';
import { maxScaleFileBytes } from '#shared/api/salaryScale';
import { maxPackBytes } from '#shared/templates/pack';
import { clientAddressOf } from '#main/http/clientAddress';
import type { LogFields, Logger } from '#main/logger';
import type { Authentication } from '#main/kernel/authentication';

export const apiPrefix = '/api/';
const maxBodyBytes = 1024 * 1024;

/**
 * templates/importPack carries a pack file of up to 1 MiB (which the method itself checks) as a
 * JSON string. Escaping can triple a file on the wire (a client that escapes non-ASCII sends
 * `\u1ec7` for each Vietnamese letter), so its body may be larger than other calls'.
 */
const bodyLimits: ReadonlyMap<string, number> = new Map([
  ['templates/importPack', 4 * maxPackBytes],
  // documents/importPreview carries a .docx of up to maxImportBytes as base64 (4/3 of it), plus the
  // file name; salaryScale/importPreview a payroll file of up to maxScaleFileBytes, the same way.
  ['documents/importPreview', Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024],
  ['salaryScale/importPreview', Math.ceil((maxScaleFileBytes * 4) / 3) + 64 * 1024],
]);

const bodyLimitFor = (method: string): number => bodyLimits.get(method) ?? maxBodyBytes;

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

/** An error reply; a refusal that says when to try again (`rate_limited`) says it in Retry-After too. */
function sendError(response: ServerResponse, error: ApiErrorData): void {
  const retry: Record<string, string> = error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) };
  sendJson(response, httpStatusFor(error.code), { error }, retry);
}

function tooLarge(method: string): ApiError {
  const limit = bodyLimitFor(method);
  const pack = method === 'templates/importPack' ? `; a template pack file is limited to 1 MiB (${maxPackBytes} bytes)` : '';
  return new ApiError('payload_too_large', `the request body is limited to ${limit} bytes${pack}`);
}

/**
 * Reads the body up to the limit. Past the limit it stops keeping chunks but lets the rest drain,
 * so that the client, still uploading, reads the 413. (Leaving a `for await` loop early would
 * destroy the request and with it the socket: the client would see a reset instead.)
 */
function readBody(request: IncomingMessage, limit: number, refusal: () => ApiError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stopListening = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stopListening();
      request.on('error', () => {}); // the client may give up while the rest drains; nothing to do
      request.resume();
      reject(refusal());
    };
    const onEnd = (): void => {
      stopListening();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error): void => {
      stopListening();
      reject(error);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

async function readJsonBody(request: IncomingMessage, method: string): Promise<unknown> {
  // A body declared too large is not read at all; Node discards it after the reply.
  const limit = bodyLimitFor(method);
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(method);
  const body = await readBody(request, limit, () => tooLarge(method));
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('invalid_input', 'the request body is not valid JSON');
  }
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Who made a call, for its log lines: the participant's id, document and side; a workspace's host's workspace; an authority's reviewer. */
function callerFields(caller: Caller): LogFields {
  switch (caller.kind) {
    case 'participant':
      return { caller: caller.kind, participant: caller.participantId, document: caller.documentId, side: caller.side };
    case 'admin':
      return caller.workspaceId === undefined ? { caller: caller.kind } : { caller: caller.kind, workspace: caller.workspaceId };
    case 'authorityReviewer':
      return { caller: caller.kind, authority: caller.authorityId, reviewer: caller.reviewerId };
    case 'anonymous':
      return { caller: caller.kind };
  }
}

/** Refused calls are logged like refused sync sockets: a token that fails may be someone trying tokens. */
const refusalCodes: ReadonlySet<ApiErrorCode> = new Set(['unauthorized', 'forbidden']);

/**
 * Serves the API contract over HTTP JSON: `POST /api/<noun>/<verb>` with a JSON body (and
 * `GET /api/health/get`), the token in `Authorization: Bearer`, errors as `{error: {code, message}}`.
 * Each request's log lines carry its method and remote address, and the caller once the token is read.
 */
export function createApiRoute(handlers: ApiHandlers, authentication: Authentication, logger: Logger, trustedProxies: ReadonlySet<string> = new Set()) {
  return async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = url.pathname.slice(apiPrefix.length);
    // Read now, while the connection is surely open: a socket already closed has no address, and
    // every call over the network must carry one (the limits on guessing invitation codes count by it).
    const remoteAddress = clientAddressOf(request, trustedProxies) ?? 'unknown';
    let requestLogger = logger.child({ method, remote: remoteAddress });
    const fail = (error: ApiErrorData): void => {
      if (refusalCodes.has(error.code)) requestLogger.log('warn', 'api.refused', { code: error.code, reason: error.message });
      sendError(response, error);
    };
    try {
      const isHealth = method === 'health/get' || method === 'health';
      if (request.method === 'GET' && !isHealth) throw new ApiError('invalid_input', 'API calls other than health/get use POST');
      if (request.method !== 'GET' && request.method !== 'POST') throw new ApiError('invalid_input', 'API calls use POST');
      if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        throw new ApiError('invalid_input', 'API calls send their input as application/json');
      }
      const caller = await authentication.resolve(bearerToken(request));
      if (caller === null) throw new ApiError('unauthorized', 'the token is unknown or has been revoked', { reason: { key: 'token_revoked' } });
      requestLogger = requestLogger.child(callerFields(caller));
      const input = request.method === 'POST' ? await readJsonBody(request, method) : {};
      // A client that closes the request before the reply (the Cancel of a long export) aborts
      // the call: handlers of long work stop at their next step.
      const cancellation = new AbortController();
      const onClose = (): void => {
        if (!response.writableFinished) cancellation.abort();
      };
      response.once('close', onClose);
      const result = await dispatchApiCall(
        handlers,
        isHealth ? 'health/get' : method,
        input,
        caller,
        (error) => requestLogger.log('error', 'api.unexpected_error', { error }),
        { signal: cancellation.signal, remoteAddress },
      );
      response.off('close', onClose);
      if (cancellation.signal.aborted) {
        requestLogger.log('info', 'api.cancelled');
        return;
      }
      if (result.ok) sendJson(response, 200, result.result);
      else fail(result.error);
    } catch (error) {
      if (error instanceof ApiError) fail(error.toData());
      else {
        requestLogger.log('error', 'api.unexpected_error', { error });
        sendError(response, { code: 'internal', message: 'internal error' });
      }
    }
  };
}
