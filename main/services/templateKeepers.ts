import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { TemplateOwnerSide } from '#shared/api/templates';
import type { UserTemplateRecord } from '#main/store/records';

/**
 * Who keeps user templates: the host, or a bargaining side. Each side's templates are its
 * negotiation playbook, private to it; the host (who runs the installation) sees and manages all.
 * Reviewers are not a bargaining party and keep none.
 */
export type TemplateKeeper = { kind: 'host' } | { kind: 'side'; side: TemplateOwnerSide; participantId: string };

/** The keeper a caller speaks for; reviewers (and nobody) are refused. */
export function keeperOf(caller: Caller): TemplateKeeper {
  if (caller.kind === 'admin') return { kind: 'host' };
  if (caller.kind !== 'participant') throw new ApiError('unauthorized', 'a valid token is required for this call', { reason: { key: 'token_needed' } });
  if (caller.side === 'reviewer') throw new ApiError('forbidden', 'reviewers do not keep templates; templates belong to the host and the bargaining sides', { reason: { key: 'templates_not_for_reviewers' } });
  return { kind: 'side', side: caller.side, participantId: caller.participantId };
}

/** Whom a new template belongs to: the host may choose (default: the host's own); a side, itself. */
export function ownerSideFor(keeper: TemplateKeeper, requested: TemplateOwnerSide | null | undefined): TemplateOwnerSide | null {
  if (keeper.kind === 'host') return requested ?? null;
  if (requested !== undefined && requested !== keeper.side) {
    throw new ApiError('forbidden', `a ${keeper.side} participant keeps templates for the ${keeper.side} side only`, { reason: { key: 'templates_own_side' } });
  }
  return keeper.side;
}

/** Whether the keeper may see (and change) a template: the host any, a side its own. */
export function keeps(keeper: TemplateKeeper, record: Pick<UserTemplateRecord, 'ownerSide'>): boolean {
  return keeper.kind === 'host' || record.ownerSide === keeper.side;
}

/** The participant recorded as having saved a template (null for the host). */
export function createdByOf(keeper: TemplateKeeper): string | null {
  return keeper.kind === 'side' ? keeper.participantId : null;
}
