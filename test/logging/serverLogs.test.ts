import { connect } from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { z } from 'zod';
import { closeCodes, syncPath } from '#shared/sync/protocol';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { runCliJson, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { createTempFolder } from '../helpers/tempFolder';
import { waitFor, within } from '../helpers/waitFor';

const createdDocument = z.object({ id: z.string() });
const invitation = z.object({ code: z.string() });
const redeemed = z.object({ token: z.string(), participant: z.object({ id: z.string() }) });

function postApi(serverUrl: string, method: string, token: string, body: unknown = {}): Promise<Response> {
  return fetch(`${serverUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** Opens a sync socket and resolves with the close code the server sends. */
function refusedSocket(serverUrl: string, documentId: string, query: string): Promise<number> {
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}${syncPath}/${documentId}${query}`);
  socket.on('error', () => {});
  return within(new Promise((resolve) => socket.once('close', (code) => resolve(code))), 5_000, 'the refused socket to close');
}

/** Sends bytes that are not HTTP and resolves with what the server answered before closing. */
function sendGarbage(port: number): Promise<string> {
  return within(
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    }),
    5_000,
    'the server to answer a request that is not HTTP',
  );
}

describe('API request logs (a real server in this process)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('a refused call is logged with its method and remote address, and once the token is read, the caller: participant, document, side', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const admin = await harness.server.authentication.createAdminToken('logs test');

    expect((await postApi(harness.server.url, 'documents/list', 'tu_never-issued')).status).toBe(401);
    expect(
      (await postApi(harness.server.url, 'documents/create', union.token, { kind: 'enterprise_agreement', title: 'X', variables: {}, language: 'vi' })).status,
    ).toBe(403);
    // Calls that succeed, or fail for another reason than the caller's rights, add no line.
    expect((await postApi(harness.server.url, 'documents/list', admin)).status).toBe(200);
    expect((await postApi(harness.server.url, 'documents/get', admin, { documentId: 'zzzzzzzzzzzzzzzz' })).status).toBe(404);

    const refused = harness.logger.lines.filter((line) => line.event.startsWith('api.'));
    expect(refused).toEqual([
      {
        level: 'warn',
        event: 'api.refused',
        fields: {
          method: 'documents/list',
          remote: expect.stringMatching(/127\.0\.0\.1$/),
          code: 'unauthorized',
          reason: 'the token is unknown or has been revoked',
        },
      },
      {
        level: 'warn',
        event: 'api.refused',
        fields: {
          method: 'documents/create',
          remote: expect.stringMatching(/127\.0\.0\.1$/),
          caller: 'participant',
          participant: union.participant.id,
          document: document.id,
          side: 'union',
          code: 'forbidden',
          reason: expect.any(String),
        },
      },
    ]);
  });
});

describe('server mode logs (the real process)', () => {
  let folder: ReturnType<typeof createTempFolder> | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server?.exited;
    server = undefined;
    folder?.remove();
    folder = undefined;
  });

  /** A data folder with one document and a union participant's token, made before the server starts. */
  async function prepare() {
    folder = createTempFolder();
    const document = createdDocument.parse(
      await runCliJson(folder.path, ['documents', 'create', '--kind', 'enterprise_agreement', '--title', 'Thỏa ước lao động tập thể 2027']),
    );
    const { code } = invitation.parse(await runCliJson(folder.path, ['invite', document.id, '--side', 'union']));
    const union = redeemed.parse(await runCliJson(folder.path, ['redeem', code, '--name', 'Anh Minh (Công đoàn)']));
    return { dataFolder: folder.path, document, union };
  }

  it('writes JSON lines on stderr: a refused call with its caller bound, a refused socket, a request that is not HTTP with its error and stack', async () => {
    const { dataFolder, document, union } = await prepare();
    server = await spawnServer(dataFolder);
    const running = server;
    onTestFailed(() => {
      process.stderr.write(`server output:\n${running.output()}\n`);
    });

    expect(
      (await postApi(server.url, 'documents/create', union.token, { kind: 'enterprise_agreement', title: 'X', variables: {}, language: 'vi' })).status,
    ).toBe(403);
    expect(await refusedSocket(server.url, document.id, '')).toBe(closeCodes.unauthorized);
    expect(await sendGarbage(server.port)).toMatch(/^HTTP\/1\.1 400 /);

    const lines = () =>
      running
        .errorOutput()
        .split('\n')
        .filter((line) => line !== '');
    const logged = (event: string) =>
      lines()
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.event === event);
    await waitFor(() => logged('http.client_error') !== undefined, 'the client error line');
    // Every line on stderr is one JSON object with the same frame.
    for (const line of lines()) {
      expect(JSON.parse(line)).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        pid: running.child.pid,
        event: expect.any(String),
        msg: expect.any(String),
      });
    }
    expect(logged('api.refused')).toMatchObject({
      level: 'warn',
      method: 'documents/create',
      caller: 'participant',
      participant: union.participant.id,
      document: document.id,
      side: 'union',
      code: 'forbidden',
    });
    expect(logged('sync.refused')).toMatchObject({ level: 'warn', code: closeCodes.unauthorized, path: `${syncPath}/${document.id}` });
    expect(logged('http.client_error')).toMatchObject({
      level: 'warn',
      error: {
        type: 'Error',
        code: 'HPE_INVALID_METHOD',
        stack: expect.stringMatching(/^Error: Parse Error: Invalid method/),
        rawPacket: { type: 'Buffer', bytes: expect.any(Number), hex: expect.any(String) },
      },
    });
  });

  it('keeps serving when nobody reads its stderr any more: lines that cannot be written are dropped', async () => {
    const { dataFolder, document } = await prepare();
    server = await spawnServer(dataFolder);
    // The reading end of the pipe closes: every write of the server to stderr now fails (EPIPE).
    server.child.stderr?.destroy();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await refusedSocket(server.url, document.id, '?token=tu_never-issued')).toBe(closeCodes.unauthorized);
      expect((await postApi(server.url, 'documents/list', 'tu_never-issued')).status).toBe(401);
    }
    expect((await fetch(`${server.url}/api/health/get`)).status).toBe(200);
    expect({ exitCode: server.child.exitCode, signal: server.child.signalCode }).toEqual({ exitCode: null, signal: null });
  });
});
