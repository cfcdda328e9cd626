import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import { proposalsRootName, type Proposal } from '#shared/negotiation/model';
import { messageType } from '#shared/sync/protocol';
import { articleTexts, agreementBody, clauseIds, lastParagraphOf, proposedArticle } from '../negotiation/negotiationFixture';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { openRawSocket, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket';
import { deletionOnlyUpdate } from '../helpers/hostileUpdates';
import { storedDoc } from '../helpers/storedState';
import { connectClient, connectSyncedClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

/** The Yjs client ids that wrote the entries of the proposals map (the server's writers). */
function proposalWriters(doc: Y.Doc): Set<number> {
  const writers = new Set<number>();
  for (const item of doc.getMap(proposalsRootName)._map.values()) writers.add(item.id.client);
  return writers;
}

describe('S18 nothing waits in a document for changes nobody has sent', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    await harness.dispose();
  });

  async function negotiation() {
    harness = await startHarness();
    const host = api(await harness.server.authentication.createAdminToken('test'));
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', content: agreementBody() });
    const seat = async (side: 'employer' | 'union', displayName: string) => {
      const invitation = await host.call('invitations/create', { documentId: document.id, side });
      const redeemed = await api().call('invitations/redeem', { code: invitation.code, displayName });
      return { token: redeemed.token, client: api(redeemed.token) };
    };
    return {
      documentId: document.id,
      employer: await seat('employer', 'Chị Lan'),
      union: await seat('union', 'Anh Minh'),
      union2: await seat('union', 'Chị Hoa'),
    };
  }

  function api(token?: string): ApiClient {
    return createApiClient(createHttpTransport({ baseUrl: harness.server.url, token, fetch }));
  }

  const connect = (documentId: string, token: string): Promise<SyncClient> => connectSyncedClient(harness.server.url, documentId, token, clients);

  async function rawSocket(documentId: string, token: string): Promise<RawSocket> {
    const raw = openRawSocket(harness.server.url, documentId, token);
    sockets.push(raw);
    await raw.greeted();
    return raw;
  }

  it('a deletion aimed at clocks the other side’s server writer has not written yet erases none of its later proposals, also after a restart', async () => {
    const { documentId, employer, union } = await negotiation();
    // The room stays loaded from here on: the server writes both proposals with one writer id.
    const witness = await connect(documentId, union.token);
    const first = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Tăng lương',
      article: proposedArticle('Tiền lương', 'Cao hơn 10%.'),
    });
    await waitFor(() => witness.doc.getMap(proposalsRootName).has(first.id), 'the first proposal to reach the witness');
    const attacker = await rawSocket(documentId, employer.token);
    const [writer] = proposalWriters(witness.doc);
    expect(writer).toBeDefined();
    const next = Y.getState(witness.doc.store, writer as number);
    attacker.socket.send(syncUpdateFrame(deletionOnlyUpdate(writer as number, next, 1_000_000)));

    const later = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.bonus,
      kind: 'replace',
      rationale: 'Thưởng thêm',
      article: proposedArticle('Thưởng Tết', 'Hai tháng lương.'),
    });
    await waitFor(() => witness.doc.getMap(proposalsRootName).has(later.id), 'the later proposal to reach the witness');
    expect(proposalWriters(witness.doc)).toContain(writer);
    const ids = (proposals: readonly Proposal[]) => proposals.map((proposal) => proposal.id).sort();
    await harness.stop();
    await harness.restart({ port: Number(new URL(harness.server.url).port) });
    expect(ids((await union.client.call('negotiation/state', { documentId })).proposals)).toEqual([first.id, later.id].sort());
    // Neither stored nor relayed: nothing came of it but a log line.
    expect((await storedDoc(harness.server.context.store.updates, documentId)).store.pendingDs).toBeNull();
    expect(harness.logger.lines.some((line) => line.event === 'sync.future_deletions_ignored')).toBe(true);
  });

  it('a deletion aimed at a colleague’s future clocks deletes nothing the colleague types afterwards', async () => {
    const { documentId, union, union2 } = await negotiation();
    const colleague = await connect(documentId, union.token);
    const attacker = await rawSocket(documentId, union2.token);
    attacker.socket.send(syncUpdateFrame(deletionOnlyUpdate(colleague.doc.clientID, Y.getState(colleague.doc.store, colleague.doc.clientID), 1_000_000)));
    const witness = await connect(documentId, union2.token);
    lastParagraphOf(colleague.doc, clauseIds.scope).insert(0, 'Gõ sau cuộc tấn công. ');
    const scope = (doc: Y.Doc) => articleTexts(readContent(doc)).find((article) => article.clauseId === clauseIds.scope)?.text ?? '';
    await waitFor(() => scope(witness.doc).includes('Gõ sau cuộc tấn công.'), 'the colleague’s later text to reach a witness');
    expect(await harness.server.sync.withRoom(documentId, (room) => scope(room.doc))).toContain('Gõ sau cuộc tấn công.');
    expect(colleague.denials).toEqual([]);
  });

  it('an update building on changes the server lacks is not applied; the server asks its sender for them, and gets them', async () => {
    const { documentId, union } = await negotiation();
    const witness = await connect(documentId, union.token);
    const device = await rawSocket(documentId, union.token);
    // A device that typed twice while offline and sends only its second edit first.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(witness.doc));
    const known = Y.encodeStateVector(copy);
    lastParagraphOf(copy, clauseIds.scope).insert(0, 'Một. ');
    const beforeSecond = Y.encodeStateVector(copy);
    lastParagraphOf(copy, clauseIds.scope).insert(0, 'Hai. ');
    const framesBefore = device.frames.length;
    device.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(copy, beforeSecond)));
    await waitFor(() => device.frames.length > framesBefore, 'the server’s answer');
    const answer = device.frames.slice(framesBefore);
    // Sync step 1 (the server's state vector), no "permission denied".
    expect(answer.map((frame) => [frame[0], frame[1]])).toEqual([[messageType.sync, 0]]);
    expect(await harness.server.sync.withRoom(documentId, (room) => Y.getState(room.doc.store, copy.clientID))).toBe(0);
    // What a stock client answers to it: everything the server lacks.
    device.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(copy, known)));
    const scope = (doc: Y.Doc) => articleTexts(readContent(doc)).find((article) => article.clauseId === clauseIds.scope)?.text ?? '';
    await waitFor(() => scope(witness.doc).includes('Hai. Một. '), 'both edits to reach the witness');
  });

  it('a stock client that types as it reconnects after a server restart gets no refusal, and everything it typed is stored', async () => {
    const { documentId, union } = await negotiation();
    const typist = await connect(documentId, union.token);
    const port = Number(new URL(harness.server.url).port);
    const paragraph = () => lastParagraphOf(typist.doc, clauseIds.scope);
    await harness.stop();
    paragraph().insert(0, 'Gõ khi máy chủ khởi động lại. ');
    // The stock provider sends its edits as soon as the socket opens; this one lands before the
    // client has answered the server's sync step 1, on top of the offline edit not yet sent.
    let typedOnOpen = false;
    typist.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected' || typedOnOpen) return;
      typedOnOpen = true;
      paragraph().insert(0, 'Gõ ngay khi kết nối lại. ');
    });
    await harness.restart({ port });
    await waitFor(() => typedOnOpen && typist.provider.synced, 'the typist to reconnect and sync');
    const witness = await connect(documentId, union.token);
    await waitFor(() => lastParagraphOf(witness.doc, clauseIds.scope).toString() === paragraph().toString(), 'everything typed to reach a witness');
    expect(paragraph().toString()).toMatch(/^Gõ ngay khi kết nối lại\. Gõ khi máy chủ khởi động lại\. /);
    expect(typist.denials).toEqual([]);
  });
});

