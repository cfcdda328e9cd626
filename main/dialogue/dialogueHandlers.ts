import type { ApiHandlers } from '#shared/api/contract';
import type { dialogueMethods } from '#shared/api/dialogue';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createDialogueService } from '#main/dialogue/dialogueService';
import { createSubmissionsService } from '#main/dialogue/submissionsService';
import { createProposalsService } from '#main/negotiation/proposalsService';

type DialogueHandlers = Pick<ApiHandlers, keyof typeof dialogueMethods>;

/** The dialogue methods of the API over their services (decision 0022). */
export function createDialogueHandlers(context: ServiceContext, rooms: DocumentRooms): DialogueHandlers {
  const dialogues = createDialogueService(context);
  // A question becomes a proposal through the negotiation's own service: one path for every proposal.
  const submissions = createSubmissionsService(context, rooms, createProposalsService(context, rooms));
  return {
    'dialogues/list': async (input, caller) => dialogues.list(input, caller),
    'dialogues/get': async (input, caller) => dialogues.get(input.dialogueId, caller),
    'dialogues/create': async (input, caller) => dialogues.create(input, caller),
    'dialogues/request': async (input, caller) => dialogues.request(input, caller),
    'dialogues/replyRequest': async (input, caller) => dialogues.replyRequest(input, caller),
    'dialogues/update': async (input, caller) => dialogues.update(input, caller),
    'dialogues/setAgenda': async (input, caller) => dialogues.setAgenda(input, caller),
    'dialogues/sendAgenda': async (input, caller) => dialogues.sendAgenda(input, caller),
    'dialogues/recordAttendance': async (input, caller) => dialogues.recordAttendance(input, caller),
    'dialogues/signMinutes': async (input, caller) => dialogues.signMinutes(input, caller),
    'dialogues/publish': async (input, caller) => dialogues.publish(input, caller),
    'dialogues/submissionLink': async (input, caller) => dialogues.submissionLink(input, caller),
    'dialogues/addCommitment': async (input, caller) => dialogues.addCommitment(input, caller),
    'dialogues/commitmentDone': async (input, caller) => dialogues.commitmentDone(input, caller),
    'dialogues/checks': async (_input, caller) => dialogues.checks(caller),
    'dialogues/readPublic': async (input, _caller, call) => dialogues.readPublic(input.code, call?.remoteAddress),
    'submissions/list': async (input, caller) => submissions.list(input, caller),
    'submissions/add': async (input, caller) => submissions.add(input, caller),
    'submissions/submit': async (input, _caller, call) => submissions.submit(input, call?.remoteAddress),
    'submissions/tag': async (input, caller) => submissions.tag(input, caller),
    'submissions/merge': async (input, caller) => submissions.merge(input, caller),
    'submissions/answerDirectly': async (input, caller) => submissions.answerDirectly(input, caller),
    'submissions/assignWritten': async (input, caller) => submissions.assignWritten(input, caller),
    'submissions/answerInWriting': async (input, caller) => submissions.answerInWriting(input, caller),
    'submissions/propose': async (input, caller) => submissions.propose(input, caller),
  };
}
