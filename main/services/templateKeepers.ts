import { hostWorkspaceOf, type Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { TemplateOwnerSide } from '#shared/api/templates';
import { workspaceOfCaller } from '#main/kernel/access';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { UserTemplateRecord } from '#main/store/records';

/**
 * Who keeps user templates, in one workspace (each workspace's templates are its own: decision
 * 0019): the host, or a bargaining side of one of its documents. Each side's templates are its
 * negotiation playbook, private to it; the host (who runs the workspace) sees and manages all.
 * Reviewers are not a bargaining party and keep none.
 */
export type TemplateKeeper = { kind: 'host'; workspaceId: string } | { kind: 'side'; side: TemplateOwnerSide; participantId: string; workspaceId: string };

/** The keeper a caller speaks for; reviewers (and nobody) are refused. */
export async function keeperOf(context: ServiceContext, caller: Caller): Promise<TemplateKeeper> {
  if (caller.kind === 'admin') return { kind: 'host', workspaceId: hostWorkspaceOf(caller) };
  if (caller.kind === 'anonymous') throw new ApiError('unauthorized', 'a valid token is required for this call', { reason: { key: 'token_needed' } });
  // A reviewer participant, or an authority's reviewer (the gate lets none of them reach templates anyway).
  if (caller.kind !== 'participant' || caller.side === 'reviewer')
    throw new ApiError('forbidden', 'reviewers do not keep templates; templates belong to the host and the bargaining sides', {
      reason: { key: 'templates_not_for_reviewers' },
    });
  return { kind: 'side', side: caller.side, participantId: caller.participantId, workspaceId: await workspaceOfCaller(context, caller) };
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
