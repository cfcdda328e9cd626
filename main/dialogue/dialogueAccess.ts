import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { formatIsoDate, vietnamDate } from '#shared/format/vietnamTime';
import type { IsoDate } from '#shared/calendar/isoDate';
import { dialogueStateNames, type Dialogue, type DialogueSide } from '#shared/dialogue/model';
import { canTake, type DialogueAction } from '#shared/dialogue/steps';
import { actorOf, visibleDialogue } from '#main/kernel/access';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { dialogueLockKey, type StoreRepositories } from '#main/store/port';
import type { DialogueRecord } from '#main/store/records';

/**
 * A caller's part in a dialogue (decision 0022): the employer side organises it and the
 * workspace's host acts for it (at province scale, the federation hosting the conference); the
 * worker side (union officials, worker representatives) requests, submits and signs for itself;
 * a reviewer reads.
 */
export type DialogueRole = 'organiser' | 'worker_side' | 'reader';

export function dialogueRoleOf(caller: Caller): DialogueRole {
  if (caller.kind === 'admin') return 'organiser';
  if (caller.kind === 'participant') return caller.side === 'employer' ? 'organiser' : caller.side === 'union' ? 'worker_side' : 'reader';
  return 'reader';
}

/** The sides a caller may sign the minutes for: their own; the host records either side's signature from paper. */
export function signableSides(caller: Caller): readonly DialogueSide[] {
  if (caller.kind === 'admin') return ['employer', 'union'];
  if (caller.kind === 'participant' && (caller.side === 'employer' || caller.side === 'union')) return [caller.side];
  return [];
}

/** Refuses a caller whose part is not one of `allowed`, saying whose the step is. */
export function requireRole(role: DialogueRole, allowed: readonly DialogueRole[]): void {
  if (allowed.includes(role)) return;
  if (role === 'reader') throw new ApiError('forbidden', 'a reviewer reads the dialogue and changes nothing', { reason: { key: 'dialogue_readers_read' } });
  if (allowed.includes('organiser'))
    throw new ApiError('forbidden', 'the employer side organises the dialogue: this step is theirs (or the host’s)', {
      reason: { key: 'dialogue_organiser_only' },
    });
  throw new ApiError('forbidden', 'this step is the worker side’s', { reason: { key: 'dialogue_worker_side_only' } });
}

/** Refuses an action the dialogue's state does not allow, naming the state. */
export function requireState(dialogue: Dialogue, action: DialogueAction): void {
  if (canTake(action, dialogue.state)) return;
  throw new ApiError('conflict', `this cannot be done while the dialogue is "${dialogue.state}"`, {
    reason: { key: 'dialogue_wrong_state', values: { label: dialogueStateNames[dialogue.state] } },
  });
}

/** Refuses a step dated before the step it follows. */
export function requireOnOrAfter(date: IsoDate, after: IsoDate | null): void {
  if (after === null || date >= after) return;
  throw new ApiError('invalid_input', `the date ${date} comes before the step it follows (${after})`, {
    reason: { key: 'dialogue_date_order', values: { date: formatIsoDate(date), after: formatIsoDate(after) } },
  });
}

export function todayOf(context: ServiceContext): IsoDate {
  return vietnamDate(context.now());
}

/** What a change of a dialogue works with: the record read inside the transaction, and the caller's part. */
export interface DialogueChange {
  record: DialogueRecord;
  role: DialogueRole;
  tx: StoreRepositories;
  today: IsoDate;
}

/**
 * Changes a dialogue, or what belongs to it, in one transaction that changes of the same dialogue
 * take turns on (on every instance): `work` reads it as it is now and returns what it becomes, if
 * the record itself changes, and the result (or throws, and nothing changes); the change is audited.
 */
export async function changeDialogue<T>(
  context: ServiceContext,
  caller: Caller,
  dialogueId: string,
  action: string,
  work: (change: DialogueChange) => Promise<{ dialogue?: Dialogue; result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  // Checked outside the transaction: a store call made inside one waits for it to end.
  const role = dialogueRoleOf(caller);
  await visibleDialogue(context, caller, dialogueId);
  return context.store.transaction(
    async (tx) => {
      const record = await tx.dialogues.get(dialogueId);
      if (!record) throw new ApiError('not_found', `no dialogue with id "${dialogueId}"`, { reason: { key: 'dialogue_not_found' } });
      const at = context.now();
      const changed = await work({ record, role, tx, today: vietnamDate(at) });
      if (changed.dialogue) await tx.dialogues.update({ ...changed.dialogue, updatedAt: new Date(at).toISOString() });
      await tx.audit.record({ at, actor: actorOf(caller), action, documentId: null, details: { dialogueId, ...changed.details } });
      return changed.result;
    },
    { documentId: dialogueLockKey(dialogueId) },
  );
}
