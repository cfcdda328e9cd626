/**
 * The lifecycle of a collective labour agreement (thỏa ước lao động tập thể), as a pure function from
 * (lifecycle, state today, step, environment) to a decision:
 *
 *   drafting → bargaining → employee_vote → signed → submitted → in_force → expiring → expired
 *                   ↑            │ (failed vote)                   │ amendment (Art. 82, 83)
 *                   └────────────┴─────────────────────────────────┘
 *
 * in_force, expiring and expired follow from the dates (timeStates.ts). Who may take each step is
 * in permissions.ts; this file checks the state and the facts. The draft goes to the vote once the
 * negotiation allows it (voteReadiness.ts), and is signed once both sides have signed it.
 */
import { lc } from '#shared/compliance/citations';
import type { IsoDate } from '#shared/calendar/isoDate';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Bilingual } from '#shared/templates/schema';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { termLastDay } from '#shared/lifecycle/dates';
import type { LifecycleStep, Signature } from '#shared/lifecycle/model';
import type { LifecycleActor } from '#shared/lifecycle/permissions';
import { currentVote, type LifecycleRecord } from '#shared/lifecycle/record';
import { allowed, dateBefore, firstRefusal, futureDate, refusal, type StepDecision, type StepEnvironment } from '#shared/lifecycle/refusals';
import { bargainingSideNames, stateNames } from '#shared/lifecycle/stateNames';
import { countVote, voteCitation, voteInputProblem } from '#shared/lifecycle/vote';
import { articleList, notAgreedRecord, voteReadiness } from '#shared/lifecycle/voteReadiness';
import type { BargainingSide } from '#shared/negotiation/model';

const label = {
  request: { vi: 'Ngày nhận được yêu cầu thương lượng', en: 'The date the bargaining request was received' },
  logistics: { vi: 'Ngày thỏa thuận thời gian, địa điểm, cách thức thương lượng', en: 'The date time, place and method were agreed' },
  start: { vi: 'Ngày bắt đầu thương lượng', en: 'The date bargaining started' },
  agreedEnd: { vi: 'Thời hạn kết thúc thương lượng do hai bên thỏa thuận', en: 'The end of bargaining agreed by the parties' },
  concluded: { vi: 'Ngày kết thúc thương lượng', en: 'The date bargaining concluded' },
  vote: { vi: 'Ngày lấy ý kiến người lao động', en: 'The date of the vote' },
  signed: { vi: 'Ngày ký kết', en: 'The signing date' },
  sent: { vi: 'Ngày gửi thỏa ước', en: 'The date the agreement was sent' },
} satisfies Record<string, Bilingual>;

/** Art. 78(3): a term of 1 to 3 years. */
const termMonthsRange = { min: 12, max: 36 } as const;

function inState(state: LifecycleState, expected: readonly LifecycleState[], what: Bilingual, citation: ReturnType<typeof lc>): StepDecision | null {
  if (expected.includes(state)) return null;
  const names = expected.map((name) => stateNames[name]);
  return refusal('conflict', citation, {
    vi: `${what.vi} chỉ khi văn bản ở trạng thái ${names.map((name) => `“${name.vi}”`).join(' hoặc ')}; hiện đang “${stateNames[state].vi}”`,
    en: `${what.en} only when the document is ${names.map((name) => `“${name.en}”`).join(' or ')}; it is “${stateNames[state].en}”`,
  });
}

/** Who takes a step: their side (or the host) and their name, for the record. */
export interface StepTaker {
  actor: LifecycleActor;
  name: string | null;
}

/** The side whose signature a step records: one's own, or the one the host names (Art. 76(4)). */
function signingSide(step: Extract<LifecycleStep, { type: 'sign' }>, actor: LifecycleActor): BargainingSide | StepDecision {
  if (actor.kind === 'host') {
    return (
      step.side ??
      refusal('invalid_input', lc(76, 4), {
        vi: 'Ghi rõ chữ ký của bên nào: người quản trị ghi nhận chữ ký thay cho một bên đã ký',
        en: 'Say whose signature it is: the host records a signature on behalf of the side that signed',
      })
    );
  }
  const own = actor.side === 'employer' || actor.side === 'union' ? actor.side : null;
  if (own === null || (step.side !== undefined && step.side !== own)) {
    return refusal('forbidden', lc(76, 4), {
      vi: 'Mỗi bên tự ghi nhận chữ ký của đại diện bên mình',
      en: "Each side records its own representative's signature",
    });
  }
  return own;
}

