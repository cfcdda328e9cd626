import type { ApiClient } from '#shared/api/client';
import type { DialogueView } from '#shared/api/dialogue';
import { dialogueStateRank, type DialogueState } from '#shared/dialogue/model';

/** What every part of a dialogue's page is given: the caller's client, the view as the server gave it, and the runner of actions. */
export interface DialogueActions {
  client: ApiClient;
  view: DialogueView;
  /** Runs an action, shows its error or `done`, then reloads the dialogue (renderer/components/useActionRunner.ts). */
  run: (work: () => Promise<unknown>, done?: string) => Promise<void>;
}

/** Whether the dialogue has reached `state` (a step moves forward only). */
export function reached(view: DialogueView, state: DialogueState): boolean {
  return dialogueStateRank(view.dialogue.state) >= dialogueStateRank(state);
}
