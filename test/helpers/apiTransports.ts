import { expect } from 'vitest';
import type * as Y from 'yjs';
import { createApiClient, type ApiClient, type ApiTransport } from '#shared/api/client';
import { dispatchApiCall } from '#shared/api/dispatch';
import { ApiError, type ApiErrorCode } from '#shared/api/errors';
import { createHttpTransport } from '#shared/api/httpTransport';
import { createMemoryLogger } from '#main/logger';
import type { DocumentRoom } from '#main/sync/documentRoom';
import { createApiHandlers } from '#main/wiring/apiHandlers';
import { createSyncServer } from '#main/sync/syncServer';
import { openServices } from '#main/server/services';
import type { Store } from '#main/store/port';
import { startHarness } from './serverHarness';
import { createTempFolder } from './tempFolder';

/** A clock the test moves by hand: services read it instead of Date.now. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function createTestClock(start = Date.UTC(2027, 0, 4, 8, 30)): TestClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}

/** Services over a fresh data folder, reachable through one kind of transport. */
export interface ApiFixture {
  /** A transport that presents `token` (or none) the way this transport does. */
  transport(token?: string): ApiTransport;
  client(token?: string): ApiClient;
  /** A host token created on the fixture's own database. */
  adminToken: string;
  /** Unexpected errors the transport logged (each one became `internal`). */
  unexpectedErrors(): unknown[];
  /** The fixture's own database, for what the API does not show (the audit log). */
  store: Store;
  /** Reads the server's live copy of a document (its room, loaded for the occasion if nobody has it open). */
  withDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Uses a document's sync room (loaded for the occasion if nobody has it open), as a socket would. */
  withRoom<T>(documentId: string, use: (room: DocumentRoom) => T | Promise<T>): Promise<T>;
  /** Where stock sync clients connect; null when the transport has no network listener. */
  serverUrl: string | null;
  close(): Promise<void>;
}

export interface TransportUnderTest {
  name: string;
  start(clock: TestClock): Promise<ApiFixture>;
}

/** A fresh API for one test: its clock, its fixture and a client holding the host token. */
export async function startApi(
  underTest: TransportUnderTest,
  clock: TestClock = createTestClock(),
): Promise<{ clock: TestClock; api: ApiFixture; admin: ApiClient }> {
  const api = await underTest.start(clock);
  return { clock, api, admin: api.client(api.adminToken) };
}

/** Closes a test's API; the test fails if the server logged an unexpected error meanwhile. */
export async function closeApi(api: ApiFixture): Promise<void> {
  const unexpected = api.unexpectedErrors();
  await api.close();
  expect(unexpected).toEqual([]);
}

/** Server mode on 127.0.0.1:0, called with the shared HTTP transport and Node's fetch. */
export const httpTransportUnderTest: TransportUnderTest = {
  name: 'HTTP (server mode)',
  async start(clock) {
    const harness = await startHarness({ now: clock.now });
    const transport = (token?: string): ApiTransport => createHttpTransport({ baseUrl: harness.server.url, token, fetch });
    return {
      transport,
      client: (token) => createApiClient(transport(token)),
      adminToken: await harness.server.authentication.createAdminToken('contract suite'),
      unexpectedErrors: () => harness.logger.lines.filter((line) => line.event === 'api.unexpected_error'),
      store: harness.server.context.store,
      withDocument: (documentId, read) => harness.server.sync.withRoom(documentId, (room) => read(room.doc)),
      withRoom: (documentId, use) => harness.server.sync.withRoom(documentId, use),
      serverUrl: harness.server.url,
      close: () => harness.dispose(),
    };
  },
};

/**
 * The same handlers called in-process, as Electron IPC will: the token is resolved by the same
 * authentication, and input and results go through structured clone as over a message port.
 */
export const inProcessTransportUnderTest: TransportUnderTest = {
  name: 'in-process (dispatchApiCall)',
  async start(clock) {
    const folder = createTempFolder();
    const { context, authentication } = await openServices(folder.path, createMemoryLogger(), { now: clock.now });
    const sync = createSyncServer({ context, authentication });
    const handlers = createApiHandlers(context, sync);
    const unexpected: unknown[] = [];
    const transport =
      (token?: string): ApiTransport =>
      async (method, input) => {
        const caller = await authentication.resolve(token);
        if (caller === null) throw new ApiError('unauthorized', 'the token is unknown or has been revoked', { reason: { key: 'token_revoked' } });
        const result = await dispatchApiCall(handlers, method, structuredClone(input), caller, (error) => unexpected.push(error));
        if (!result.ok) throw ApiError.fromData(result.error);
        return structuredClone(result.result);
      };
    return {
      transport,
      client: (token) => createApiClient(transport(token)),
      adminToken: await authentication.createAdminToken('contract suite'),
      unexpectedErrors: () => unexpected,
      store: context.store,
      withDocument: (documentId, read) => sync.withRoom(documentId, (room) => read(room.doc)),
      withRoom: (documentId, use) => sync.withRoom(documentId, use),
      serverUrl: null,
      async close() {
        await sync.close();
        await context.store.close();
        folder.remove();
      },
    };
  },
};

/** Awaits a call that must fail with an ApiError of `code`, whose message matches `message` if given. */
export async function expectApiError(call: Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<ApiError> {
  const error = await call.then(
    (result: unknown) => {
      throw new Error(`expected the call to fail with ${code}, but it returned ${JSON.stringify(result)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect({ code: apiError.code, message: apiError.message }).toEqual({ code, message: message ? expect.stringMatching(message) : expect.any(String) });
  return apiError;
}
