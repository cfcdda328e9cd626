import type { IsoDate } from '#shared/calendar/isoDate';
import { dialogueChecks, type DialogueCheck } from '#shared/dialogue/checks';
import { isWorkplaceDialogue } from '#shared/dialogue/composition';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { StoreRepositories } from '#main/store/port';

/** A page of submissions read at a time when every one of a kind is needed. */
const pageSize = 500;

/** How many written answers of a dialogue are still owed past their due date. */
export async function writtenOverdueCount(store: Pick<StoreRepositories, 'dialogues'>, dialogueId: string, today: IsoDate): Promise<number> {
  let overdue = 0;
  for (let after = 0; ; ) {
    const page = await store.dialogues.listSubmissions(dialogueId, { status: 'written', includeMerged: false, after, limit: pageSize });
    overdue += page.items.filter((submission) => submission.due !== null && submission.due < today).length;
    const last = page.items.at(-1);
    if (!last || page.items.length < pageSize) return overdue;
    after = last.number;
  }
}

/**
 * The checks of a workspace's dialogue records (shared/dialogue/checks.ts), for the compliance
 * check, the reviewer's view and `dialogues/checks`. A workspace is an employer's, bound to hold
 * periodic dialogue, when it holds a workplace dialogue, an enterprise agreement or labour
 * regulations; a federation's holding only conferences and sector agreements is not.
 */
export async function workspaceDialogueChecks(context: ServiceContext, workspaceId: string, today: IsoDate): Promise<DialogueCheck[]> {
  const { store } = context;
  const dialogues = await store.dialogues.listInWorkspace(workspaceId);
  const documents = await store.documents.listInWorkspace(workspaceId, false);
  const employerWorkspace =
    dialogues.some((dialogue) => isWorkplaceDialogue(dialogue.kind)) ||
    documents.some((document) => document.kind === 'enterprise_agreement' || document.kind === 'labour_regulations');
  const writtenOverdue = new Map<string, number>();
  for (const dialogue of dialogues) writtenOverdue.set(dialogue.id, await writtenOverdueCount(store, dialogue.id, today));
  return dialogueChecks({ dialogues, writtenOverdue, today, employerWorkspace });
}
