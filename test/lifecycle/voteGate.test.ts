import { describe, expect, it } from 'vitest';
import { lc } from '#shared/compliance/citations';
import type { Finding } from '#shared/compliance/types';
import type { TopLevelBlock } from '#shared/document/nodes';
import { proceduralChecklist } from '#shared/lifecycle/checklist';
import { decideStep } from '#shared/lifecycle/lifecycle';
import type { LifecycleAction, LifecycleEventRecord, LifecycleStepInput } from '#shared/lifecycle/model';
import { lifecycleStepSchema } from '#shared/lifecycle/model';
import type { LifecycleActor } from '#shared/lifecycle/permissions';
import { applyEvent, foldEvents, type LifecycleRecord } from '#shared/lifecycle/record';
import type { StepDecision, StepEnvironment } from '#shared/lifecycle/refusals';
import { currentState } from '#shared/lifecycle/timeStates';
import { countVote } from '#shared/lifecycle/vote';
import { negotiationStanding, type NegotiationStanding } from '#shared/lifecycle/voteReadiness';
import { buildMinutes } from '#shared/negotiation/minutes';
import { openArticle, type ArticleNegotiation, type ArticleStatus } from '#shared/negotiation/model';
import { article, chapter } from '../editor/builders';

// Agreed means agreed (LC Art. 70, 71, 76): the draft goes to the vote only when every article is
// agreed, left out by the union as not agreed, or with the union's written reason; the agreement
// is signed only once both sides' representatives have signed, on the text the workers voted on.

const union: LifecycleActor = { kind: 'participant', side: 'union' };
const employer: LifecycleActor = { kind: 'participant', side: 'employer' };
const host: LifecycleActor = { kind: 'host' };

const titles = ['Phạm vi áp dụng', 'Thời hạn', 'Tiền lương', 'Thưởng Tết'];
const ids = ['scope', 'term', 'wage', 'bonus'];

/** The draft's standing: the four articles with the statuses given (agreed unless named). */
function standing(statuses: Partial<Record<string, ArticleStatus>> = {}, violations: NegotiationStanding['violations'] = []): NegotiationStanding {
  return {
    articles: ids.map((clauseId, index) => ({ clauseId, number: index + 1, title: titles[index] ?? '', status: statuses[clauseId] ?? 'agreed' })),
    violations,
  };
}

const votedHash = 'a'.repeat(64);

function environment(draft: NegotiationStanding, textHash = votedHash): StepEnvironment {
  return { today: '2027-01-27', hasUnionParticipant: true, negotiation: () => draft, textHash: () => textHash };
}

