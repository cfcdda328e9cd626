import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { LifecycleStepInput } from '#shared/lifecycle/model';
import { closeApi, inProcessTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { agreeAll, goTo, lifecycleSnapshot, openTable, refusedUnchanged, signature, signBoth, take, toSigned, toVote } from './lifecycleFixture';

// The collective agreement's lifecycle through the API (LC Art. 70, 76, 77, 78, 82, 83): every
// step allowed to the side the law gives it and refused to the others, refusals changing nothing.

describe('the lifecycle of a collective agreement', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(inProcessTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  it('goes from drafting to expiry, each step by its side, recorded as events, in the audit log and mirrored into the document', async () => {
    const table = await openTable(api, admin);
    const { documentId, employer, union, reviewer } = table;
    const first = await union.client.call('lifecycle/get', { documentId });
    expect(first).toMatchObject({ state: 'drafting', round: 1, frozen: false, today: '2027-01-04', openSteps: ['request_bargaining'], deadlines: [] });
    expect((await reviewer.client.call('lifecycle/get', { documentId })).openSteps).toEqual([]);

    const bargaining = await take(union.client, documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' });
    expect(bargaining.state).toBe('bargaining');
    expect(bargaining.deadlines).toEqual([
      // Art. 70(1): 7 working days (Sunday rest: Sat 9 Jan counts, Sun 10 Jan does not).
      { id: 'bargaining_logistics', citation: { law: 'LC2019', article: 70, clause: 1 }, due: '2027-01-12', unit: 'working_days', left: 7, status: 'open' },
      { id: 'bargaining_start', citation: { law: 'LC2019', article: 70, clause: 1 }, due: '2027-02-03', unit: 'days', left: 30, status: 'open' },
    ]);
    goTo(clock, '2027-01-11');
    const started = await take(employer.client, documentId, { type: 'record_bargaining_dates', logisticsAgreedOn: '2027-01-08', startedOn: '2027-01-11' });
    expect(started.deadlines).toMatchObject([
      { id: 'bargaining_logistics', due: '2027-01-12', status: 'met', left: 1 },
      { id: 'bargaining_start', due: '2027-02-03', status: 'met', left: 23 },
      // 90 days from 11 Jan is Sunday 11 Apr 2027: the period ends on Monday 12 Apr.
      { id: 'bargaining_conclusion', due: '2027-04-12', status: 'open', left: 91 },
    ]);

    await agreeAll(table);
    goTo(clock, '2027-01-20');
    const vote = await take(union.client, documentId, { type: 'open_vote' });
    expect(vote).toMatchObject({ state: 'employee_vote', frozen: true });
    expect(vote.current.bargaining?.concludedOn).toBe('2027-01-20');
    expect((await union.client.call('lifecycle/get', { documentId })).openSteps).toEqual(['return_to_bargaining', 'record_vote', 'sign']);
    expect((await employer.client.call('lifecycle/get', { documentId })).openSteps).toEqual(['return_to_bargaining', 'sign']);

    goTo(clock, '2027-01-22');
    const voted = await take(union.client, documentId, {
      type: 'record_vote',
      votedOn: '2027-01-22',
      groups: [{ eligible: 100, votesCast: 60, inFavour: 51 }],
    });
    expect(voted.state).toBe('employee_vote');
    expect(voted.current.votes).toEqual([
      { votedOn: '2027-01-22', basis: 'all_workers', groups: [{ name: '', eligible: 100, votesCast: 60, inFavour: 51, passed: true }], passed: true },
    ]);

    goTo(clock, '2027-01-27');
    // Art. 76(4): each side's representative signs; one signature leaves the agreement awaiting the other.
    const halfSigned = await take(employer.client, documentId, signature('employer', '2027-01-27', { effectiveOn: '2027-03-01', termMonths: 36 }));
    expect(halfSigned).toMatchObject({ state: 'employee_vote', frozen: true });
    expect(halfSigned.current.signing).toBeUndefined();
    const signed = await take(union.client, documentId, signature('union', '2027-01-27'));
    expect(signed).toMatchObject({ state: 'signed', frozen: true });
    const signing = signed.current.signing;
    expect(signing).toMatchObject({
      signedOn: '2027-01-27',
      effectiveOn: '2027-03-01',
      effectiveSource: 'agreed',
      termMonths: 36,
      expiresOn: '2030-02-28',
      signatories: [],
    });
    // The signed version: made through the version history, hashed and chained.
    const versions = await api.store.versions.signed(documentId);
    expect(versions.map((version) => version.id)).toEqual([signing?.signedVersionId]);
    expect(versions[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // Art. 77: within 10 days of signing; day 10 (6 Feb 2027) is Tết, the last day is Thu 11 Feb.
    expect(signed.deadlines.find((deadline) => deadline.id === 'filing')).toEqual({
      id: 'filing',
      citation: { law: 'LC2019', article: 77 },
      due: '2027-02-11',
      unit: 'days',
      left: 15,
      status: 'open',
    });
    expect(signed.nextDeadline?.id).toBe('filing');

    goTo(clock, '2027-02-03');
    const sent = await take(employer.client, documentId, { type: 'send_to_authority', sentOn: '2027-02-03', authority: 'Sở Nội vụ tỉnh Bình Dương' });
    expect(sent).toMatchObject({ state: 'submitted', sentToAuthority: true });
    expect(sent.deadlines.find((deadline) => deadline.id === 'filing')).toMatchObject({ status: 'met', doneOn: '2027-02-03' });

    // The calendar: in force from the effective date, expiring 90 days before the last day, expired after it.
    goTo(clock, '2027-03-01');
    expect((await union.client.call('lifecycle/get', { documentId })).state).toBe('in_force');
    expect((await api.store.documents.get(documentId))?.lifecycleState).toBe('in_force');
    goTo(clock, '2029-11-29');
    expect((await union.client.call('lifecycle/get', { documentId })).state).toBe('in_force');
    goTo(clock, '2029-11-30');
    const expiring = await union.client.call('lifecycle/get', { documentId });
    expect(expiring.state).toBe('expiring');
    expect(expiring.deadlines.find((deadline) => deadline.id === 'expiry')).toMatchObject({ due: '2030-02-28', left: 90 });
    goTo(clock, '2030-03-01');
    expect((await admin.call('lifecycle/get', { documentId })).state).toBe('expired');
    expect((await api.store.documents.get(documentId))?.lifecycleState).toBe('expired');

    const steps = (await api.store.lifecycle.listByDocument(documentId)).map((event) => `${event.facts.type}:${event.from}→${event.to}`);
    expect(steps).toEqual([
      'request_bargaining:drafting→bargaining',
      'record_bargaining_dates:bargaining→bargaining',
      'open_vote:bargaining→employee_vote',
      'record_vote:employee_vote→employee_vote',
      'sign:employee_vote→employee_vote',
      'sign:employee_vote→signed',
      'send_to_authority:signed→submitted',
      'time_passed:submitted→in_force',
      'time_passed:in_force→expiring',
      'time_passed:expiring→expired',
    ]);
    const audit = (await api.store.audit.listByDocument(documentId))
      .map((entry) => entry.action)
      .filter((action) => action.startsWith('lifecycle.') || action === 'version.signed');
    expect(audit).toEqual([
      'lifecycle.request_bargaining',
      'lifecycle.record_bargaining_dates',
      'lifecycle.open_vote',
      'lifecycle.record_vote',
      'lifecycle.sign',
      'version.signed',
      'lifecycle.sign',
      'lifecycle.send_to_authority',
      'lifecycle.time_passed',
      'lifecycle.time_passed',
      'lifecycle.time_passed',
    ]);
    const signedEvents = (await api.store.lifecycle.listByDocument(documentId)).filter((event) => event.facts.type === 'sign');
    expect(signedEvents.map((event) => event.actor)).toEqual([
      { participantId: employer.participant.id, side: 'employer', name: 'Chị Lan (Phòng Nhân sự)' },
      { participantId: union.participant.id, side: 'union', name: 'Anh Minh (Công đoàn cơ sở)' },
    ]);

    // Art. 83: after expiry the parties bargain anew, from the signed text (round 2, text open again).
    const renewal = await take(union.client, documentId, {
      type: 'open_amendment',
      requestReceivedOn: '2030-03-01',
      requestedBy: 'union',
      reason: 'Thỏa ước mới 2030',
    });
    expect(renewal).toMatchObject({ state: 'bargaining', round: 2, frozen: false, current: { round: 2, basis: 'renewal', votes: [] } });
    expect(renewal.previous.map((round) => round.signing?.signedOn)).toEqual(['2027-01-27']);
  });

  it('gives each step to the side the law names: others are refused with the article, and nothing changes', async () => {
    const table = await openTable(api, admin);
    const { documentId, employer, union, reviewer } = table;
    const request = { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' } as const;
    await refusedUnchanged(api, admin, documentId, () => take(reviewer.client, documentId, request), 'forbidden', /Art\. 70\(1\)/);
    await refusedUnchanged(api, admin, documentId, () => take(admin, documentId, request), 'forbidden', /The host does not take this step/);
    await toVote(clock, table);
    // Art. 76(3): the worker representative organisation holds the vote and records it.
    const vote: LifecycleStepInput = { type: 'record_vote', votedOn: '2027-01-20', groups: [{ eligible: 100, inFavour: 80 }] };
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, vote),
      'forbidden',
      /worker representative organisation holds the vote.*Art\. 76\(3\)/,
    );
    await refusedUnchanged(api, admin, documentId, () => take(reviewer.client, documentId, vote), 'forbidden', /Art\. 76\(3\)/);
    await take(union.client, documentId, vote);
    // Signing: each side its own signature, or the host one side's; never the reviewer.
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(reviewer.client, documentId, signature('employer', '2027-01-20', { termMonths: 24 }, true)),
      'forbidden',
      /Art\. 76\(4\)/,
    );
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(union.client, documentId, signature('employer', '2027-01-20', { termMonths: 24 }, true)),
      'forbidden',
      /Each side records its own representative's signature.*Art\. 76\(4\)/,
    );
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(admin, documentId, signature('employer', '2027-01-20', { termMonths: 24 })),
      'invalid_input',
      /Say whose signature it is/,
    );
    const halfSigned = await take(admin, documentId, signature('employer', '2027-01-20', { termMonths: 24 }, true));
    expect(halfSigned.current.signatures.employer).toMatchObject({
      side: 'employer',
      representative: { name: 'Trần Văn Hùng', title: 'Tổng Giám đốc' },
      recordedBy: null,
    });
    expect((await api.store.lifecycle.listByDocument(documentId)).at(-1)?.actor).toEqual({ participantId: null, side: null, name: null });
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, signature('employer', '2027-01-20')),
      'conflict',
      /signature of the employer side is already recorded \(Trần Văn Hùng, on 20\/01\/2027\)/,
    );
    const signed = await take(union.client, documentId, signature('union', '2027-01-20'));
    expect(signed.current.signing).toMatchObject({ effectiveOn: '2027-01-20', effectiveSource: 'signing_date', expiresOn: '2029-01-19' });
    // Art. 77: the employer sends the agreement.
    const send = { type: 'send_to_authority', sentOn: '2027-01-20' } as const;
    await refusedUnchanged(api, admin, documentId, () => take(union.client, documentId, send), 'forbidden', /employer sends the agreement.*Art\. 77/);
    await refusedUnchanged(api, admin, documentId, () => take(admin, documentId, send), 'forbidden');
    // Reviewers never take a party's step, and an archived document takes none.
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(reviewer.client, documentId, { type: 'open_amendment', requestReceivedOn: '2027-01-20' }),
      'forbidden',
      /Art\. 82\(1\)/,
    );
    await take(employer.client, documentId, send);
    await admin.call('documents/archive', { documentId });
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(union.client, documentId, { type: 'open_amendment', requestReceivedOn: '2027-01-20' }),
      'conflict',
      /archived/,
    );
  });

  it('refuses steps the procedure does not allow yet, and facts that do not hold, changing nothing', async () => {
    const table = await openTable(api, admin);
    const { documentId, employer, union } = table;
    const refuse = (client: ApiClient, step: Parameters<typeof take>[2], code: 'conflict' | 'invalid_input', message: RegExp) =>
      refusedUnchanged(api, admin, documentId, () => take(client, documentId, step), code, message);
    await refuse(union.client, { type: 'open_vote' }, 'conflict', /only when the document is “bargaining”; it is “drafting”/);
    await refuse(employer.client, signature('employer', '2027-01-04', { termMonths: 12 }), 'conflict', /signed only when the document is “employee vote”/);
    await refuse(union.client, { type: 'request_bargaining', requestReceivedOn: '2027-01-05', requestedBy: 'union' }, 'invalid_input', /is after today/);
    await take(union.client, documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'employer' });
    await refuse(
      union.client,
      { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' },
      'conflict',
      /“drafting”; it is “bargaining”/,
    );
    // Art. 70(1): the vote is on a negotiated draft; the 90 days run from the start of bargaining.
    await refuse(union.client, { type: 'open_vote' }, 'conflict', /Record when bargaining started.*Art\. 70\(1\)/);
    await refuse(employer.client, { type: 'record_bargaining_dates', startedOn: '2027-01-03' }, 'invalid_input', /cannot be before the request/);
    await refuse(employer.client, { type: 'record_bargaining_dates', conclusionAgreedBy: '2027-05-01' }, 'invalid_input', /record the start first/);
    await take(employer.client, documentId, { type: 'record_bargaining_dates', startedOn: '2027-01-04' });
    await agreeAll(table);
    await take(union.client, documentId, { type: 'open_vote' });
    await refuse(employer.client, signature('employer', '2027-01-04', { termMonths: 12 }), 'conflict', /No vote on the draft has been recorded.*Art\. 76\(1\)/);
    await refuse(
      union.client,
      { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 101 }] },
      'invalid_input',
      /More votes in favour \(101\) than people counted \(100\)/,
    );
    await refuse(
      union.client,
      {
        type: 'record_vote',
        votedOn: '2027-01-04',
        groups: [
          { eligible: 100, inFavour: 60 },
          { eligible: 50, inFavour: 30 },
        ],
      },
      'invalid_input',
      /one vote count/,
    );

    // Art. 76(1): more than 50% of ALL workers, not of the votes cast: 55 of 60 ballots, 120 workers, fails.
    const failed = await take(union.client, documentId, {
      type: 'record_vote',
      votedOn: '2027-01-04',
      groups: [{ eligible: 120, votesCast: 60, inFavour: 55 }],
    });
    expect(failed).toMatchObject({ state: 'bargaining', frozen: false });
    expect(failed.current.votes.at(-1)).toMatchObject({ passed: false, basis: 'all_workers' });
    // Back at the table the same day, then before the workers again: exactly half is not more than half.
    await take(union.client, documentId, { type: 'open_vote' });
    const half = await take(union.client, documentId, { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 50 }] });
    expect(half.state).toBe('bargaining');
    await take(union.client, documentId, { type: 'open_vote' });
    await take(union.client, documentId, { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 51 }] });
    await refuse(union.client, { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 99 }] }, 'conflict', /already recorded/);
    // Art. 78(3): 1 to 3 years; the term must be known (the text has no term_years).
    await refuse(employer.client, signature('employer', '2027-01-04'), 'invalid_input', /Record the term.*Art\. 78\(3\)/);
    await refuse(employer.client, signature('employer', '2027-01-04', { termMonths: 48 }), 'invalid_input', /48 months.*1 to 3 years.*Art\. 78\(3\)/);
    await refuse(employer.client, signature('employer', '2027-01-04', { termMonths: 6 }), 'invalid_input', /Art\. 78\(3\)/);
    await refuse(employer.client, signature('employer', '2027-01-03', { termMonths: 12 }), 'invalid_input', /cannot be before the vote/);
    await refuse(employer.client, { type: 'send_to_authority', sentOn: '2027-01-04' }, 'conflict', /sent to the authority only when/);
    // One signature: still not signed, nothing is sent (Art. 76(4), 77); the second signs the same terms.
    await take(employer.client, documentId, signature('employer', '2027-01-04', { termMonths: 12 }));
    await refuse(
      employer.client,
      { type: 'send_to_authority', sentOn: '2027-01-04' },
      'conflict',
      /sent to the authority only when the document is “signed” or “in force” or “expiring”; it is “employee vote”/,
    );
    await refuse(
      union.client,
      signature('union', '2027-01-04', { termMonths: 24 }),
      'conflict',
      /The signature of the employer side gives a term of 12 months: both sides sign the same agreement.*Art\. 78\(1\)/,
    );
    // Signed today with no other date agreed: in force from today (Art. 78(1)).
    const signed = await take(union.client, documentId, signature('union', '2027-01-04'));
    expect(signed.state).toBe('in_force');
    await refuse(
      union.client,
      { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 99 }] },
      'conflict',
      /only when the document is “employee vote”; it is “in force”/,
    );
    await take(employer.client, documentId, { type: 'send_to_authority', sentOn: '2027-01-04' });
    await refuse(employer.client, { type: 'send_to_authority', sentOn: '2027-01-04' }, 'conflict', /already been sent.*Art\. 77/);
    // Invalid input never reaches the rules: the schema refuses it.
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => employer.client.call('lifecycle/step', { documentId, step: { type: 'send_to_authority', sentOn: '2027-02-30' } }),
      'invalid_input',
      /YYYY-MM-DD/,
    );
  });

  it('takes the effective date written in the agreement (Art. 78(1)), else the signing date, and its term from the text', async () => {
    const table = await openTable(api, admin, 'enterprise_agreement', { effective_date: '2027-02-01', term_years: '2' });
    await toVote(clock, table);
    await take(table.union.client, table.documentId, { type: 'record_vote', votedOn: '2027-01-20', groups: [{ eligible: 100, inFavour: 70 }] });
    await take(table.union.client, table.documentId, signature('union', '2027-01-20'));
    const signed = await take(table.employer.client, table.documentId, signature('employer', '2027-01-20'));
    const signatureOf = (side: 'employer' | 'union') => ({
      side,
      representative: expect.any(Object),
      signedOn: '2027-01-20',
      place: 'Thủ Dầu Một, Bình Dương',
      termMonths: 24,
      recordedBy: expect.any(String),
    });
    expect(signed.current.signing).toEqual({
      signedOn: '2027-01-20',
      effectiveOn: '2027-02-01',
      effectiveSource: 'text',
      termMonths: 24,
      expiresOn: '2029-01-31',
      signatories: [],
      signedVersionId: expect.any(String),
      signatures: { employer: signatureOf('employer'), union: signatureOf('union') },
      notAgreed: [],
    });
    expect(signed.state).toBe('signed');
  });

  it('an amendment (Art. 82) opens a new round from the signed text and goes through the vote again', async () => {
    const table = await openTable(api, admin);
    const { documentId, employer, union } = table;
    await toSigned(clock, table);
    goTo(clock, '2027-05-03');
    const amendment = await take(employer.client, documentId, {
      type: 'open_amendment',
      requestReceivedOn: '2027-05-03',
      requestedBy: 'employer',
      reason: 'Điều chỉnh tiền lương theo lương tối thiểu vùng mới',
    });
    expect(amendment).toMatchObject({
      state: 'bargaining',
      round: 2,
      frozen: false,
      current: { basis: 'amendment', bargaining: { requestReceivedOn: '2027-05-03', requestedBy: 'employer' }, votes: [] },
    });
    expect((await api.store.documents.get(documentId))?.lifecycleState).toBe('bargaining');
    // The same procedure: bargaining dates, the vote, then the signing (a second signed version, chained).
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, signature('employer', '2027-05-03', { termMonths: 36 })),
      'conflict',
      /“employee vote”; it is “bargaining”/,
    );
    await take(union.client, documentId, { type: 'record_bargaining_dates', startedOn: '2027-05-03' });
    await take(union.client, documentId, { type: 'open_vote' });
    await take(union.client, documentId, { type: 'record_vote', votedOn: '2027-05-03', groups: [{ eligible: 110, inFavour: 56 }] });
    const resigned = await signBoth(table, '2027-05-03', { effectiveOn: '2027-06-01', termMonths: 36 });
    expect(resigned).toMatchObject({ round: 2, state: 'signed', frozen: true });
    const [first, second] = await api.store.versions.signed(documentId);
    expect(second?.previousHash).toBe(first?.contentHash);
    expect(resigned.previous).toHaveLength(1);
  });

  it('counts a sector vote over those consulted, and a multi-enterprise vote per enterprise (Art. 76(2))', async () => {
    const sector = await openTable(api, admin, 'sector_agreement');
    await toVote(clock, sector);
    const sectorVote = await take(sector.union.client, sector.documentId, {
      type: 'record_vote',
      votedOn: '2027-01-20',
      groups: [{ eligible: 41, inFavour: 21 }],
    });
    expect(sectorVote.current.votes.at(-1)).toMatchObject({ basis: 'consulted', passed: true });

    const multi = await openTable(api, admin, 'multi_enterprise_agreement');
    await take(multi.union.client, multi.documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-20', requestedBy: 'union' });
    await take(multi.union.client, multi.documentId, { type: 'record_bargaining_dates', startedOn: '2027-01-20' });
    await agreeAll(multi);
    await take(multi.union.client, multi.documentId, { type: 'open_vote' });
    await refusedUnchanged(
      api,
      admin,
      multi.documentId,
      () => take(multi.union.client, multi.documentId, { type: 'record_vote', votedOn: '2027-01-20', groups: [{ eligible: 100, inFavour: 60 }] }),
      'invalid_input',
      /each enterprise by name/,
    );
    const groups = [
      { name: 'Công ty May Sông Hồng', eligible: 300, inFavour: 200 },
      { name: 'Công ty Dệt Nam Định', eligible: 150, inFavour: 75 },
    ];
    const voted = await take(multi.union.client, multi.documentId, { type: 'record_vote', votedOn: '2027-01-20', groups });
    expect(voted.current.votes.at(-1)).toMatchObject({ basis: 'per_enterprise', passed: true, groups: [{ passed: true }, { passed: false }] });
    const signed = await signBoth(multi, '2027-01-20', { termMonths: 36 });
    // Only the enterprises where more than 50% approved sign.
    expect(signed.current.signing?.signatories).toEqual(['Công ty May Sông Hồng']);
    expect((await lifecycleSnapshot(api, admin, multi.documentId)).view.state).toBe('in_force');
  });
});
