import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '#shared/sync/protocol';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, presenceMatches, serverClose, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { awarenessFrame, openRawSocket, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket';
import { bodyParagraph } from '../helpers/bodyText';
import { contentText, storedWriters, writersOf } from '../helpers/storedState';

describe('S5 refused connections and S6 revocation', () => {
  let harness: Harness | undefined;
  const clients: SyncClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    await harness?.dispose();
    harness = undefined;
  });

  function connect(documentId: string, token: string | undefined, params: Record<string, string> = {}): SyncClient {
    if (!harness) throw new Error('no harness');
    const client = connectClient(harness.server.url, documentId, token, new Y.Doc(), params);
    clients.push(client);
    return client;
  }

  function logged(event: string, code: number): number {
    return harness?.logger.lines.filter((line) => line.event === event && line.fields.code === code).length ?? 0;
  }

  it('S5 refuses a missing or unknown token (4401), another document (4403), an unknown document (4404) and another protocol (4426), with a reason and a log line', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const other = await createDocument(harness.server, 'Nội quy lao động');
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const elsewhere = await joinAs(harness.server, other.id, 'union', 'Anh Minh (Công đoàn)');

    const cases: { what: string; documentId: string; token: string | undefined; params: Record<string, string>; code: number; reason: RegExp }[] = [
      { what: 'no token', documentId: document.id, token: undefined, params: {}, code: closeCodes.unauthorized, reason: /token/ },
      {
        what: 'an unknown token',
        documentId: document.id,
        token: 'tu_not-a-token-anyone-was-given',
        params: {},
        code: closeCodes.unauthorized,
        reason: /token/,
      },
      { what: "another document's token", documentId: document.id, token: elsewhere.token, params: {}, code: closeCodes.forbidden, reason: /another document/ },
      {
        what: 'an unknown document',
        documentId: 'zzzzzzzzzzzzzzzz',
        token: employer.token,
        params: {},
        code: closeCodes.unknownDocument,
        reason: /no such document/,
      },
      {
        what: 'protocol 99',
        documentId: document.id,
        token: employer.token,
        params: { protocol: '99' },
        code: closeCodes.protocolMismatch,
        reason: /protocol 1, not 99/,
      },
    ];
    for (const refusal of cases) {
      const loggedBefore = logged('sync.refused', refusal.code);
      const client = connect(refusal.documentId, refusal.token, refusal.params);
      const close = await serverClose(client);
      expect(close.code, refusal.what).toBe(refusal.code);
      expect(close.reason, refusal.what).toMatch(refusal.reason);
      expect(logged('sync.refused', refusal.code), refusal.what).toBe(loggedBefore + 1);
      // Refused before anything was sent: not even the seeded body reached the client.
      expect(client.provider.synced, refusal.what).toBe(false);
      expect(Y.encodeStateVector(client.doc), refusal.what).toEqual(Y.encodeStateVector(new Y.Doc()));
    }
    // The stated protocol version is accepted.
    const current = connect(document.id, employer.token, { protocol: '1' });
    await synced(current);
    expect(harness.server.sync.stats().connections).toBe(1);
  });

  it('S6 revoking a participant closes its open socket with 4401 at once, and its presence goes with it', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const a = connect(document.id, employer.token);
    const b = connect(document.id, union.token);
    a.provider.awareness.setLocalStateField('cursor', 3);
    await Promise.all([synced(a), synced(b)]);
    await presenceMatches(b, (states) => states.has(a.doc.clientID), "A's presence to reach B");

    const closed = serverClose(a, 2_000);
    await harness.server.handlers['participants/revoke']({ participantId: employer.participant.id }, { kind: 'admin' });
    const close = await closed;
    expect(close.code).toBe(closeCodes.unauthorized);
    expect(close.reason).toMatch(/removed/);
    await presenceMatches(b, (states) => !states.has(a.doc.clientID), "A's presence to disappear for B", 2_000);
    const revocationLines = harness.logger.lines.filter(
      (line) => line.fields.participant === employer.participant.id && line.fields.code === closeCodes.unauthorized,
    );
    expect(revocationLines.length).toBe(1);

    // The token no longer opens a socket.
    const again = connect(document.id, employer.token);
    expect((await serverClose(again)).code).toBe(closeCodes.unauthorized);
  });

  it('S6 after a revocation nothing more from its sockets is applied, and their presence goes at once, even if they never answer the close', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const b = connect(document.id, union.token);
    await synced(b);
    // Two sockets of the participant to revoke: one that keeps talking, one that went silent.
    const talking = openRawSocket(harness.server.url, document.id, employer.token);
    const silent = openRawSocket(harness.server.url, document.id, employer.token);
    sockets.push(talking, silent);
    await Promise.all([talking.greeted(), silent.greeted()]);
    silent.socket.send(awarenessFrame([{ clientId: 9006, clock: 1, json: '{"cursor":8}' }]));
    await presenceMatches(b, (states) => states.has(9006), "B to see the silent socket's presence");
    // It stops reading: it will never see, let alone answer, the server's close frame.
    silent.socket.pause();

    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(b.doc));
    bodyParagraph(late).insert(0, '[sent after the revocation]');
    // The revocation closes the sockets synchronously on the server; this frame arrives after it,
    // while the socket is still closing (ws keeps reading until the peer answers the close frame).
    await harness.server.handlers['participants/revoke']({ participantId: employer.participant.id }, { kind: 'admin' });
    talking.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(late, Y.encodeStateVector(b.doc))));
    const close = await talking.closed();
    expect(close.code).toBe(closeCodes.unauthorized);
    // Without waiting for ws's 30 s close timeout on the silent socket.
    await presenceMatches(b, (states) => !states.has(9006), "the silent socket's presence to disappear", 2_000);
    expect(harness.server.sync.stats().connections).toBe(1);

    // B's later edit being relayed proves the server has handled (and flushed) everything before it.
    b.text.insert(0, '[B after]');
    const watcher = connect(document.id, union.token);
    await textMatches(watcher, (t) => t.includes('[B after]'), 'a fresh client to receive B');
    expect(watcher.text.toString()).not.toContain('[sent after the revocation]');
    expect(b.text.toString()).not.toContain('[sent after the revocation]');
    const room = harness.server.sync.room(document.id);
    if (!room) throw new Error('the room should be open while clients are connected');
    expect(contentText(room.doc)).not.toContain('[sent after the revocation]');
    expect(writersOf(room.doc).has(late.clientID)).toBe(false);
    await room.flush();
    expect((await storedWriters(harness.server.context.store.updates, document.id)).has(late.clientID)).toBe(false);
  });
});
