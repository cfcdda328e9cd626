import { throwIfCancelled, type CallContext } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import type { ApiHandlers, ApiParsedInput } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import type { Submission } from '#shared/dialogue/model';
import { buildDialoguePaper } from '#shared/export/dialoguePapersModel';
import type { RenderDocument } from '#shared/export/renderModel';

/**
 * Where a dialogue's papers read it from: the API's own handlers, so that a paper shows exactly
 * what the caller may read through them (the same gate, the same refusals).
 */
export interface DialoguePaperSources {
  dialogue: ApiHandlers['dialogues/get'];
  submissions: ApiHandlers['submissions/list'];
}

/** The largest page submissions/list gives: a provincial conference's hundreds are read in a few pages. */
const pageSize = 500;

async function everySubmission(sources: DialoguePaperSources, dialogueId: string, caller: Caller, call: CallContext | undefined): Promise<Submission[]> {
  const all: Submission[] = [];
  for (let after: number | null = 0; after !== null; ) {
    throwIfCancelled(call?.signal);
    const page = await sources.submissions({ dialogueId, after, limit: pageSize, untagged: false, includeMerged: false }, caller, call);
    all.push(...page.items);
    after = page.nextAfter;
  }
  return all;
}

/** One paper of a dialogue as the render model; the minutes and the notice of answers only once the meeting was held. */
export async function buildDialoguePaperFor(
  sources: DialoguePaperSources,
  input: ApiParsedInput<'dialogues/export'>,
  caller: Caller,
  call: CallContext | undefined,
): Promise<RenderDocument> {
  const { dialogue } = await sources.dialogue({ dialogueId: input.dialogueId }, caller, call);
  if (input.paper !== 'invitation' && dialogue.heldOn === null)
    throw new ApiError('conflict', `the ${input.paper === 'minutes' ? 'minutes' : 'notice of answers'} can be drawn up once the meeting is held`, {
      reason: { key: 'dialogue_paper_not_yet' },
    });
  const submissions = await everySubmission(sources, dialogue.id, caller, call);
  throwIfCancelled(call?.signal);
  return buildDialoguePaper(input.paper, { dialogue, submissions, language: input.language });
}
