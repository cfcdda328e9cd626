import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { Caller } from '#shared/api/caller';
import { lifecycleStepSchema, type LifecycleStepInput } from '#shared/lifecycle/model';
import { databaseFileName } from '#main/server/dataFolder';
import { variablesMap } from '#shared/document/yjsContent';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { templateLibrary } from '#shared/templates/library';
import type { VariableValue } from '#shared/templates/schema';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { closeApi, expectApiError, httpTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { storedDoc } from '../helpers/storedState';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { partyFacts, sequentialIds } from '../export/agreementFixture';
import { docxBodyText } from '../export/fileTools';
import { joinSeat } from '../negotiation/negotiationFixture';
import { goTo, take, toSigned, toVote, vietnamMorning, type Table } from './lifecycleFixture';

// Procedural facts come from the lifecycle record, never invented (decision 0013): the wizard states
// the workforce typed and no vote; recording the vote or the signing fills them in the text in the
// step's own change; exports date a signed agreement with its signing date and leave blanks before.

const voteClause = (text: string): string => /Doanh nghiệp có [^\n]*Điều 76 Bộ luật Lao động\./.exec(text)?.[0] ?? '';

describe('procedural facts from the lifecycle record', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(httpTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  /** An enterprise agreement made as the wizard makes it, for an enterprise of `headcount` workers. */
  async function wizardAgreement(headcount: number): Promise<Table> {
    const library = templateLibrary();
    const chosen = outlineChoices('enterprise_agreement', library)?.recommended ?? new Set<string>();
    const built = buildDocument(
      { kind: 'enterprise_agreement', language: 'vi', facts: { ...partyFacts, headcount }, chosen, wordings: {} },
      library,
      sequentialIds(),
    );
    if (!built) throw new Error('the wizard built nothing');
    const document = await admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027',
      content: built.content,
      variables: built.variables,
    });
    return {
      documentId: document.id,
      admin,
      employer: await joinSeat(api, admin, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)'),
      union: await joinSeat(api, admin, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)'),
      reviewer: await joinSeat(api, admin, document.id, 'reviewer', 'Bà Hạnh (Sở Nội vụ)'),
    };
  }

  const liveValues = (documentId: string) => api.withDocument(documentId, (doc) => variablesMap(doc).toJSON() as Record<string, VariableValue>);
  const storedValues = async (documentId: string) => variablesMap(await storedDoc(api.store.updates, documentId)).toJSON() as Record<string, VariableValue>;
  const factsOf = (values: Record<string, VariableValue>) => Object.fromEntries(Object.entries(values).filter(([id]) => isProceduralFact(id)));
  const exportedText = async (client: ApiClient, documentId: string, date?: string | null) =>
    docxBodyText(Buffer.from((await client.call('documents/exportDocx', { documentId, ...(date === undefined ? {} : { date }) })).fileBase64, 'base64'));

  it('a new draft states the workforce typed in the wizard and no vote, and its compliance check says nothing of a vote not due yet', async () => {
    const table = await wizardAgreement(1250);
    const values = await liveValues(table.documentId);
    expect(values.headcount).toBe(1250);
    expect(factsOf(values)).toEqual({});
    const report = await table.union.client.call('compliance/report', { documentId: table.documentId });
    expect(report.findings.filter((finding) => finding.ruleId === 'cla.vote')).toEqual([]);
    // Nobody can give a procedural fact at creation either.
    await expectApiError(
      admin.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước', variables: { vote_in_favour: 51 } }),
      'invalid_input',
      /variables\.vote_in_favour: this fact is filled from the lifecycle record/,
    );
  });

  it('recording the vote writes its facts into the text, stored with the step; returning to the table clears them', async () => {
    const table = await wizardAgreement(1250);
    await toVote(clock, table);
    expect(factsOf(await liveValues(table.documentId))).toEqual({});
    goTo(clock, '2027-01-22');
    await take(table.union.client, table.documentId, {
      type: 'record_vote',
      votedOn: '2027-01-22',
      groups: [{ eligible: 1250, votesCast: 900, inFavour: 700 }],
    });
    const voted = { vote_date: '2027-01-22', vote_total_workers: 1250, vote_in_favour: 700 };
    expect(factsOf(await liveValues(table.documentId))).toEqual(voted);
    expect(factsOf(await storedValues(table.documentId))).toEqual(voted);
    // The vote's figures read in the text as the record has them; a passed vote raises no finding.
    expect(voteClause(await exportedText(table.union.client, table.documentId))).toBe(
      'Doanh nghiệp có 1.250 người lao động. Dự thảo Thỏa ước được lấy ý kiến toàn bộ người lao động của doanh nghiệp ngày 22/01/2027: tại thời điểm lấy ý kiến, doanh nghiệp có 1.250 người lao động, trong đó 700 người biểu quyết tán thành, đạt trên 50% tổng số người lao động của doanh nghiệp theo khoản 1 Điều 76 Bộ luật Lao động.',
    );
    const report = await table.union.client.call('compliance/report', { documentId: table.documentId });
    expect(report.findings.filter((finding) => finding.ruleId === 'cla.vote')).toEqual([]);

    await take(table.union.client, table.documentId, { type: 'return_to_bargaining', reason: 'Thương lượng lại Điều 5' });
    expect(factsOf(await liveValues(table.documentId))).toEqual({});
    expect(factsOf(await storedValues(table.documentId))).toEqual({});
  });

  it('signing writes the signing date before the signed version is taken; an amendment round starts without the facts, the signed version keeps them', async () => {
    const table = await wizardAgreement(100);
    const view = await toSigned(clock, table);
    const signed = { vote_date: '2027-01-22', vote_total_workers: 100, vote_in_favour: 51, signing_date: '2027-01-27' };
    expect(factsOf(await liveValues(table.documentId))).toEqual(signed);
    const versionId = view.current.signing?.signedVersionId ?? '';
    const version = await table.union.client.call('versions/get', { documentId: table.documentId, versionId });
    expect(factsOf(version.variables)).toEqual(signed);

    goTo(clock, '2027-06-01');
    await take(table.employer.client, table.documentId, {
      type: 'open_amendment',
      requestReceivedOn: '2027-06-01',
      requestedBy: 'employer',
      reason: 'Điều chỉnh tiền lương',
    });
    expect(factsOf(await liveValues(table.documentId))).toEqual({});
    expect(factsOf((await table.union.client.call('versions/get', { documentId: table.documentId, versionId })).variables)).toEqual(signed);
  });

  it('exports a draft with blanks to fill by hand, and a signed agreement dated with its signing date, every fact filled, that date alone', async () => {
    const table = await wizardAgreement(1250);
    const draft = await exportedText(table.union.client, table.documentId);
    expect(draft).toContain('TP. Hồ Chí Minh, ngày … tháng … năm …');
    expect(voteClause(draft)).toBe(
      'Doanh nghiệp có 1.250 người lao động. Dự thảo Thỏa ước được lấy ý kiến toàn bộ người lao động của doanh nghiệp ngày …………: tại thời điểm lấy ý kiến, doanh nghiệp có ………… lao động, trong đó ………… biểu quyết tán thành, đạt trên 50% tổng số người lao động của doanh nghiệp theo khoản 1 Điều 76 Bộ luật Lao động.',
    );
    expect(draft).toContain('Thỏa ước được ký kết tại TP. Hồ Chí Minh ngày ………… bởi đại diện hợp pháp của các bên');
    // A draft may be printed for a planned signing day.
    expect(await exportedText(table.union.client, table.documentId, '2027-01-27')).toContain('TP. Hồ Chí Minh, ngày 27 tháng 01 năm 2027');

    const other = await wizardAgreement(100);
    await toSigned(clock, other);
    const signed = await exportedText(other.union.client, other.documentId);
    expect(signed).toContain('TP. Hồ Chí Minh, ngày 27 tháng 01 năm 2027');
    expect(voteClause(signed)).toContain(
      'ngày 22/01/2027: tại thời điểm lấy ý kiến, doanh nghiệp có 100 người lao động, trong đó 51 người biểu quyết tán thành',
    );
    expect(signed).toContain('Thỏa ước được ký kết tại TP. Hồ Chí Minh ngày 27/01/2027 bởi đại diện hợp pháp của các bên');
    expect(signed).not.toContain('…');
    expect(await exportedText(other.union.client, other.documentId, '2027-01-27')).toBe(signed);
    for (const date of ['2027-02-01', null]) {
      await expectApiError(
        other.union.client.call('documents/exportDocx', { documentId: other.documentId, date }),
        'invalid_input',
        /date: this document was signed \(or issued\) on 2027-01-27/,
      );
    }
  });

  it('issuing labour regulations writes the issue date in the text and dates their export with it', async () => {
    const library = templateLibrary();
    const chosen = outlineChoices('labour_regulations', library)?.recommended ?? new Set<string>();
    const built = buildDocument(
      { kind: 'labour_regulations', language: 'vi', facts: { ...partyFacts, headcount: 1250 }, chosen, wordings: {} },
      library,
      sequentialIds(),
    );
    const document = await admin.call('documents/create', {
      kind: 'labour_regulations',
      title: 'Nội quy lao động Công ty TNHH May Sài Gòn',
      content: built?.content,
      variables: built?.variables ?? {},
    });
    const employer = await joinSeat(api, admin, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)');
    const union = await joinSeat(api, admin, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)');
    expect(await exportedText(employer.client, document.id)).toContain('Nội quy được ban hành ngày …………. Trong thời hạn 10 ngày');
    await take(employer.client, document.id, { type: 'start_consultation', sentOn: '2027-01-04' });
    goTo(clock, '2027-01-12');
    await take(union.client, document.id, { type: 'record_union_opinion', receivedOn: '2027-01-12', opinion: 'Công đoàn cơ sở đồng ý.' });
    goTo(clock, '2027-01-27');
    await take(employer.client, document.id, { type: 'issue', issuedOn: '2027-01-27' });
    expect(factsOf(await liveValues(document.id))).toEqual({ issue_date: '2027-01-27' });
    const issued = await exportedText(employer.client, document.id);
    expect(issued).toContain('TP. Hồ Chí Minh, ngày 27 tháng 01 năm 2027');
    expect(issued).toContain('Nội quy được ban hành ngày 27/01/2027. Trong thời hạn 10 ngày');
  });
});