/**
 * One side's signature (Art. 76(4): the agreement is signed by the legal representatives of the
 * bargaining parties). The agreement is signed once both have signed, on the same terms and on
 * the text the workers voted on; until then it awaits the other side's signature, and nothing that
 * needs a signed agreement (sending it, its effect) follows.
 */
function sign(
  record: LifecycleRecord,
  state: LifecycleState,
  step: Extract<LifecycleStep, { type: 'sign' }>,
  env: StepEnvironment,
  by: StepTaker,
): StepDecision {
  const wrongState = inState(state, ['employee_vote'], { vi: 'Thỏa ước được ký', en: 'An agreement is signed' }, lc(76, 1));
  if (wrongState) return wrongState;
  const side = signingSide(step, by.actor);
  if (typeof side !== 'string') return side;
  const vote = currentVote(record.current);
  if (!vote)
    return refusal('conflict', voteCitation(record.kind), {
      vi: 'Chưa ghi nhận kết quả lấy ý kiến người lao động về dự thảo: chỉ được ký khi đủ tỷ lệ tán thành',
      en: 'No vote on the draft has been recorded: the agreement may be signed only after the required majority approves it',
    });
  if (!vote.passed)
    return refusal('conflict', voteCitation(record.kind), {
      vi: 'Kết quả lấy ý kiến không đạt trên 50%: không được ký',
      en: 'The vote did not reach more than 50%: the agreement may not be signed',
    });
  const { signatures } = record.current;
  const already = signatures[side];
  if (already) {
    return refusal('conflict', lc(76, 4), {
      vi: `Chữ ký của ${bargainingSideNames[side].vi} đã được ghi nhận (${already.representative.name}, ngày ${formatIsoDate(already.signedOn)})`,
      en: `The signature of ${bargainingSideNames[side].en} is already recorded (${already.representative.name}, on ${formatIsoDate(already.signedOn)})`,
    });
  }
  // The workers approved one text; both signatures are on that text and no other (S4 keeps it frozen).
  const voted = record.current.putToVote?.votedText;
  if (voted && env.textHash() !== voted.contentHash) {
    return refusal('conflict', lc(76, 1), {
      vi: 'Nội dung văn bản khác với dự thảo đã đưa ra lấy ý kiến người lao động: không được ký; đưa dự thảo trở lại thương lượng và lấy ý kiến lại',
      en: 'The text differs from the draft put to the workers’ vote: it may not be signed; take the draft back to the table and put it to the vote again',
    });
  }
  const dated = firstRefusal(
    futureDate(step.signedOn, label.signed, env.today),
    dateBefore(step.signedOn, label.signed, vote.votedOn, { vi: 'ngày lấy ý kiến', en: 'the vote' }, lc(76, 1)),
  );
  if (dated) return dated;
  const other = signatures[side === 'employer' ? 'union' : 'employer'];
  // The terms are those of the first signature; the second signs the same agreement.
  if (
    other &&
    ((step.effectiveOn !== undefined && step.effectiveOn !== other.effectiveOn) || (step.termMonths !== undefined && step.termMonths !== other.termMonths))
  ) {
    const effective = other.effectiveOn ? formatIsoDate(other.effectiveOn) : null;
    return refusal('conflict', lc(78, 1), {
      vi: `Chữ ký của ${bargainingSideNames[other.side].vi} ghi ${effective ? `hiệu lực từ ${effective} và ` : ''}thời hạn ${other.termMonths} tháng: hai bên ký cùng một thỏa ước; nếu các điều kiện khác nhau, đưa dự thảo trở lại thương lượng`,
      en: `The signature of ${bargainingSideNames[other.side].en} gives ${effective ? `an effective date of ${effective} and ` : ''}a term of ${other.termMonths} months: both sides sign the same agreement; if the terms differ, take the draft back to the table`,
    });
  }
  const termMonths = step.termMonths ?? other?.termMonths ?? (env.textTermYears === undefined ? undefined : Math.round(env.textTermYears * 12));
  if (termMonths === undefined)
    return refusal('invalid_input', lc(78, 3), {
      vi: 'Ghi thời hạn của thỏa ước (từ 01 năm đến 03 năm)',
      en: 'Record the term of the agreement (1 to 3 years)',
    });
  if (termMonths < termMonthsRange.min || termMonths > termMonthsRange.max) {
    return refusal('invalid_input', lc(78, 3), {
      vi: `Thời hạn ${termMonths} tháng: thỏa ước có thời hạn từ 01 năm đến 03 năm`,
      en: `A term of ${termMonths} months: an agreement runs for 1 to 3 years`,
    });
  }
  const agreedEffectiveOn = step.effectiveOn ?? other?.effectiveOn;
  const signature: Signature = {
    side,
    representative: step.representative,
    signedOn: step.signedOn,
    place: step.place,
    ...(agreedEffectiveOn ? { effectiveOn: agreedEffectiveOn } : {}),
    termMonths,
    recordedBy: by.name,
  };
  if (!other) return allowed('employee_vote', { type: 'sign', signature });
  // Both have signed: the agreement is signed on the later of the two dates.
  const signedOn = other.signedOn > step.signedOn ? other.signedOn : step.signedOn;
  // Art. 78(1): the date agreed and written in the agreement; without one, the signing date.
  const [effectiveOn, effectiveSource]: [IsoDate, 'agreed' | 'text' | 'signing_date'] = agreedEffectiveOn
    ? [agreedEffectiveOn, 'agreed']
    : env.textEffectiveDate
      ? [env.textEffectiveDate, 'text']
      : [signedOn, 'signing_date'];
  const signatories = record.kind === 'multi_enterprise_agreement' ? vote.groups.filter((group) => group.passed).map((group) => group.name) : [];
  const both = side === 'employer' ? { employer: signature, union: other } : { employer: other, union: signature };
  const notAgreed = record.current.putToVote?.notAgreed.filter((article) => article.leftOut) ?? [];
  return allowed('signed', {
    type: 'sign',
    signature,
    signing: {
      signedOn,
      effectiveOn,
      effectiveSource,
      termMonths,
      expiresOn: termLastDay(effectiveOn, termMonths),
      signatories,
      signedVersionId: null,
      signatures: both,
      notAgreed,
    },
  });
}

