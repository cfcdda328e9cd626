/**
 * The checks of the dialogue records, with the provision each comes from: no periodic dialogue in
 * the 12 months before today (LC Art. 63(2)(a); Decree 145/2020/ND-CP Art. 37, 39), a composition
 * short of Art. 38, a quorum short of Art. 39 or a step late (agenda, publication, the reply to a
 * request: Art. 39–40), written answers past their due date. They feed the compliance check
 * (rules dialogue.*) and the reviewer's view.
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import { d145, lc } from '#shared/compliance/citations';
import { compositionOf, isWorkplaceDialogue, quorumOf } from '#shared/dialogue/composition';
import { dialogueDeadlines, type DialogueDeadline } from '#shared/dialogue/deadlines';
import { dialogueStateRank, type Dialogue } from '#shared/dialogue/model';
import { addMonths } from '#shared/lifecycle/dates';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';

export const dialogueRuleIds = ['dialogue.periodic', 'dialogue.composition', 'dialogue.procedure', 'dialogue.written_answers'] as const;
export type DialogueRuleId = (typeof dialogueRuleIds)[number];

export interface DialogueCheck {
  ruleId: DialogueRuleId;
  /** ok: as the law asks; problem: short of it; pending: short of it for now, with time left to put it right. */
  status: 'ok' | 'problem' | 'pending';
  citation: LegalCitation;
  message: Bilingual;
  /** The dialogue concerned; null for the workspace as a whole. */
  dialogueId: string | null;
}

/** What the checks read: the workspace's dialogues and, per dialogue, its written answers past their due date. */
export interface DialogueCheckInput {
  dialogues: readonly Dialogue[];
  writtenOverdue: ReadonlyMap<string, number>;
  today: IsoDate;
  /** Whether the workspace is an employer's (it must hold periodic dialogue); a federation's holding only conferences is not. */
  employerWorkspace: boolean;
}

const periodicCitation = lc(63, 2, 'a');

function heldFrom(dialogue: Dialogue): boolean {
  return dialogueStateRank(dialogue.state) >= dialogueStateRank('held');
}

function periodicCheck(dialogues: readonly Dialogue[], today: IsoDate): DialogueCheck {
  const base = { ruleId: 'dialogue.periodic' as const, citation: periodicCitation, dialogueId: null };
  // Without any record, nothing says whether the enterprise held its dialogue (it may keep it on paper).
  if (dialogues.length === 0)
    return {
      ...base,
      status: 'pending',
      message: {
        vi: 'Chưa ghi nhận cuộc đối thoại nào: đối thoại định kỳ (ít nhất mỗi năm một lần) được kiểm tra khi có hồ sơ.',
        en: 'No dialogue is recorded yet: the periodic dialogue (at least once a year) is checked once it is.',
      },
    };
  const held = dialogues
    .filter((dialogue) => dialogue.kind === 'periodic' && dialogue.heldOn !== null && dialogue.heldOn <= today)
    .map((dialogue) => dialogue.heldOn as IsoDate)
    .sort();
  const last = held.at(-1);
  if (last !== undefined && addMonths(last, 12) >= today) {
    return {
      ...base,
      status: 'ok',
      message: { vi: `Đã đối thoại định kỳ ngày ${formatIsoDate(last)}.`, en: `Periodic dialogue held on ${formatIsoDate(last)}.` },
    };
  }
  const since = last === undefined ? { vi: '', en: '' } : { vi: ` (lần gần nhất ngày ${formatIsoDate(last)})`, en: ` (the last on ${formatIsoDate(last)})` };
  return {
    ...base,
    status: 'problem',
    message: {
      vi: `Không có cuộc đối thoại định kỳ nào được ghi nhận trong 12 tháng trước ngày ${formatIsoDate(today)}${since.vi}: phải đối thoại ít nhất mỗi năm một lần.`,
      en: `No periodic dialogue recorded in the 12 months before ${formatIsoDate(today)}${since.en}: dialogue is held at least once a year.`,
    },
  };
}

function compositionCheck(dialogue: Dialogue): DialogueCheck {
  const composition = compositionOf(dialogue);
  const { shortfall, employer, worker } = composition;
  const parts: Bilingual[] = [];
  if (shortfall.employerCount)
    parts.push({ vi: `bên người sử dụng lao động có ${employer.count} người (ít nhất 3)`, en: `the employer side counts ${employer.count} (at least 3)` });
  if (shortfall.legalRepresentative)
    parts.push({ vi: 'bên người sử dụng lao động thiếu người đại diện theo pháp luật', en: 'the employer side lacks the legal representative' });
  if (shortfall.workerBand && worker.band) {
    const range =
      worker.band.max === null
        ? { vi: `ít nhất ${worker.band.min}`, en: `at least ${worker.band.min}` }
        : { vi: `${worker.band.min}–${worker.band.max}`, en: `${worker.band.min}–${worker.band.max}` };
    parts.push({
      vi: `bên người lao động có ${worker.count} người, doanh nghiệp ${dialogue.enterprise.headcount ?? 0} lao động cần ${range.vi}`,
      en: `the worker side counts ${worker.count}; ${dialogue.enterprise.headcount ?? 0} workers call for ${range.en}`,
    });
  }
  if (shortfall.female)
    parts.push({
      vi: 'có nội dung về lao động nữ nhưng bên người lao động không có lao động nữ',
      en: 'women workers’ issues are on the agenda and no woman sits on the worker side',
    });
  const base = { ruleId: 'dialogue.composition' as const, citation: d145(38), dialogueId: dialogue.id };
  if (parts.length === 0)
    return {
      ...base,
      status: 'ok',
      message: { vi: `Thành phần đối thoại “${dialogue.title}” đủ.`, en: `The composition of “${dialogue.title}” is complete.` },
    };
  return {
    ...base,
    status: heldFrom(dialogue) ? 'problem' : 'pending',
    message: {
      vi: `“${dialogue.title}”: ${parts.map((part) => part.vi).join('; ')}.`,
      en: `“${dialogue.title}”: ${parts.map((part) => part.en).join('; ')}.`,
    },
  };
}

