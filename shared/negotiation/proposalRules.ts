import type { ApiReasonKey } from '#shared/api/errorReasons';
import type { Side } from '#shared/sides';
import type { BargainingSide, Proposal } from '#shared/negotiation/model';

/** A refused negotiation step: the reason in plain English, and as the key the interface words. */
export interface RuleRefusal {
  code: 'forbidden' | 'conflict';
  message: string;
  reason: ApiReasonKey;
}

export type ProposalAction = 'accept' | 'reject' | 'counter' | 'withdraw';

/** What an action makes of a proposal, in words (messages and audit actions: "proposal.withdrawn"). */
export const proposalActionDone: Record<ProposalAction, string> = { accept: 'accepted', reject: 'rejected', counter: 'countered', withdraw: 'withdrawn' };

/** Who is acting: a participant of one side. */
export interface Actor {
  participantId: string;
  side: Side;
}

/** Only the two bargaining sides propose and answer (Labour Code Art. 65-70); reviewers do not. */
export function bargainingSideOf(actor: Actor): BargainingSide | RuleRefusal {
  if (actor.side === 'reviewer')
    return { code: 'forbidden', message: 'reviewers read the negotiation but do not propose, answer or agree', reason: 'reviewer_does_not_negotiate' };
  return actor.side;
}

/**
 * Whether an actor may take an action on a proposal. Only an open proposal moves; the other side
 * accepts, rejects or counters it; only its author withdraws it.
 */
export function checkProposalAction(proposal: Proposal, action: ProposalAction, actor: Actor): RuleRefusal | null {
  const side = bargainingSideOf(actor);
  if (typeof side !== 'string') return side;
  if (proposal.status !== 'open')
    return {
      code: 'conflict',
      message: `this proposal is ${proposal.status}: only an open proposal can be ${proposalActionDone[action]}`,
      reason: 'proposal_not_open',
    };
  if (action === 'withdraw') {
    return proposal.authorId === actor.participantId
      ? null
      : { code: 'forbidden', message: 'only the author of a proposal can withdraw it', reason: 'proposal_withdraw_author_only' };
  }
  if (proposal.side === side)
    return {
      code: 'forbidden',
      message: `a proposal of the ${side} side is answered by the other side, not by its own`,
      reason: 'proposal_answered_by_other_side',
    };
  return null;
}