/** Art. 71: the union leaves an article not agreed out of the agreement; it stays in the text, recorded as not agreed. */
function leaveOut(
  record: LifecycleRecord,
  state: LifecycleState,
  step: Extract<LifecycleStep, { type: 'leave_out_article' }>,
  env: StepEnvironment,
  by: StepTaker,
): StepDecision {
  const wrongState = inState(state, ['bargaining'], { vi: 'Điều khoản được để ngoài thỏa ước', en: 'An article is left out of the agreement' }, lc(71));
  if (wrongState) return wrongState;
  const article = env.negotiation().articles.find((candidate) => candidate.clauseId === step.clauseId);
  if (!article) return refusal('invalid_input', undefined, { vi: 'Văn bản không có điều khoản này', en: 'The document has no such article' });
  const name = articleList([article]);
  if (article.status === 'agreed')
    return refusal('conflict', lc(71), {
      vi: `${name.vi} đã được hai bên thống nhất: không có gì để ngoài thỏa ước`,
      en: `${name.en} is agreed by both sides: there is nothing to leave out`,
    });
  if (record.current.leftOut.some((candidate) => candidate.clauseId === step.clauseId))
    return refusal('conflict', lc(71), { vi: `${name.vi} đã được để ngoài thỏa ước`, en: `${name.en} is already left out of the agreement` });
  return allowed('bargaining', {
    type: 'leave_out_article',
    article: {
      clauseId: article.clauseId,
      number: article.number,
      title: article.title,
      ...(step.reason ? { reason: step.reason } : {}),
      on: env.today,
      byName: by.name,
    },
  });
}