const deadlineWords: Record<DialogueDeadline['id'], { vi: string; en: string }> = {
  request_reply: { vi: 'trả lời bằng văn bản yêu cầu đối thoại (5 ngày làm việc)', en: 'the written reply to the request (5 working days)' },
  agenda: { vi: 'gửi nội dung đối thoại (trước ít nhất 5 ngày làm việc)', en: 'sending the agenda (at least 5 working days before)' },
  publication: { vi: 'công bố nội dung chính (trong 3 ngày làm việc)', en: 'publishing the main content (within 3 working days)' },
};

function procedureChecks(dialogue: Dialogue, today: IsoDate): DialogueCheck[] {
  const base = { ruleId: 'dialogue.procedure' as const, dialogueId: dialogue.id };
  const checks: DialogueCheck[] = [];
  for (const deadline of dialogueDeadlines(dialogue, today)) {
    if (deadline.due === null) continue;
    const words = deadlineWords[deadline.id];
    const due = formatIsoDate(deadline.due);
    if (deadline.status === 'missed') {
      checks.push({
        ...base,
        citation: deadline.citation,
        status: 'problem',
        message: {
          vi: `“${dialogue.title}”: trễ hạn ${words.vi}, hạn cuối ngày ${due}.`,
          en: `“${dialogue.title}”: ${words.en} is late; the last day was ${due}.`,
        },
      });
    } else if (deadline.status === 'open') {
      checks.push({
        ...base,
        citation: deadline.citation,
        status: 'pending',
        message: { vi: `“${dialogue.title}”: hạn ${words.vi} là ngày ${due}.`, en: `“${dialogue.title}”: the last day for ${words.en} is ${due}.` },
      });
    }
  }
  if (heldFrom(dialogue)) {
    const quorum = quorumOf(dialogue.participants, dialogue.attendance);
    if (!quorum.met) {
      const head = quorum.employerHead
        ? { vi: '', en: '' }
        : {
            vi: 'vắng người đại diện theo pháp luật hoặc người được ủy quyền; ',
            en: 'neither the legal representative nor an authorised person was present; ',
          };
      checks.push({
        ...base,
        citation: d145(39),
        status: 'problem',
        message: {
          vi: `“${dialogue.title}”: ${head.vi}có mặt ${quorum.workersPresent}/${quorum.workersListed} thành viên đại diện người lao động (cần trên 70%).`,
          en: `“${dialogue.title}”: ${head.en}${quorum.workersPresent} of ${quorum.workersListed} worker representatives present (more than 70% needed).`,
        },
      });
    }
  }
  if (checks.length === 0)
    checks.push({
      ...base,
      citation: d145(39),
      status: 'ok',
      message: { vi: `“${dialogue.title}”: đúng trình tự và thời hạn.`, en: `“${dialogue.title}”: steps and deadlines kept.` },
    });
  return checks;
}

function writtenAnswersCheck(dialogue: Dialogue, overdue: number): DialogueCheck[] {
  if (overdue === 0) return [];
  return [
    {
      ruleId: 'dialogue.written_answers',
      status: 'problem',
      citation: d145(39),
      dialogueId: dialogue.id,
      message: {
        vi: `“${dialogue.title}”: ${overdue} câu hỏi chưa được trả lời bằng văn bản dù đã quá hạn.`,
        en: `“${dialogue.title}”: ${overdue} written answer${overdue === 1 ? '' : 's'} past the due date.`,
      },
    },
  ];
}

/** Every check of a workspace's dialogues: the workspace's periodic dialogue first, then each dialogue's. */
export function dialogueChecks(input: DialogueCheckInput): DialogueCheck[] {
  const checks: DialogueCheck[] = input.employerWorkspace ? [periodicCheck(input.dialogues, input.today)] : [];
  for (const dialogue of input.dialogues) {
    if (isWorkplaceDialogue(dialogue.kind) && dialogue.state !== 'requested')
      checks.push(compositionCheck(dialogue), ...procedureChecks(dialogue, input.today));
    else if (dialogue.request) checks.push(...procedureChecks(dialogue, input.today));
    checks.push(...writtenAnswersCheck(dialogue, input.writtenOverdue.get(dialogue.id) ?? 0));
  }
  return checks;
}
