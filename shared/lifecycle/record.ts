/**
 * A document's lifecycle as its recorded steps add up: the round in progress and its facts, the
 * rounds before it, and the last state a person's step left it in. The states that follow from the
 * calendar (in force, expiring, expired) are computed from these facts and today (timeStates.ts).
 */
import type { DocumentKind } from '#shared/documents/kinds';
import { initialLifecycleState, type LifecycleState } from '#shared/documents/lifecycleStates';
import type { LifecycleEventRecord, RoundFacts } from '#shared/lifecycle/model';

export interface LifecycleRecord {
  kind: DocumentKind;
  /** The round in progress: 1, then one more per amendment. */
  round: number;
  /** The state the last step taken by a person left the document in (time_passed events are not steps). */
  proceduralState: LifecycleState;
  current: RoundFacts;
  /** Earlier rounds, oldest first. */
  previous: RoundFacts[];
}

/** An empty round. */
export function newRound(round: number, basis: RoundFacts['basis']): RoundFacts {
  return { round, basis, votes: [], leftOut: [], signatures: {}, answers: [] };
}

/** A document no step has been taken on. */
export function initialRecord(kind: DocumentKind): LifecycleRecord {
  return { kind, round: 1, proceduralState: initialLifecycleState, current: newRound(1, 'initial'), previous: [] };
}

/** Back to the table: the bargaining is no longer concluded, no draft is before the workers, nobody's signature stands. */
function reopenBargaining(round: RoundFacts): void {
  delete round.voteFrom;
  delete round.putToVote;
  round.signatures = {};
  if (!round.bargaining) return;
  const bargaining = { ...round.bargaining };
  delete bargaining.concludedOn;
  round.bargaining = bargaining;
}

/** Adds one recorded step to a lifecycle. */
export function applyEvent(record: LifecycleRecord, event: Pick<LifecycleEventRecord, 'to' | 'facts'>): LifecycleRecord {
  const { facts } = event;
  if (facts.type === 'time_passed') return record;
  const next: LifecycleRecord = { ...record, proceduralState: event.to };
  const round = { ...record.current };
  switch (facts.type) {
    case 'request_bargaining':
      round.bargaining = { requestReceivedOn: facts.requestReceivedOn, requestedBy: facts.requestedBy };
      break;
    case 'record_bargaining_dates':
      if (round.bargaining) {
        round.bargaining = {
          ...round.bargaining,
          ...(facts.logisticsAgreedOn ? { logisticsAgreedOn: facts.logisticsAgreedOn } : {}),
          ...(facts.startedOn ? { startedOn: facts.startedOn } : {}),
          ...(facts.conclusionAgreedBy ? { conclusionAgreedBy: facts.conclusionAgreedBy } : {}),
        };
      }
      break;
    case 'leave_out_article':
      round.leftOut = [...round.leftOut.filter((article) => article.clauseId !== facts.article.clauseId), facts.article];
      break;
    case 'withdraw_leave_out':
      round.leftOut = round.leftOut.filter((article) => article.clauseId !== facts.clauseId);
      break;
    case 'open_vote':
      if (round.bargaining) round.bargaining = { ...round.bargaining, concludedOn: facts.concludedOn };
      round.voteFrom = round.votes.length;
      if (facts.draft) round.putToVote = facts.draft;
      else delete round.putToVote;
      break;
    case 'return_to_bargaining':
      reopenBargaining(round);
      break;
    case 'record_vote':
      round.votes = [...round.votes, facts.vote];
      // A failed vote sends the draft back to the table: bargaining goes on (Art. 76(1)).
      if (!facts.vote.passed) reopenBargaining(round);
      break;
    case 'sign':
      if (facts.signature) round.signatures = { ...round.signatures, [facts.signature.side]: facts.signature };
      if (facts.signing) round.signing = facts.signing;
      break;
    case 'send_to_authority':
      round.sentToAuthority = {
        sentOn: facts.sentOn,
        ...(facts.authority ? { authority: facts.authority } : {}),
        ...(facts.authorityId ? { authorityId: facts.authorityId } : {}),
      };
      break;
    case 'record_scale_consultation':
      round.salaryScale = { ...round.salaryScale, consultedOn: facts.consultedOn };
      break;
    case 'publish_salary_scale':
      round.salaryScale = { ...round.salaryScale, publishedOn: facts.publishedOn };
      break;
    case 'start_consultation':
      round.consultation = { sentOn: facts.sentOn };
      break;
    case 'record_union_opinion':
      round.consultation = { sentOn: round.consultation?.sentOn ?? facts.receivedOn, opinion: { receivedOn: facts.receivedOn, opinion: facts.opinion } };
      break;
    case 'issue':
      round.issue = { issuedOn: facts.issuedOn, withoutUnion: facts.withoutUnion };
      break;
    case 'send_registration':
      round.registration = {
        filedOn: facts.filedOn,
        dossier: facts.dossier,
        ...(facts.authority ? { authority: facts.authority } : {}),
        ...(facts.authorityId ? { authorityId: facts.authorityId } : {}),
      };
      break;
    case 'record_authority_answer':
      round.answers = [...round.answers, facts.answer];
      break;
    case 'open_amendment': {
      const opened = { ...newRound(record.round + 1, facts.basis), ...(facts.reason ? { amendmentReason: facts.reason } : {}) };
      if (record.kind !== 'labour_regulations')
        opened.bargaining = { requestReceivedOn: facts.requestReceivedOn, ...(facts.requestedBy ? { requestedBy: facts.requestedBy } : {}) };
      return { ...next, round: record.round + 1, current: opened, previous: [...record.previous, record.current] };
    }
  }
  return { ...next, current: round };
}

/** The lifecycle that a document's recorded steps add up to, oldest step first. */
export function foldEvents(kind: DocumentKind, events: readonly Pick<LifecycleEventRecord, 'to' | 'facts'>[]): LifecycleRecord {
  return events.reduce(applyEvent, initialRecord(kind));
}

/** The vote of the round taken since the draft was last put to the workers, if any. */
export function currentVote(round: Pick<RoundFacts, 'votes' | 'voteFrom'>): RoundFacts['votes'][number] | undefined {
  return round.voteFrom === undefined ? undefined : round.votes[round.voteFrom];
}

/** The vote the agreement was signed on: the last one of the round, which passed. */
export function decidingVote(round: Pick<RoundFacts, 'votes'>): RoundFacts['votes'][number] | undefined {
  const last = round.votes.at(-1);
  return last?.passed ? last : undefined;
}

/** The latest answer of the authority in the round, if any. */
export function latestAnswer(round: RoundFacts): RoundFacts['answers'][number] | undefined {
  return round.answers.at(-1);
}