/** Art. 76(1), (3); Art. 71: the draft goes to the workers once every article is agreed or left out, or with the union's written reason. */
function openVote(
  record: LifecycleRecord,
  state: LifecycleState,
  step: Extract<LifecycleStep, { type: 'open_vote' }>,
  env: StepEnvironment,
  by: StepTaker,
): StepDecision {
  const bargaining = record.current.bargaining;
  const wrongState = inState(state, ['bargaining'], { vi: 'Dự thảo được đưa ra lấy ý kiến', en: 'The draft is put to the vote' }, lc(76, 1));
  if (wrongState) return wrongState;
  // Art. 70(1) counts the 90 days of bargaining from its start; the vote is on a negotiated draft.
  if (!bargaining?.startedOn)
    return refusal('conflict', lc(70, 1), {
      vi: 'Ghi ngày bắt đầu thương lượng trước khi đưa dự thảo ra lấy ý kiến',
      en: 'Record when bargaining started before putting the draft to the vote',
    });
  const concludedOn = step.concludedOn ?? env.today;
  const dated = firstRefusal(
    futureDate(concludedOn, label.concluded, env.today),
    dateBefore(concludedOn, label.concluded, bargaining.startedOn, { vi: 'ngày bắt đầu thương lượng', en: 'the start of bargaining' }, lc(70, 1)),
  );
  if (dated) return dated;
  const readiness = voteReadiness(env.negotiation(), record.current.leftOut);
  if (readiness.blocking.length > 0 && step.override === undefined) {
    const list = articleList(readiness.blocking);
    return refusal('conflict', lc(71), {
      vi: `Còn ${readiness.blocking.length}/${readiness.articleCount} điều chưa được hai bên thống nhất: ${list.vi}. Dự thảo chỉ được đưa ra lấy ý kiến khi mọi điều đã thống nhất, khi tổ chức đại diện người lao động để từng điều chưa thống nhất ra ngoài thỏa ước (biên bản ghi là nội dung chưa đạt được thỏa thuận), hoặc khi ghi rõ lý do đưa ra lấy ý kiến dù chưa thống nhất`,
      en: `${readiness.blocking.length} of ${readiness.articleCount} articles are not agreed by both sides: ${list.en}. The draft goes to the vote only when every article is agreed, when the worker representative organisation leaves each one not agreed out of the agreement (the minutes record it as not agreed), or with a written reason for putting it to the vote regardless`,
    });
  }
  if (readiness.blocking.length === 0 && step.override !== undefined) {
    return refusal('invalid_input', lc(71), {
      vi: 'Mọi điều đã được thống nhất hoặc để ngoài thỏa ước: không cần lý do, đưa dự thảo ra lấy ý kiến mà không ghi lý do',
      en: 'Every article is agreed or left out: no reason is needed; put the draft to the vote without one',
    });
  }
  return allowed('employee_vote', {
    type: 'open_vote',
    concludedOn,
    draft: {
      articleCount: readiness.articleCount,
      agreedCount: readiness.agreedCount,
      notAgreed: notAgreedRecord(readiness),
      override: step.override === undefined ? null : { reason: step.override, byName: by.name },
      violations: [...readiness.violations],
      votedText: null,
    },
  });
}

