import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentMeta } from '#shared/api/documents';
import type { ApiErrorReason } from '#shared/api/errorReasons';
import { ApiError } from '#shared/api/errors';
import { healthSchema } from '#shared/api/health';
import { ApiUnreachableError, createHttpTransport } from '#shared/api/httpTransport';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';

// What only the HTTP transport adds to the contract: statuses, headers, body limits, tokens in
// headers, and what reaches the log and the audit trail.

const mebibyte = 1024 * 1024;

interface Reply {
  status: number;
  contentType: string | null;
  body: unknown;
}

describe('server mode HTTP API', () => {
  let harness: Harness;
  let adminToken: string;
  let document: DocumentMeta;

  beforeEach(async () => {
    harness = await startHarness();
    adminToken = await harness.server.authentication.createAdminToken('http test');
    document = await createDocument(harness.server);
  });

  afterEach(() => harness.dispose());

  async function send(path: string, init: RequestInit = {}): Promise<Reply> {
    const response = await fetch(`${harness.server.url}${path}`, init);
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    return { status: response.status, contentType, body: contentType?.startsWith('application/json') ? JSON.parse(text) : text };
  }

  /** POSTs a JSON body (or a prepared string) to /api/<method>. */
  function call(method: string, body: unknown, options: { token?: string; contentType?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    return send(`/api/${method}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  /**
   * A chunked POST to documents/list over node:http; settles once the whole exchange is over
   * (request sent and reply read), so that a keep-alive socket is back in the agent's pool.
   */
  function rawPost(
    agent: Agent,
    token: string,
    writeBody: (request: ClientRequest) => void,
  ): Promise<{ status: number; body: unknown; reusedSocket: boolean }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${harness.server.url}/api/documents/list`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
      });
      let reply: { status: number; body: unknown; reusedSocket: boolean } | undefined;
      request.on('error', reject);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          reply = { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), reusedSocket: request.reusedSocket };
        });
      });
      request.on('close', () => (reply ? resolve(reply) : reject(new Error('the connection closed before a whole reply arrived'))));
      writeBody(request);
      request.end();
    });
  }

  /** The reply of a refused call: its status, code and English message, and the reason the interface words when a person may meet it. */
  function expectError(reply: Reply, status: number, code: string, message?: RegExp, reason?: ApiErrorReason): void {
    expect({ status: reply.status, contentType: reply.contentType }).toEqual({ status, contentType: 'application/json; charset=utf-8' });
    expect(reply.body).toEqual({
      error: { code, message: message ? expect.stringMatching(message) : expect.stringMatching(/\S/), ...(reason ? { reason } : {}) },
    });
  }

  it('answers 200 with the result as JSON, not cached', async () => {
    const response = await fetch(`${harness.server.url}/api/documents/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual([document]);
  });

  it('GET /api/health/get works without a token', async () => {
    const reply = await send('/api/health/get');
    expect(reply.status).toBe(200);
    expect(healthSchema.parse(reply.body)).toMatchObject({ status: 'ok', openDocuments: 0, connections: 0 });
  });

  it('each error code travels with its HTTP status and a {error: {code, message}} body', async () => {
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan');
    const invitation = await harness.server.handlers['invitations/create']({ documentId: document.id, side: 'union', validForHours: 1 }, { kind: 'admin' });
    await call('invitations/redeem', { code: invitation.code, displayName: 'Anh Minh' });
    const archived = await createDocument(harness.server, 'Đã lưu trữ');
    await harness.server.handlers['documents/archive']({ documentId: archived.id }, { kind: 'admin' });

    expectError(await call('documents/create', { kind: 'contract', title: 'x' }, { token: adminToken }), 400, 'invalid_input', /kind/);
    expectError(await call('documents/list', {}), 401, 'unauthorized', undefined, { key: 'token_needed' });
    expectError(await call('documents/create', { kind: 'labour_regulations', title: 'Nội quy' }, { token: employer.token }), 403, 'forbidden', undefined, {
      key: 'host_only',
    });
    expectError(await call('documents/get', { documentId: 'zzzz0000zzzz0000' }, { token: adminToken }), 404, 'not_found', undefined, {
      key: 'document_not_found',
    });
    expectError(await call('documents/rename', { documentId: archived.id, title: 'Mới' }, { token: adminToken }), 409, 'conflict', undefined, {
      key: 'document_archived',
      values: { title: 'Đã lưu trữ' },
    });
    expectError(await call('invitations/redeem', { code: invitation.code, displayName: 'Lần hai' }), 410, 'gone', undefined, { key: 'invitation_used' });
    expectError(await call('documents/list', `{"includeArchived":false}${' '.repeat(mebibyte)}`, { token: adminToken }), 413, 'payload_too_large');
  });

  it('a POST that is not application/json is refused before the call runs', async () => {
    const input = { kind: 'labour_regulations', title: 'Nội quy lao động' };
    expectError(await call('documents/create', input, { token: adminToken, contentType: 'text/plain' }), 400, 'invalid_input', /application\/json/);
    expectError(
      await call('documents/create', input, { token: adminToken, contentType: 'application/x-www-form-urlencoded' }),
      400,
      'invalid_input',
      /application\/json/,
    );
    expect(await harness.server.handlers['documents/list']({ includeArchived: true }, { kind: 'admin' })).toEqual([document]);
    expect((await call('documents/create', input, { token: adminToken, contentType: 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('a body that is not JSON is 400 invalid_input', async () => {
    expectError(await call('documents/list', '{"includeArchived": tru', { token: adminToken }), 400, 'invalid_input', /not valid JSON/);
  });

  it('reads bodies up to 1 MiB; one byte more is 413, whether its length is declared or streamed', async () => {
    const json = '{"includeArchived":false}';
    const exactlyOneMebibyte = json + ' '.repeat(mebibyte - json.length);
    expect((await call('documents/list', exactlyOneMebibyte, { token: adminToken })).body).toEqual([document]);
    expectError(await call('documents/list', `${exactlyOneMebibyte} `, { token: adminToken }), 413, 'payload_too_large', /1048576 bytes/);

    // A chunked upload (no declared length) much larger than the limit: the client reads the 413
    // and the connection survives, because the server drains the rest instead of dropping it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const streamed = await rawPost(agent, adminToken, (request) => {
        for (let i = 0; i < 40; i += 1) request.write(' '.repeat(100 * 1024));
      });
      expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } }, reusedSocket: false });
      const next = await rawPost(agent, adminToken, (request) => request.write('{}'));
      expect(next).toEqual({ status: 200, body: [document], reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it('a method the contract does not name is 404; GET is only for health/get', async () => {
    expectError(await call('documents/delete', { documentId: document.id }, { token: adminToken }), 404, 'not_found', /documents\/delete/);
    expectError(await send('/api/documents/list', { headers: { authorization: `Bearer ${adminToken}` } }), 400, 'invalid_input', /POST/);
  });

  it('an unknown or revoked Bearer token is 401, whatever the method', async () => {
    expectError(await call('documents/list', {}, { token: 'tu_never-issued' }), 401, 'unauthorized', /unknown or has been revoked/, { key: 'token_revoked' });
    expectError(await send('/api/health/get', { headers: { authorization: 'Bearer tu_never-issued' } }), 401, 'unauthorized', undefined, {
      key: 'token_revoked',
    });
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh');
    expect((await call('session/get', {}, { token: union.token })).status).toBe(200);
    expect((await call('participants/revoke', { participantId: union.participant.id }, { token: adminToken })).status).toBe(200);
    expectError(await call('session/get', {}, { token: union.token }), 401, 'unauthorized', /revoked/, { key: 'token_revoked' });
    expectError(await call('invitations/redeem', { code: 'ZZZZZ-ZZZZZ', displayName: 'X' }, { token: union.token }), 401, 'unauthorized', undefined, {
      key: 'token_revoked',
    });
  });

  it('an unexpected failure is 500 internal: logged with its stack, nothing of it in the body', async () => {
    // A real failure, not a stub: the database goes away under the running server.
    await harness.server.context.store.close();
    const reply = await call('invitations/redeem', { code: 'ABCDE-FGHJK', displayName: 'Chị Lan' });
    expect({ status: reply.status, body: reply.body }).toEqual({ status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
    const logged = harness.logger.lines.filter((line) => line.event === 'api.unexpected_error');
    expect(logged).toEqual([
      {
        level: 'error',
        event: 'api.unexpected_error',
        fields: expect.objectContaining({
          method: 'invitations/redeem',
          error: expect.objectContaining({ stack: expect.stringMatching(/database connection is not open[\s\S]*\n\s+at /) }),
        }),
      },
    ]);

    // With a token, the failure happens while resolving it, outside the handlers: same answer.
    const withToken = await call('documents/list', {}, { token: adminToken });
    expect({ status: withToken.status, body: withToken.body }).toEqual({ status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
    expect(harness.logger.lines.filter((line) => line.event === 'api.unexpected_error')).toHaveLength(2);
  });

  it('paths outside /api/ never reach the API: no JSON API reply, 404 where there is no file', async () => {
    // What is outside /api/ belongs to the renderer's static files (once built), never to the API.
    for (const path of ['/api', '/apix/health/get', '/health/get', '/documents/list', '/no-such-file.js']) {
      const reply = await send(path);
      expect({ path, status: reply.status, isJson: reply.contentType?.startsWith('application/json') ?? false }).toEqual({ path, status: 404, isJson: false });
    }
    const post = await send('/documents/create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: '{"kind":"labour_regulations","title":"Nội quy"}',
    });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(await harness.server.handlers['documents/list']({ includeArchived: true }, { kind: 'admin' })).toEqual([document]);
  });

  it('every change made over HTTP leaves an audit entry naming who made it; refused calls leave none', async () => {
    const created = (await call('documents/create', { kind: 'enterprise_agreement', title: 'Bản nháp' }, { token: adminToken })).body as DocumentMeta;
    await call('documents/rename', { documentId: created.id, title: 'Thỏa ước 2027' }, { token: adminToken });
    const invitation = (await call('invitations/create', { documentId: created.id, side: 'employer' }, { token: adminToken })).body as {
      id: string;
      code: string;
    };
    const redeemed = (await call('invitations/redeem', { code: invitation.code, displayName: 'Chị Lan' })).body as {
      token: string;
      participant: { id: string };
    };
    const participantActor = `participant:${redeemed.participant.id}`;
    await call('invitations/create', { documentId: created.id, side: 'employer' }, { token: redeemed.token });
    expect((await call('documents/rename', { documentId: created.id, title: 'Không được' }, { token: redeemed.token })).status).toBe(403);
    expect((await call('invitations/create', { documentId: created.id, side: 'union' }, { token: redeemed.token })).status).toBe(403);
    await call('participants/revoke', { participantId: redeemed.participant.id }, { token: adminToken });
    await call('documents/archive', { documentId: created.id }, { token: adminToken });

    const entries = await harness.server.context.store.audit.listByDocument(created.id);
    expect(entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ['document.created', 'admin'],
      ['document.renamed', 'admin'],
      ['invitation.created', 'admin'],
      ['invitation.redeemed', participantActor],
      ['invitation.created', participantActor],
      ['participant.revoked', 'admin'],
      ['document.archived', 'admin'],
    ]);
    expect(entries[1]?.details).toEqual({ from: 'Bản nháp', to: 'Thỏa ước 2027' });
    expect(entries[2]?.details).toEqual({ invitationId: invitation.id, side: 'employer' });
    expect(entries[5]?.details).toEqual({ participantId: redeemed.participant.id });
  });
});

describe('the shared HTTP transport', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.dispose());

  it('a server that cannot be reached is an ApiUnreachableError naming the address', async () => {
    const transport = createHttpTransport({ baseUrl: `${harness.server.url}/`, fetch });
    await expect(transport('health/get', {})).resolves.toMatchObject({ status: 'ok' });
    await harness.stop();
    const failure = await transport('health/get', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiUnreachableError);
    expect((failure as Error).message).toContain(`could not reach the server at ${harness.server.url} for health/get`);
  });

  it('a reply that is neither a result nor an API error is ApiError internal naming the status', async () => {
    const transport = createHttpTransport({ baseUrl: `${harness.server.url}/not-the-api`, fetch });
    const failure = await transport('health/get', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'internal', message: expect.stringMatching(/^the server answered health\/get with HTTP 4\d\d and no API error$/) });
  });
});
