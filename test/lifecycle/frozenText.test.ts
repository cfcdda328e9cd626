import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '#shared/api/caller';
import type { LifecycleStepInput } from '#shared/lifecycle/model';
import { lifecycleStepSchema } from '#shared/lifecycle/model';
import { expectApiError } from '../helpers/apiTransports';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { contentText, storedDoc } from '../helpers/storedState';
import { connectClient, deniedAtLeast, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { agreementBody, clauseIds, proposedArticle } from '../negotiation/negotiationFixture';
import { signature, vietnamMorning } from './lifecycleFixture';

// The text of an agreement is frozen once it is before the workers and once it is signed (LC Art.
// 76, 78): the sync server refuses every write of a stock y-websocket client, and the API refuses
// changes of the text (accepting a proposal, restoring a version); an amendment (Art. 82) opens it.

const frozenRefusal = 'this document no longer accepts changes';

describe('a signed agreement refuses edits at the server', () => {
  let harness: Harness | undefined;
  const clients: SyncClient[] = [];
  let now = vietnamMorning('2027-01-04');
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness?.dispose();
    harness = undefined;
  });

  it('refuses every write from signing on (stored state unchanged, also after a restart) and takes them again once an amendment opens a new round', async () => {
    harness = await startHarness({ now: () => now });
    const { server } = harness;
    const document = await server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể 2027', content: agreementBody(), variables: {}, language: 'vi' },
      { kind: 'admin' },
    );
    const documentId = document.id;
    const employer = await joinAs(server, documentId, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(server, documentId, 'union', 'Anh Minh (Công đoàn)');
    const as = (seat: typeof employer): Caller => ({ kind: 'participant', participantId: seat.participant.id, documentId, side: seat.participant.side });
    const step = (seat: typeof employer, input: LifecycleStepInput) =>
      harness?.server.handlers['lifecycle/step']({ documentId, step: lifecycleStepSchema.parse(input) }, as(seat));
    const connect = (token: string): SyncClient => {
      const client = connectClient(harness?.server.url ?? '', documentId, token);
      clients.push(client);
      return client;
    };
    const refusals = async () =>
      (await harness?.server.context.store.audit.listByDocument(documentId))?.filter((entry) => entry.action === 'sync.write_refused').length ?? 0;

    const a = connect(employer.token);
    const b = connect(union.token);
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, '[bargained]');
    await textMatches(b, (text) => text.includes('[bargained]'), 'B to receive the bargained text');
    const proposal = await server.handlers['proposals/create'](
      {
        documentId,
        clauseId: clauseIds.wage,
        kind: 'replace',
        rationale: 'Tăng lương',
        article: proposedArticle('Tiền lương', 'Mức lương thấp nhất cao hơn 7% so với mức lương tối thiểu vùng.'),
      },
      as(union),
    );

    await step(union, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' });
    await step(employer, { type: 'record_bargaining_dates', startedOn: '2027-01-04' });
    for (const clauseId of Object.values(clauseIds)) {
      for (const seat of [employer, union]) await server.handlers['articles/agree']({ documentId, clauseId }, as(seat));
    }
    await step(union, { type: 'open_vote' });
    await step(union, { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 51 }] });
    await step(employer, signature('employer', '2027-01-04', { effectiveOn: '2027-02-01', termMonths: 36 }));
    await step(union, signature('union', '2027-01-04'));
    const signedText = contentText(await storedDoc(server.context.store.updates, documentId));
    expect(signedText).toContain('[bargained]');
    const refusedBefore = await refusals();

    // A stock client of each side writes: every write is refused, nothing is stored or relayed.
    a.text.insert(0, '[after signing A]');
    a.text.insert(0, '[after signing A, again]');
    b.text.insert(0, '[after signing B]');
    await Promise.all([deniedAtLeast(a, 2), deniedAtLeast(b, 1)]);
    expect([...a.denials, ...b.denials].every((reason) => reason === frozenRefusal)).toBe(true);
    expect(contentText(await storedDoc(server.context.store.updates, documentId))).toBe(signedText);
    expect(contentText(server.sync.room(documentId)?.doc ?? b.doc)).toBe(signedText);
    expect(await refusals()).toBeGreaterThanOrEqual(refusedBefore + 2);
    // Nor through the API: accepting a proposal or restoring a version would change the signed text.
    await expectApiError(server.handlers['proposals/accept']({ documentId, proposalId: proposal.id }, as(employer)), 'conflict', /frozen.*Art\. 82/);
    const [initial] = await server.context.store.versions.list(documentId);
    await expectApiError(server.handlers['versions/restore']({ documentId, versionId: initial?.id ?? '' }, as(employer)), 'conflict', /frozen/);
    expect(contentText(await storedDoc(server.context.store.updates, documentId))).toBe(signedText);

    // Still frozen after a restart: the state is stored with the document.
    for (const client of clients.splice(0)) client.destroy();
    await harness.stop();
    await harness.restart();
    const reader = connect(union.token);
    await synced(reader);
    reader.text.insert(0, '[after restart]');
    await deniedAtLeast(reader, 1);
    expect(reader.denials).toEqual([frozenRefusal]);
    expect(contentText(await storedDoc(harness.server.context.store.updates, documentId))).toBe(signedText);

    // Art. 82: an amendment opens a new bargaining round from the signed text; writes are taken again.
    now = vietnamMorning('2027-03-01');
    const amendment = await step(union, { type: 'open_amendment', requestReceivedOn: '2027-03-01', requestedBy: 'union' });
    expect(amendment).toMatchObject({ state: 'bargaining', round: 2, frozen: false });
    const writer = connect(employer.token);
    await synced(writer);
    expect(contentText(writer.doc)).toBe(signedText);
    writer.text.insert(0, '[amendment]');
    await textMatches(reader, (text) => text.includes('[amendment]'), 'the union to receive the amendment');
    await harness.server.sync.room(documentId)?.flush();
    expect(contentText(await storedDoc(harness.server.context.store.updates, documentId))).toBe(`[amendment]${signedText}`);
    expect(writer.denials).toEqual([]);
  });
});