/** Whether a step may be taken on a collective agreement, and what it records. */
export function decideAgreementStep(record: LifecycleRecord, state: LifecycleState, step: LifecycleStep, env: StepEnvironment, by: StepTaker): StepDecision {
  const { today } = env;
  const bargaining = record.current.bargaining;
  switch (step.type) {
    case 'request_bargaining':
      // Art. 70(1): the party receiving a valid request may not refuse; the clock runs from receipt.
      return (
        firstRefusal(
          inState(state, ['drafting'], { vi: 'Yêu cầu thương lượng được ghi nhận', en: 'A bargaining request is recorded' }, lc(70, 1)),
          futureDate(step.requestReceivedOn, label.request, today),
        ) ?? allowed('bargaining', { type: 'request_bargaining', requestReceivedOn: step.requestReceivedOn, requestedBy: step.requestedBy })
      );
    case 'record_bargaining_dates': {
      const wrongState = inState(state, ['bargaining'], { vi: 'Các mốc thương lượng được ghi', en: 'Bargaining dates are recorded' }, lc(70, 1));
      if (wrongState || !bargaining)
        return wrongState ?? refusal('conflict', lc(70, 1), { vi: 'Chưa ghi nhận yêu cầu thương lượng', en: 'No bargaining request is recorded' });
      const startedOn = step.startedOn ?? bargaining.startedOn;
      if (!step.logisticsAgreedOn && !step.startedOn && !step.conclusionAgreedBy)
        return refusal('invalid_input', lc(70, 1), { vi: 'Ghi ít nhất một mốc', en: 'Give at least one date' });
      const problem = firstRefusal(
        step.logisticsAgreedOn ? futureDate(step.logisticsAgreedOn, label.logistics, today) : null,
        step.logisticsAgreedOn
          ? dateBefore(step.logisticsAgreedOn, label.logistics, bargaining.requestReceivedOn, { vi: 'ngày nhận yêu cầu', en: 'the request' }, lc(70, 1))
          : null,
        step.startedOn ? futureDate(step.startedOn, label.start, today) : null,
        step.startedOn
          ? dateBefore(step.startedOn, label.start, bargaining.requestReceivedOn, { vi: 'ngày nhận yêu cầu', en: 'the request' }, lc(70, 1))
          : null,
        step.conclusionAgreedBy && !startedOn
          ? refusal('invalid_input', lc(70, 1), {
              vi: 'Thời hạn thương lượng tính từ ngày bắt đầu: ghi ngày bắt đầu trước',
              en: 'The bargaining period runs from its start: record the start first',
            })
          : null,
        step.conclusionAgreedBy && startedOn
          ? dateBefore(step.conclusionAgreedBy, label.agreedEnd, startedOn, { vi: 'ngày bắt đầu thương lượng', en: 'the start of bargaining' }, lc(70, 1))
          : null,
      );
      return (
        problem ??
        allowed('bargaining', {
          type: 'record_bargaining_dates',
          ...(step.logisticsAgreedOn ? { logisticsAgreedOn: step.logisticsAgreedOn } : {}),
          ...(step.startedOn ? { startedOn: step.startedOn } : {}),
          ...(step.conclusionAgreedBy ? { conclusionAgreedBy: step.conclusionAgreedBy } : {}),
        })
      );
    }
    case 'leave_out_article':
      return leaveOut(record, state, step, env, by);
    case 'withdraw_leave_out': {
      const wrongState = inState(state, ['bargaining'], { vi: 'Điều khoản được đưa trở lại thương lượng', en: 'A left-out article is taken back' }, lc(71));
      if (wrongState) return wrongState;
      if (!record.current.leftOut.some((article) => article.clauseId === step.clauseId))
        return refusal('conflict', lc(71), { vi: 'Điều khoản này không được để ngoài thỏa ước', en: 'This article is not left out of the agreement' });
      return allowed('bargaining', { type: 'withdraw_leave_out', clauseId: step.clauseId });
    }
    case 'open_vote':
      return openVote(record, state, step, env, by);
    case 'return_to_bargaining':
      return (
        inState(state, ['employee_vote'], { vi: 'Dự thảo được đưa trở lại bàn thương lượng', en: 'The draft goes back to the table' }, lc(70, 1)) ??
        allowed('bargaining', { type: 'return_to_bargaining', ...(step.reason ? { reason: step.reason } : {}) })
      );
    case 'record_vote': {
      const wrongState = inState(state, ['employee_vote'], { vi: 'Kết quả lấy ý kiến được ghi', en: 'A vote is recorded' }, lc(76, 1));
      if (wrongState) return wrongState;
      if (currentVote(record.current))
        return refusal('conflict', voteCitation(record.kind), {
          vi: 'Kết quả lấy ý kiến về dự thảo này đã được ghi: ký thỏa ước, hoặc đưa dự thảo trở lại thương lượng',
          en: 'The vote on this draft is already recorded: sign the agreement, or take the draft back to the table',
        });
      const problem = voteInputProblem(record.kind, step.groups);
      if (problem) return refusal('invalid_input', voteCitation(record.kind), problem);
      const concludedOn = bargaining?.concludedOn ?? today;
      const dated = firstRefusal(
        futureDate(step.votedOn, label.vote, today),
        dateBefore(step.votedOn, label.vote, concludedOn, { vi: 'ngày đưa dự thảo ra lấy ý kiến', en: 'the day the draft was put to the vote' }),
      );
      if (dated) return dated;
      const vote = countVote(record.kind, step.votedOn, step.groups);
      // A failed vote returns the draft to bargaining (Art. 76(1)-(2): it may not be signed).
      return allowed(vote.passed ? 'employee_vote' : 'bargaining', { type: 'record_vote', vote });
    }
    case 'sign':
      return sign(record, state, step, env, by);
    case 'send_to_authority': {
      // Art. 77: within 10 days of signing; a late sending is still a sending (and shown as late).
      const wrongState = inState(
        state,
        ['signed', 'in_force', 'expiring'],
        { vi: 'Thỏa ước được gửi cơ quan quản lý', en: 'The agreement is sent to the authority' },
        lc(77),
      );
      const signing = record.current.signing;
      if (wrongState || !signing) return wrongState ?? refusal('conflict', lc(77), { vi: 'Thỏa ước chưa được ký', en: 'The agreement has not been signed' });
      if (record.current.sentToAuthority)
        return refusal('conflict', lc(77), { vi: 'Thỏa ước của vòng này đã được gửi', en: 'This round of the agreement has already been sent' });
      return (
        firstRefusal(
          futureDate(step.sentOn, label.sent, today),
          dateBefore(step.sentOn, label.sent, signing.signedOn, { vi: 'ngày ký', en: 'the signing' }, lc(77)),
        ) ??
        allowed('submitted', {
          type: 'send_to_authority',
          sentOn: step.sentOn,
          ...(step.authority ? { authority: step.authority } : {}),
          ...(step.authorityId ? { authorityId: step.authorityId } : {}),
        })
      );
    }
    case 'open_amendment': {
      // Art. 82(1): amended only through bargaining, by the same procedure as concluding it; Art. 83(1):
      // within 90 days before expiry (and after it) the parties negotiate an extension or a new agreement.
      const wrongState = inState(
        state,
        ['signed', 'submitted', 'in_force', 'expiring', 'expired'],
        { vi: 'Vòng thương lượng sửa đổi, bổ sung được mở', en: 'An amendment round is opened' },
        lc(82, 1),
      );
      const signing = record.current.signing;
      if (wrongState || !signing) return wrongState ?? refusal('conflict', lc(82, 1), { vi: 'Thỏa ước chưa được ký', en: 'The agreement has not been signed' });
      return (
        firstRefusal(
          futureDate(step.requestReceivedOn, label.request, today),
          dateBefore(step.requestReceivedOn, label.request, signing.signedOn, { vi: 'ngày ký', en: 'the signing' }, lc(82, 1)),
        ) ??
        allowed('bargaining', {
          type: 'open_amendment',
          requestReceivedOn: step.requestReceivedOn,
          ...(step.requestedBy ? { requestedBy: step.requestedBy } : {}),
          ...(step.reason ? { reason: step.reason } : {}),
          basis: state === 'expiring' || state === 'expired' ? 'renewal' : 'amendment',
        })
      );
    }
    default:
      return refusal('invalid_input', undefined, {
        vi: 'Bước này không áp dụng cho thỏa ước lao động tập thể',
        en: 'This step does not apply to a collective agreement',
      });
  }
}
