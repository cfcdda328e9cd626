import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readContent } from '#shared/document/yjsContent';
import { messageType } from '#shared/sync/protocol';
import { articleStatusRootName, proposalsRootName, threadsRootName } from '#shared/negotiation/model';
import { storedDoc } from '../helpers/storedState';
import { openRawSocket, syncUpdateFrame } from '../helpers/rawSocket';
import { deniedAtLeast } from '../helpers/syncClient';
import { articleTexts, clauseIds, docMatches, lastParagraphOf, openNegotiation, proposedArticle, statusIn, serverPerTest } from './negotiationFixture';

// S14: proposals, article statuses and threads are the server's; clients change them only
// through the API. A client writing them through Yjs is refused and nothing is stored.

const serverRoots = [proposalsRootName, articleStatusRootName, threadsRootName] as const;

describe('S14 server-owned parts change only through the API', () => {
  const server = serverPerTest();

  /** The negotiation as it is stored: the three server-owned roots of the stored document. */
  async function storedNegotiation(documentId: string) {
    const doc = await storedDoc(server.api.store.updates, documentId);
    return {
      roots: serverRoots.map((name) => doc.getMap(name).toJSON()),
      body: articleTexts(readContent(doc)),
      lastSeq: await server.api.store.updates.lastSeq(documentId),
    };
  }

  /** A document with a proposal, an agreed article and a public thread, so there is something to forge. */
  async function negotiationUnderWay() {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    const proposal = await seats.union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'replace',
      rationale: 'Tăng lương',
      article: proposedArticle('Tiền lương', 'Cao hơn 10%.'),
    });
    await seats.employer.client.call('articles/agree', { documentId, clauseId: clauseIds.term });
    await seats.union.client.call('articles/agree', { documentId, clauseId: clauseIds.term });
    const thread = await seats.employer.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: 'Cơ sở tính 10%?' });
    return { ...seats, documentId, proposal, thread };
  }

  it('refuses a client writing, overwriting or deleting proposals, statuses or threads through Yjs; nothing is stored or relayed', async () => {
    const { documentId, union, employer, proposal, thread } = await negotiationUnderWay();
    const witness = await server.connect(documentId, employer.token);
    const before = await storedNegotiation(documentId);
    const witnessBefore = serverRoots.map((name) => witness.doc.getMap(name).toJSON());

    const forgeries: [string, (doc: Y.Doc) => void][] = [
      ['proposals', (doc) => doc.getMap(proposalsRootName).set('gia-mao', { ...proposal, id: 'gia-mao', side: 'employer' })],
      ['proposals', (doc) => doc.getMap(proposalsRootName).set(proposal.id, { ...proposal, status: 'accepted' })],
      ['proposals', (doc) => doc.getMap(proposalsRootName).delete(proposal.id)],
      ['articleStatus', (doc) => doc.getMap(articleStatusRootName).set(clauseIds.wage, { ...statusIn(doc, clauseIds.term), clauseId: clauseIds.wage })],
      ['articleStatus', (doc) => doc.getMap(articleStatusRootName).delete(clauseIds.term)],
      ['threads', (doc) => doc.getMap(threadsRootName).set(thread.id, { ...thread, resolvedAt: thread.createdAt, resolvedByName: 'Giả mạo' })],
      // A legitimate body edit in the same transaction does not carry a forged status through.
      [
        'articleStatus',
        (doc) => {
          lastParagraphOf(doc, clauseIds.bonus).insert(0, 'ĐÃ ĐỒNG Ý ');
          doc.getMap(articleStatusRootName).set(clauseIds.bonus, { ...statusIn(doc, clauseIds.term), clauseId: clauseIds.bonus });
        },
      ],
    ];
    for (const [root, forge] of forgeries) {
      // A fresh client each time: a refused client's later updates build on what was refused.
      const forger = await server.connect(documentId, union.token);
      forger.doc.transact(() => forge(forger.doc));
      await deniedAtLeast(forger, 1);
      expect(forger.denials).toEqual([`the "${root}" part of the document is changed only through the API`]);
      expect(await storedNegotiation(documentId)).toEqual(before);
      server.clients.splice(server.clients.indexOf(forger), 1);
      forger.destroy();
    }

    // The witness got none of it: a later legitimate edit reaches it after anything sent before.
    const editor = await server.connect(documentId, union.token);
    lastParagraphOf(editor.doc, clauseIds.scope).insert(0, 'Sửa hợp lệ: ');
    await docMatches(
      witness.doc,
      () => (articleTexts(readContent(witness.doc)).find((a) => a.clauseId === clauseIds.scope)?.text ?? '').includes('Sửa hợp lệ: '),
      'the legitimate edit to reach the witness',
    );
    expect(serverRoots.map((name) => witness.doc.getMap(name).toJSON())).toEqual(witnessBefore);
    expect(articleTexts(readContent(witness.doc)).find((a) => a.clauseId === clauseIds.bonus)?.text).not.toContain('ĐÃ ĐỒNG Ý');
    expect((await storedNegotiation(documentId)).roots).toEqual(before.roots);
    expect((await server.api.store.audit.listByDocument(documentId)).filter((e) => e.action === 'sync.write_refused')).toHaveLength(forgeries.length);
    expect((await server.admin.call('negotiation/state', { documentId })).proposals).toEqual([proposal]);
  });

  it('a reconnecting client whose sync step 2 repeats the server’s own deletions there is not refused, and its offline edit is stored', async () => {
    const { documentId, employer, union, proposal } = await negotiationUnderWay();
    const client = await server.connect(documentId, union.token);
    const witness = await server.connect(documentId, employer.token);
    // Server changes that overwrite entries (and so delete the old ones) in every server-owned root.
    await employer.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    await union.client.call('articles/requestReopen', { documentId, clauseId: clauseIds.term, reason: 'Xem lại thời hạn' });
    await employer.client.call('articles/answerReopen', { documentId, clauseId: clauseIds.term, accept: true });
    await docMatches(
      client.doc,
      () =>
        statusIn(client.doc, clauseIds.term)?.status === 'open' &&
        client.doc.getMap(proposalsRootName).size === 1 &&
        articleTexts(readContent(client.doc)).some((a) => a.text.includes('Cao hơn 10%.')),
      'the client to receive the server’s changes',
    );

    client.provider.disconnect();
    lastParagraphOf(client.doc, clauseIds.bonus).insert(0, 'Soạn khi mất mạng: ');
    client.provider.connect();
    await docMatches(
      witness.doc,
      () => (articleTexts(readContent(witness.doc)).find((a) => a.clauseId === clauseIds.bonus)?.text ?? '').includes('Soạn khi mất mạng: '),
      'the offline edit to reach the witness',
    );
    expect(client.denials).toEqual([]);
    expect((await storedNegotiation(documentId)).body.find((a) => a.clauseId === clauseIds.bonus)?.text).toBe(
      'Thưởng Tết\nSoạn khi mất mạng: Thưởng Tết bằng một tháng lương.',
    );
  });
  it('a device relaying its whole offline copy — server-owned parts included — is not refused, and its offline edit is stored', async () => {
    const { documentId, employer, union } = await negotiationUnderWay();
    const earlier = await server.connect(documentId, union.token);
    const witness = await server.connect(documentId, employer.token);
    // The copy this device kept (IndexedDB), with an edit made offline.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(earlier.doc));
    expect(serverRoots.every((root) => copy.getMap(root).size > 0)).toBe(true);
    lastParagraphOf(copy, clauseIds.bonus).insert(0, 'Soạn khi mất mạng: ');
    // Loaded after the socket opened and before the server's state arrived, the whole copy is new
    // to the page's Y.Doc, so the provider relays it whole: this is that frame.
    const device = openRawSocket(server.api.serverUrl ?? '', documentId, union.token);
    await device.greeted();
    const framesBefore = device.frames.length;
    device.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(copy)));
    await docMatches(
      witness.doc,
      () => (articleTexts(readContent(witness.doc)).find((a) => a.clauseId === clauseIds.bonus)?.text ?? '').includes('Soạn khi mất mạng: '),
      'the offline edit to reach the witness',
    );
    // No "permission denied" came back, and the socket is still open.
    expect(device.frames.slice(framesBefore).filter((frame) => frame[0] === messageType.auth)).toEqual([]);
    expect(device.socket.readyState).toBe(device.socket.OPEN);
    device.socket.close();
    expect((await storedNegotiation(documentId)).body.find((a) => a.clauseId === clauseIds.bonus)?.text).toBe(
      'Thưởng Tết\nSoạn khi mất mạng: Thưởng Tết bằng một tháng lương.',
    );
  });
});
