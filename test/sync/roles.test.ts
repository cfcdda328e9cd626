import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, deniedAtLeast, presenceMatches, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { contentText, storedDoc, storedWriters, writersOf } from '../helpers/storedState';

const reviewerRefusal = 'reviewers can read but not edit';
const frozenRefusal = 'this document no longer accepts changes';

describe('read-only participants and archived documents', () => {
  let harness: Harness | undefined;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness?.dispose();
    harness = undefined;
  });

  function connect(documentId: string, token: string): SyncClient {
    if (!harness) throw new Error('no harness');
    const client = connectClient(harness.server.url, documentId, token);
    clients.push(client);
    return client;
  }

  async function refusalsInAudit(documentId: string, participantId: string): Promise<number> {
    if (!harness) throw new Error('no harness');
    return (await harness.server.context.store.audit.listByDocument(documentId)).filter(
      (entry) => entry.action === 'sync.write_refused' && entry.actor === `participant:${participantId}`,
    ).length;
  }

  it('S3 reviewer writes are refused and never stored; the others converge; the reviewer still reads everything', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const reviewer = await joinAs(harness.server, document.id, 'reviewer', 'Ông Tuấn (Sở Nội vụ)');
    const a = connect(document.id, employer.token);
    const b = connect(document.id, union.token);
    const r = connect(document.id, reviewer.token);
    await Promise.all([synced(a), synced(b), synced(r)]);

    for (let round = 0; round < 5; round += 1) {
      a.text.insert(0, `[A${round}]`);
      r.text.insert(0, `[R${round}]`);
      b.text.insert(b.text.length, `[B${round}]`);
    }
    const hasEveryEdit = (text: string): boolean => [0, 1, 2, 3, 4].every((i) => text.includes(`[A${i}]`) && text.includes(`[B${i}]`));
    await deniedAtLeast(r, 5);
    await textMatches(a, hasEveryEdit, 'A to receive every A and B edit');
    await textMatches(b, hasEveryEdit, 'B to receive every A and B edit');
    expect(b.text.toString()).toBe(a.text.toString());
    // The reviewer keeps receiving everyone else's edits (next to its own refused, local ones).
    await textMatches(r, hasEveryEdit, 'the reviewer to receive every A and B edit');

    expect(r.denials.every((reason) => reason === reviewerRefusal)).toBe(true);
    expect(a.text.toString()).not.toContain('[R');
    expect(a.denials).toEqual([]);
    expect(b.denials).toEqual([]);

    // The server: its document, its log, and its client attribution never saw the reviewer.
    const room = harness.server.sync.room(document.id);
    if (!room) throw new Error('the room should be open while clients are connected');
    expect(contentText(room.doc)).toBe(a.text.toString());
    expect(writersOf(room.doc).has(r.doc.clientID)).toBe(false);
    await room.flush();
    const { updates } = harness.server.context.store;
    expect((await storedWriters(updates, document.id)).has(r.doc.clientID)).toBe(false);
    expect([...(await updates.clients(document.id)).values()]).not.toContain(reviewer.participant.id);
    expect(contentText(await storedDoc(updates, document.id))).toBe(a.text.toString());

    // One audit entry per connection, however many writes it tried.
    expect(r.denials.length).toBeGreaterThanOrEqual(5);
    expect(await refusalsInAudit(document.id, reviewer.participant.id)).toBe(1);
    // Reconnecting, the stock client resends its refused edits (sync step 2): a new connection,
    // refused again, audited once more.
    const deniedBefore = r.denials.length;
    r.provider.disconnect();
    r.provider.connect();
    await synced(r);
    await deniedAtLeast(r, deniedBefore + 1);
    r.text.insert(0, '[R-again]');
    await deniedAtLeast(r, deniedBefore + 2);
    expect(await refusalsInAudit(document.id, reviewer.participant.id)).toBe(2);
    expect((await harness.server.context.store.audit.listByDocument(document.id)).find((entry) => entry.action === 'sync.write_refused')?.details).toEqual({
      reason: reviewerRefusal,
    });
  });

  it('S3 a reviewer who only reads is not refused, even reconnecting to a document with deletions', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const reviewer = await joinAs(harness.server, document.id, 'reviewer', 'Ông Tuấn (Sở Nội vụ)');
    const a = connect(document.id, employer.token);
    const r = connect(document.id, reviewer.token);
    await Promise.all([synced(a), synced(r)]);
    a.text.insert(0, 'Điều 1. Tiền lương tối thiểu ');
    a.text.delete(0, 8);
    await textMatches(r, (t) => t.includes('Tiền lương tối thiểu') && !t.includes('Điều 1.'), 'the reviewer to receive the edit and the deletion');

    // A reconnecting stock client answers the server's sync step 1 with its whole delete set,
    // which the server already has: nothing new, so nothing to refuse.
    r.provider.disconnect();
    r.provider.connect();
    await synced(r);
    // The reviewer's presence reaching A proves the server has handled everything the reviewer
    // sent before it; A's next edit reaching the reviewer proves any refusal would have arrived.
    r.provider.awareness.setLocalStateField('cursor', 1);
    await presenceMatches(a, (states) => [...states.values()].some((state) => state.cursor === 1), "the reviewer's presence to reach A");
    a.text.insert(0, '[after]');
    await textMatches(r, (t) => t.includes('[after]'), 'the reviewer to receive the next edit');
    expect(r.denials).toEqual([]);
    expect(await refusalsInAudit(document.id, reviewer.participant.id)).toBe(0);
  });

  it('S4 an archived document refuses writes from everyone and still serves reads, also after a restart', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const a = connect(document.id, employer.token);
    const b = connect(document.id, union.token);
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, '[before archive A]');
    b.text.insert(0, '[before archive B]');
    await textMatches(a, (t) => t.includes('[before archive B]'), 'A to receive B');
    await textMatches(b, (t) => t === a.text.toString(), 'B to match A');
    const agreed = a.text.toString();

    await harness.server.handlers['documents/archive']({ documentId: document.id }, { kind: 'admin' });
    a.text.insert(0, '[after archive A]');
    a.text.insert(0, '[after archive A, again]');
    b.text.insert(0, '[after archive B]');
    await Promise.all([deniedAtLeast(a, 2), deniedAtLeast(b, 1)]);
    expect([...a.denials, ...b.denials].every((reason) => reason === frozenRefusal)).toBe(true);

    const room = harness.server.sync.room(document.id);
    if (!room) throw new Error('the room should be open while clients are connected');
    expect(contentText(room.doc)).toBe(agreed);
    expect(writersOf(room.doc).has(a.doc.clientID)).toBe(true);
    const { store } = harness.server.context;
    expect(contentText(await storedDoc(store.updates, document.id))).toBe(agreed);
    expect(await refusalsInAudit(document.id, employer.participant.id)).toBe(1);
    expect(await refusalsInAudit(document.id, union.participant.id)).toBe(1);

    // Reads after a restart: the room is loaded from the store as a frozen document.
    for (const client of clients.splice(0)) client.destroy();
    await harness.stop();
    await harness.restart();
    const reader = connect(document.id, union.token);
    await synced(reader);
    expect(reader.text.toString()).toBe(agreed);
    reader.text.insert(0, '[after restart]');
    await deniedAtLeast(reader, 1);
    expect(reader.denials).toEqual([frozenRefusal]);
    expect(contentText(await storedDoc(harness.server.context.store.updates, document.id))).toBe(agreed);
    const fresh = connectClient(harness.server.url, document.id, employer.token, new Y.Doc());
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.text.toString()).toBe(agreed);
  });
});
