/**
 * What may be done to a dialogue in each state, and when its follow-up is over. The order of the
 * states is that of Decree 145/2020/ND-CP Art. 39–40: a request answered in writing, the agenda
 * sent, the meeting held, the minutes signed by both sides, the main content published; then the
 * written answers and commitments are followed until every one is done.
 */
import type { Dialogue, DialogueState } from '#shared/dialogue/model';

export type DialogueAction =
  | 'reply_request'
  | 'update'
  | 'set_agenda'
  | 'send_agenda'
  | 'record_attendance'
  | 'sign_minutes'
  | 'publish'
  | 'commitments'
  | 'answer_directly'
  | 'written_answers'
  | 'add_submission'
  | 'floor_question'
  | 'sort_submissions';

const beforeMeeting: readonly DialogueState[] = ['requested', 'draft', 'agenda_sent'];
const afterMeeting: readonly DialogueState[] = ['held', 'minutes_signed', 'published'];

/** The states in which each action may be taken. */
export const actionStates: Readonly<Record<DialogueAction, readonly DialogueState[]>> = {
  reply_request: ['requested'],
  // The meeting and who sits at it may change until it is held.
  update: beforeMeeting,
  set_agenda: ['draft', 'agenda_sent'],
  send_agenda: ['draft'],
  // A second recording corrects the first, until the minutes are signed.
  record_attendance: ['agenda_sent', 'held'],
  sign_minutes: ['held'],
  publish: ['minutes_signed'],
  commitments: afterMeeting,
  // Direct answers are given in the meeting and go into its minutes.
  answer_directly: ['held'],
  written_answers: afterMeeting,
  add_submission: ['requested', 'draft', 'agenda_sent', 'held'],
  floor_question: ['agenda_sent', 'held'],
  sort_submissions: ['requested', 'draft', 'agenda_sent', 'held', 'minutes_signed'],
};

export function canTake(action: DialogueAction, state: DialogueState): boolean {
  return actionStates[action].includes(state);
}

/** A request of the worker side needs at least 30% of the worker representatives behind it (Art. 40(1)). */
export function requestBacked(supporters: number, representatives: number): boolean {
  return representatives > 0 && supporters <= representatives && supporters * 10 >= representatives * 3;
}

/** Whether a published dialogue's follow-up is over: every commitment done and no written answer still owed. */
export function followUpDone(dialogue: Pick<Dialogue, 'state' | 'commitments'>, writtenAnswersOwed: number): boolean {
  return dialogue.state === 'published' && writtenAnswersOwed === 0 && dialogue.commitments.every((commitment) => commitment.doneOn !== null);
}