/** An enterprise agreement in bargaining since 11 Jan 2027. */
function bargaining(): LifecycleRecord {
  return foldEvents('enterprise_agreement', [
    { to: 'bargaining', facts: { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' } },
    { to: 'bargaining', facts: { type: 'record_bargaining_dates', startedOn: '2027-01-11' } },
  ]);
}

function decide(record: LifecycleRecord, step: LifecycleStepInput, actor: LifecycleActor, draft: NegotiationStanding, textHash = votedHash): StepDecision {
  const action: LifecycleAction = lifecycleStepSchema.parse(step);
  return decideStep(
    record,
    currentState(record, '2027-01-27'),
    action,
    actor,
    environment(draft, textHash),
    actor.kind === 'host' ? null : actor.side === 'union' ? 'Anh Minh' : 'Chị Lan',
  );
}

/** Takes a step that must be allowed, as the server would record it (the voted text's hash filled in). */
function taken(record: LifecycleRecord, step: LifecycleStepInput, actor: LifecycleActor, draft: NegotiationStanding = standing()): LifecycleRecord {
  const decision = decide(record, step, actor, draft);
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.message.en}`);
  const facts =
    decision.facts.type === 'open_vote' && decision.facts.draft
      ? { ...decision.facts, draft: { ...decision.facts.draft, votedText: { versionId: 'v-voted', contentHash: votedHash } } }
      : decision.facts;
  return applyEvent(record, { to: decision.to, facts } satisfies Pick<LifecycleEventRecord, 'to' | 'facts'>);
}

function refusalOf(decision: StepDecision) {
  if (decision.ok) throw new Error('the step was allowed');
  return decision.refusal;
}

const signature = (
  signedOn: string,
  who: 'employer' | 'union',
  terms: { effectiveOn?: string; termMonths?: number } = {},
): Extract<LifecycleStepInput, { type: 'sign' }> => ({
  type: 'sign',
  signedOn,
  representative: who === 'employer' ? { name: 'Trần Văn Hùng', title: 'Tổng Giám đốc' } : { name: 'Nguyễn Thị Mai', title: 'Chủ tịch Công đoàn cơ sở' },
  place: 'Bình Dương',
  ...terms,
});

/** Put to the vote with every article agreed, and 51 of 100 workers in favour. */
function voted(): LifecycleRecord {
  const opened = taken(bargaining(), { type: 'open_vote', concludedOn: '2027-01-20' }, union);
  return applyEvent(opened, {
    to: 'employee_vote',
    facts: { type: 'record_vote', vote: countVote('enterprise_agreement', '2027-01-22', [{ name: '', eligible: 100, inFavour: 51 }]) },
  });
}

describe('the draft goes to the vote only when the negotiation allows it', () => {
  it('refuses the vote while articles are neither agreed nor left out, naming each with its number and title (Art. 71)', () => {
    const refusal = refusalOf(decide(bargaining(), { type: 'open_vote' }, union, standing({ term: 'open', bonus: 'disputed' })));
    expect(refusal).toMatchObject({ code: 'conflict', citation: lc(71) });
    expect(refusal.message.en).toMatch(
      /^2 of 4 articles are not agreed by both sides: Art\. 2 \(Thời hạn\), Art\. 4 \(Thưởng Tết\)\. The draft goes to the vote only when every article is agreed/,
    );
    expect(refusal.message.vi).toMatch(
      /^Còn 2\/4 điều chưa được hai bên thống nhất: Điều 2 \(Thời hạn\), Điều 4 \(Thưởng Tết\)\..*\(Điều 71 Bộ luật Lao động 2019\)\.$/,
    );
  });

  it('puts the draft to the vote when every article is agreed, recording the counts and the violations open then', () => {
    const violations = [
      {
        rule: { vi: 'Tiền lương làm thêm giờ vào ngày thường', en: 'Overtime pay on normal days' },
        citation: lc(98, 1, 'a'),
        articles: [{ number: 3, title: 'Tiền lương' }],
      },
    ];
    const decision = decide(bargaining(), { type: 'open_vote' }, union, standing({}, violations));
    expect(decision).toEqual({
      ok: true,
      to: 'employee_vote',
      facts: {
        type: 'open_vote',
        concludedOn: '2027-01-27',
        draft: { articleCount: 4, agreedCount: 4, notAgreed: [], override: null, violations, votedText: null },
      },
    });
  });

  it('lets the union leave out each article not agreed: the vote then goes ahead and its record lists them as not agreed', () => {
    const draft = standing({ term: 'open', bonus: 'disputed' });
    let record = taken(bargaining(), { type: 'leave_out_article', clauseId: 'term', reason: 'Hai bên chưa thống nhất thời hạn' }, union, draft);
    expect(record.current.leftOut).toEqual([
      { clauseId: 'term', number: 2, title: 'Thời hạn', reason: 'Hai bên chưa thống nhất thời hạn', on: '2027-01-27', byName: 'Anh Minh' },
    ]);
    // One left out, one still open: the vote waits for the other.
    expect(refusalOf(decide(record, { type: 'open_vote' }, union, draft)).message.en).toMatch(
      /^1 of 4 articles are not agreed by both sides: Art\. 4 \(Thưởng Tết\)\./,
    );
    record = taken(record, { type: 'leave_out_article', clauseId: 'bonus' }, union, draft);
    const decision = decide(record, { type: 'open_vote' }, union, draft);
    expect(decision).toMatchObject({
      ok: true,
      to: 'employee_vote',
      facts: {
        draft: {
          articleCount: 4,
          agreedCount: 2,
          notAgreed: [
            { clauseId: 'term', number: 2, title: 'Thời hạn', status: 'open', leftOut: true },
            { clauseId: 'bonus', number: 4, title: 'Thưởng Tết', status: 'disputed', leftOut: true },
          ],
          override: null,
        },
      },
    });
  });

  it('refuses to leave out an agreed article, one left out already or one not in the text; the union takes one back', () => {
    const draft = standing({ term: 'open' });
    expect(refusalOf(decide(bargaining(), { type: 'leave_out_article', clauseId: 'wage' }, union, draft)).message.en).toMatch(
      /^Art\. 3 \(Tiền lương\) is agreed by both sides: there is nothing to leave out/,
    );
    expect(refusalOf(decide(bargaining(), { type: 'leave_out_article', clauseId: 'nowhere' }, union, draft))).toMatchObject({ code: 'invalid_input' });
    const left = taken(bargaining(), { type: 'leave_out_article', clauseId: 'term' }, union, draft);
    expect(refusalOf(decide(left, { type: 'leave_out_article', clauseId: 'term' }, union, draft)).message.en).toMatch(/already left out/);
    const back = taken(left, { type: 'withdraw_leave_out', clauseId: 'term' }, union, draft);
    expect(back.current.leftOut).toEqual([]);
    expect(refusalOf(decide(back, { type: 'withdraw_leave_out', clauseId: 'term' }, union, draft))).toMatchObject({ code: 'conflict' });
    expect(refusalOf(decide(back, { type: 'open_vote' }, union, draft))).toMatchObject({ code: 'conflict', citation: lc(71) });
  });

  it("takes the union's written reason to put articles not agreed to the vote, and refuses a reason nothing needs", () => {
    const draft = standing({ bonus: 'disputed' });
    const decision = decide(bargaining(), { type: 'open_vote', override: 'Người lao động quyết định về thưởng Tết' }, union, draft);
    expect(decision).toMatchObject({
      ok: true,
      facts: {
        draft: { notAgreed: [{ clauseId: 'bonus', leftOut: false }], override: { reason: 'Người lao động quyết định về thưởng Tết', byName: 'Anh Minh' } },
      },
    });
    expect(refusalOf(decide(bargaining(), { type: 'open_vote', override: 'Không cần' }, union, standing()))).toMatchObject({
      code: 'invalid_input',
      citation: lc(71),
    });
    // An empty reason is no reason: the schema refuses it.
    expect(lifecycleStepSchema.safeParse({ type: 'open_vote', override: '   ' }).success).toBe(false);
  });

  it('gives leaving out and overriding to the union alone: the employer and the host are refused', () => {
    const draft = standing({ bonus: 'disputed' });
    for (const actor of [employer, host]) {
      expect(refusalOf(decide(bargaining(), { type: 'leave_out_article', clauseId: 'bonus' }, actor, draft))).toMatchObject({
        code: 'forbidden',
        citation: lc(76, 3),
      });
      expect(refusalOf(decide(bargaining(), { type: 'open_vote', override: 'Bên sử dụng lao động muốn biểu quyết ngay' }, actor, draft))).toMatchObject({
        code: 'forbidden',
        citation: lc(76, 3),
      });
    }
  });
});

describe('the agreement is signed when both sides have signed (Art. 76(4))', () => {
  it('one signature leaves it awaiting the other: not signed, not sent, not in force; both make it signed', () => {
    const first = decide(voted(), signature('2027-01-26', 'employer', { effectiveOn: '2027-01-27', termMonths: 24 }), employer, standing());
    expect(first).toMatchObject({
      ok: true,
      to: 'employee_vote',
      facts: { type: 'sign', signature: { side: 'employer', signedOn: '2027-01-26', effectiveOn: '2027-01-27', termMonths: 24, recordedBy: 'Chị Lan' } },
    });
    const halfSigned = taken(voted(), signature('2027-01-26', 'employer', { effectiveOn: '2027-01-27', termMonths: 24 }), employer);
    expect(halfSigned.current.signing).toBeUndefined();
    // The effective date has come, yet an agreement signed by one side is not in force.
    expect(currentState(halfSigned, '2027-01-27')).toBe('employee_vote');
    expect(refusalOf(decide(halfSigned, { type: 'send_to_authority', sentOn: '2027-01-27' }, employer, standing()))).toMatchObject({
      code: 'conflict',
      citation: lc(77),
    });
    expect(refusalOf(decide(halfSigned, signature('2027-01-27', 'employer'), employer, standing())).message.en).toMatch(
      /signature of the employer side is already recorded/,
    );
    // The union's signature completes it, on the employer's terms, dated the later signature.
    const signed = taken(halfSigned, signature('2027-01-27', 'union'), union);
    expect(signed.current.signing).toMatchObject({
      signedOn: '2027-01-27',
      effectiveOn: '2027-01-27',
      effectiveSource: 'agreed',
      termMonths: 24,
      signatures: { employer: { side: 'employer' }, union: { side: 'union', recordedBy: 'Anh Minh' } },
      notAgreed: [],
    });
    expect(currentState(signed, '2027-01-27')).toBe('in_force');
    expect(decide(signed, { type: 'send_to_authority', sentOn: '2027-01-27' }, employer, standing())).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('records each side its own signature: a participant cannot sign for the other side; the host names the side', () => {
    expect(refusalOf(decide(voted(), { ...signature('2027-01-27', 'union', { termMonths: 24 }), side: 'employer' }, union, standing()))).toMatchObject({
      code: 'forbidden',
      citation: lc(76, 4),
    });
    expect(refusalOf(decide(voted(), signature('2027-01-27', 'union', { termMonths: 24 }), host, standing()))).toMatchObject({
      code: 'invalid_input',
      citation: lc(76, 4),
    });
    expect(decide(voted(), { ...signature('2027-01-27', 'union', { termMonths: 24 }), side: 'union' }, host, standing())).toMatchObject({
      ok: true,
      facts: { signature: { side: 'union', recordedBy: null } },
    });
  });

  it('refuses a signature when the text is not the one put to the vote', () => {
    const refusal = refusalOf(decide(voted(), signature('2027-01-27', 'employer', { termMonths: 24 }), employer, standing(), 'b'.repeat(64)));
    expect(refusal).toMatchObject({ code: 'conflict', citation: lc(76, 1) });
    expect(refusal.message.en).toMatch(/^The text differs from the draft put to the workers’ vote: it may not be signed/);
  });

  it('lists the articles left out in the signing, outside what the signatures agree', () => {
    const draft = standing({ bonus: 'disputed' });
    const left = taken(bargaining(), { type: 'leave_out_article', clauseId: 'bonus' }, union, draft);
    const opened = taken(left, { type: 'open_vote', concludedOn: '2027-01-20' }, union, draft);
    const passed = applyEvent(opened, {
      to: 'employee_vote',
      facts: { type: 'record_vote', vote: countVote('enterprise_agreement', '2027-01-22', [{ name: '', eligible: 100, inFavour: 60 }]) },
    });
    const signed = taken(taken(passed, signature('2027-01-27', 'union', { termMonths: 12 }), union), signature('2027-01-27', 'employer'), employer);
    expect(signed.current.signing?.notAgreed).toEqual([{ clauseId: 'bonus', number: 4, title: 'Thưởng Tết', status: 'disputed', leftOut: true }]);
    // A return to the table clears the signatures and the draft before the workers.
    const back = applyEvent(taken(passed, signature('2027-01-27', 'union', { termMonths: 12 }), union), {
      to: 'bargaining',
      facts: { type: 'return_to_bargaining' },
    });
    expect(back.current).toMatchObject({ signatures: {}, leftOut: [{ clauseId: 'bonus' }] });
    expect(back.current.putToVote).toBeUndefined();
  });
});

describe('what the draft holds, in the minutes and the checklist', () => {
  const blocks: TopLevelBlock[] = [chapter('c1', 'CHUNG', ...ids.map((clauseId, index) => article(clauseId, titles[index] ?? '', `Nội dung ${index + 1}.`)))];
  const status = (clauseId: string, fields: Partial<ArticleNegotiation>): ArticleNegotiation => ({ ...openArticle(clauseId), ...fields });

  it('counts an article agreed only while both sides agreed its text as it is; names violations by rule title, never by id', () => {
    const findings: Finding[] = [
      {
        ruleId: 'pay.ot_weekday',
        rule: { vi: 'r', en: 'r' },
        severity: 'violation',
        message: { vi: 'm', en: 'm' },
        citation: lc(98, 1, 'a'),
        clauseId: 'wage',
        clauseIds: ['wage'],
        expected: { vi: 'e', en: 'e' },
      },
      {
        ruleId: 'pay.ot_weekday',
        rule: { vi: 'r', en: 'r' },
        severity: 'violation',
        message: { vi: 'm', en: 'm' },
        citation: lc(98, 1, 'a'),
        clauseId: 'bonus',
        expected: { vi: 'e', en: 'e' },
      },
      {
        ruleId: 'leave.annual',
        rule: { vi: 'r', en: 'r' },
        severity: 'warning',
        message: { vi: 'w', en: 'w' },
        citation: lc(113),
        expected: { vi: 'e', en: 'e' },
      },
    ];
    const result = negotiationStanding(
      blocks,
      [
        status('scope', { status: 'agreed', agreedText: 'Phạm vi áp dụng\nNội dung 1.' }),
        status('term', { status: 'agreed', agreedText: 'Thời hạn\nmột văn bản cũ' }),
        status('wage', { status: 'disputed' }),
      ],
      findings,
      [{ id: 'pay.ot_weekday', what: { vi: 'Tiền lương làm thêm giờ vào ngày thường', en: 'Overtime pay on normal days' } }],
      new Set(),
    );
    expect(result.articles.map((entry) => [entry.number, entry.status])).toEqual([
      [1, 'agreed'],
      [2, 'open'],
      [3, 'disputed'],
      [4, 'open'],
    ]);
    expect(result.violations).toEqual([
      {
        rule: { vi: 'Tiền lương làm thêm giờ vào ngày thường', en: 'Overtime pay on normal days' },
        citation: lc(98, 1, 'a'),
        articles: [
          { number: 3, title: 'Tiền lương' },
          { number: 4, title: 'Thưởng Tết' },
        ],
      },
    ]);
    expect(JSON.stringify(result.violations)).not.toContain('pay.ot_weekday');
  });

  it('lists left-out articles in the minutes as not agreed (Art. 71), not as disputed or open, and the override with its reason', () => {
    const minutes = buildMinutes({
      documentTitle: 'Thỏa ước 2027',
      blocks,
      proposals: [],
      articles: [
        status('scope', { status: 'agreed' }),
        status('term', { status: 'disputed', positions: { employer: 'Hai năm', union: 'Ba năm' } }),
        status('wage', { status: 'disputed' }),
      ],
      participants: [],
      round: {
        leftOut: [{ clauseId: 'term', number: 2, title: 'Thời hạn', reason: 'Giải quyết theo thủ tục tranh chấp', on: '2027-01-18', byName: 'Anh Minh' }],
        putToVote: {
          articleCount: 4,
          agreedCount: 1,
          notAgreed: [
            { clauseId: 'term', number: 2, title: 'Thời hạn', status: 'disputed', leftOut: true },
            { clauseId: 'wage', number: 3, title: 'Tiền lương', status: 'disputed', leftOut: false },
            { clauseId: 'bonus', number: 4, title: 'Thưởng Tết', status: 'open', leftOut: false },
          ],
          override: { reason: 'Người lao động quyết định', byName: 'Anh Minh' },
          violations: [],
          votedText: null,
        },
      },
      since: '2027-01-20T00:00:00Z',
      now: '2027-01-20T10:00:00.000Z',
      publishedScenarios: [],
      suggestions: [],
    });
    expect(minutes.notAgreed).toEqual([
      {
        clauseId: 'term',
        number: 2,
        title: 'Thời hạn',
        positions: { employer: 'Hai năm', union: 'Ba năm' },
        leftOutOn: '2027-01-18',
        leftOutBy: 'Anh Minh',
        reason: 'Giải quyết theo thủ tục tranh chấp',
      },
    ]);
    expect(minutes.disputed.map((entry) => entry.clauseId)).toEqual(['wage']);
    expect(minutes.openCount).toBe(1);
    expect(minutes.override).toEqual({
      reason: 'Người lao động quyết định',
      byName: 'Anh Minh',
      articles: [
        { clauseId: 'wage', number: 3, title: 'Tiền lương' },
        { clauseId: 'bonus', number: 4, title: 'Thưởng Tết' },
      ],
    });
  });

  it("gives the reviewer the draft's standing at the vote and both signatures in the checklist", () => {
    const draft = standing({ term: 'open', bonus: 'disputed' }, [
      {
        rule: { vi: 'Tiền lương làm thêm giờ vào ngày thường', en: 'Overtime pay on normal days' },
        citation: lc(98, 1, 'a'),
        articles: [{ number: 3, title: 'Tiền lương' }],
      },
    ]);
    const left = taken(bargaining(), { type: 'leave_out_article', clauseId: 'term' }, union, draft);
    const opened = taken(left, { type: 'open_vote', concludedOn: '2027-01-20', override: 'Người lao động quyết định về thưởng Tết' }, union, draft);
    const passed = applyEvent(opened, {
      to: 'employee_vote',
      facts: { type: 'record_vote', vote: countVote('enterprise_agreement', '2027-01-22', [{ name: '', eligible: 100, inFavour: 60 }]) },
    });
    const halfSigned = taken(passed, signature('2027-01-26', 'employer', { termMonths: 12 }), employer);
    const items = (record: LifecycleRecord) => Object.fromEntries(proceduralChecklist(record, '2027-01-27').map((item) => [item.id, item]));
    const before = items(halfSigned);
    expect(before.vote_left_out).toMatchObject({
      status: 'info',
      citation: lc(71),
      message: { en: 'Draft put to the vote: 2 of 4 articles agreed by both sides; left out of the agreement as not agreed: Art. 2 (Thời hạn)' },
    });
    expect(before.vote_override).toMatchObject({
      status: 'info',
      message: {
        en: "The draft was put to the vote with articles not agreed: Art. 4 (Thưởng Tết); the worker representative organisation's reason (Anh Minh): Người lao động quyết định về thưởng Tết",
      },
    });
    expect(before.vote_violation_1).toMatchObject({
      status: 'info',
      citation: lc(98, 1, 'a'),
      message: { en: 'Violation open when the draft was put to the vote: Overtime pay on normal days — Art. 3 (Tiền lương)' },
    });
    expect(before.signatures).toMatchObject({
      status: 'pending',
      message: { en: 'Trần Văn Hùng (Tổng Giám đốc) signed for the employer side at Bình Dương on 26/01/2027; awaiting the signature of the worker side' },
    });
    expect(before.signing).toMatchObject({ status: 'pending' });
    const after = items(taken(halfSigned, signature('2027-01-27', 'union'), union));
    expect(after.signatures).toMatchObject({
      status: 'ok',
      message: {
        vi: 'Trần Văn Hùng (Tổng Giám đốc) ký cho bên người sử dụng lao động tại Bình Dương ngày 26/01/2027; Nguyễn Thị Mai (Chủ tịch Công đoàn cơ sở) ký cho bên người lao động tại Bình Dương ngày 27/01/2027',
      },
    });
  });
});