describe('S19 a Yjs client id is its first participant’s', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness.dispose();
  });

  it('an attacker who saw a colleague’s client id in presence cannot write under it first: refused, and the colleague types on', async () => {
    harness = await startHarness();
    const { server } = harness;
    const document = await server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', content: agreementBody(), variables: {}, language: 'vi' },
      { kind: 'admin' },
    );
    const seat = async (side: 'union' | 'employer', displayName: string) => {
      const invitation = await server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' });
      return (await server.handlers['invitations/redeem']({ code: invitation.code, displayName }, { kind: 'anonymous' })).token;
    };
    const connectAs = async (token: string, doc = new Y.Doc()) => {
      contentRoot(doc);
      const client = connectClient(server.url, document.id, token, doc);
      clients.push(client);
      await synced(client);
      return client;
    };
    const colleague = await connectAs(await seat('union', 'Anh Minh'));
    colleague.provider.awareness.setLocalStateField('user', { name: 'Anh Minh' });
    const attackerToken = await seat('union', 'Kẻ giả mạo');
    const watcher = await connectAs(attackerToken);
    await waitFor(() => watcher.provider.awareness.getStates().has(colleague.doc.clientID), 'the colleague’s presence');
    // A copy of the document writing under the colleague's id before the colleague types.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    forged.clientID = colleague.doc.clientID;
    const forger = await connectAs(attackerToken, forged);
    lastParagraphOf(forged, clauseIds.scope).insert(0, 'Giả mạo. ');
    await waitFor(() => forger.denials.length > 0, 'the forged write to be refused');
    expect(forger.denials[0]).toMatch(/belongs to another participant/);

    lastParagraphOf(colleague.doc, clauseIds.scope).insert(0, 'Thật. ');
    await waitFor(() => lastParagraphOf(watcher.doc, clauseIds.scope).toString().startsWith('Thật. '), 'the colleague’s edit to reach others');
    expect(lastParagraphOf(watcher.doc, clauseIds.scope).toString()).not.toContain('Giả mạo');
    expect(colleague.denials).toEqual([]);
  });
});