describe('a step whose storage fails', () => {
  let harness: Harness | undefined;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness?.dispose();
    harness = undefined;
  });

  it('leaves neither the step nor its facts: the facts are written back as the record has them, and its clients see them go', async () => {
    const now = vietnamMorning('2027-01-22');
    harness = await startHarness({ now: () => now });
    const { server } = harness;
    const document = await server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể 2027', variables: { headcount: 1250 }, language: 'vi' },
      { kind: 'admin' },
    );
    const documentId = document.id;
    const union = await joinAs(server, documentId, 'union', 'Anh Minh (Công đoàn)');
    const employer = await joinAs(server, documentId, 'employer', 'Chị Lan (HR)');
    const as = (seat: typeof union): Caller => ({ kind: 'participant', participantId: seat.participant.id, documentId, side: seat.participant.side });
    const step = (seat: typeof union, input: LifecycleStepInput) =>
      server.handlers['lifecycle/step']({ documentId, step: lifecycleStepSchema.parse(input) }, as(seat));
    await step(union, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' });
    await step(employer, { type: 'record_bargaining_dates', startedOn: '2027-01-11' });
    await step(union, { type: 'open_vote', override: 'Hai bên thống nhất đưa toàn văn ra lấy ý kiến' });
    const reader = connectClient(server.url, documentId, union.token);
    clients.push(reader);
    await synced(reader);
    const values = (doc: Parameters<typeof variablesMap>[0]) => variablesMap(doc).toJSON();
    const readerSaw: Record<string, unknown>[] = [];
    variablesMap(reader.doc).observe(() => readerSaw.push(values(reader.doc)));

    // The disk refuses the vote's step, after its facts went into the live document.
    const outside = new Database(join(harness.dataFolder, databaseFileName));
    outside.exec("CREATE TRIGGER refuse_vote BEFORE INSERT ON lifecycle_events WHEN NEW.step = 'record_vote' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const vote: LifecycleStepInput = { type: 'record_vote', votedOn: '2027-01-22', groups: [{ eligible: 1250, inFavour: 700 }] };
    await expect(step(union, vote)).rejects.toThrow(/disk I\/O error/);
    // The reader had the facts from the live room (they are stored, then sent, before the step's
    // transaction): they are written back as the record has them (none), and it sees them go.
    await waitFor(() => readerSaw.some((seen) => 'vote_date' in seen) && !('vote_date' in values(reader.doc)), 'the reader to see the facts written back');
    expect(values(reader.doc)).toEqual({ headcount: 1250 });
    expect(values(await storedDoc(server.context.store.updates, documentId))).toEqual({ headcount: 1250 });
    expect(await server.sync.withRoom(documentId, (room) => values(room.doc))).toEqual({ headcount: 1250 });
    expect((await server.context.store.lifecycle.listByDocument(documentId)).map((event) => event.facts.type)).not.toContain('record_vote');

    // Once the disk takes it, the step and its facts are stored together.
    outside.exec('DROP TRIGGER refuse_vote');
    outside.close();
    await step(union, vote);
    expect(values(await storedDoc(server.context.store.updates, documentId))).toEqual({
      headcount: 1250,
      vote_date: '2027-01-22',
      vote_total_workers: 1250,
      vote_in_favour: 700,
    });
  });
});
