import { d145, formatCitation, lc } from '#shared/compliance/citations';
import { quorumOf } from '#shared/dialogue/composition';
import type { Dialogue, DialogueKind, DialogueParticipant, Owner, SpecificMatter, Submission } from '#shared/dialogue/model';
import type { Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { fill, formatOfficialDate, type Bilingual } from '#shared/export/officialFrame';
import type { ContentBlock, RenderDocument } from '#shared/export/renderModel';
import { buildSectionedDocument } from '#shared/export/reportModel';
import { bodyParagraph, bulletItem, groundParagraph, numberedItem, numberedTable, reportTexts, signatureOf } from '#shared/export/reportBlocks';

/**
 * The papers of a workplace dialogue in the official layout (Decree 30/2020/ND-CP Appendix I, as
 * the agreements): the invitation with the agenda the employer sends the worker side beforehand
 * (Decree 145/2020/ND-CP Art. 39(1)), the minutes signed by both sides, and the notice of the
 * main content and the answers given, to publish to the workers (Art. 39(3)). Built from what the
 * API gives the caller; no internal identifier is written, a question goes by its number.
 */

export const dialoguePapers = ['invitation', 'minutes', 'answers'] as const;
export type DialoguePaper = (typeof dialoguePapers)[number];

const kindNames: Record<DialogueKind, Bilingual> = {
  periodic: { vi: 'Đối thoại định kỳ tại nơi làm việc', en: 'Periodic dialogue at the workplace' },
  on_request: { vi: 'Đối thoại tại nơi làm việc theo yêu cầu', en: 'Dialogue at the workplace on request' },
  specific_matter: { vi: 'Đối thoại tại nơi làm việc về {{matter}}', en: 'Dialogue at the workplace on {{matter}}' },
  worker_conference: { vi: 'Hội nghị người lao động', en: 'Worker conference' },
  provincial_conference: { vi: 'Hội nghị đối thoại', en: 'Dialogue conference' },
};

const matterNames: Record<SpecificMatter, Bilingual> = {
  performance_rating: { vi: 'tiêu chí đánh giá mức độ hoàn thành công việc', en: 'the criteria for rating work performance' },
  restructuring: { vi: 'phương án sử dụng lao động khi thay đổi cơ cấu, công nghệ', en: 'dismissals for restructuring' },
  labour_use_plan: { vi: 'phương án sử dụng lao động', en: 'the labour-use plan' },
  salary_scale: { vi: 'thang lương, bảng lương và định mức lao động', en: 'the salary scale and labour norms' },
  bonus_rules: { vi: 'quy chế thưởng', en: 'the bonus rules' },
  labour_regulations: { vi: 'nội quy lao động', en: 'the labour regulations' },
  suspension: { vi: 'việc tạm đình chỉ công việc', en: 'suspension from work' },
};

const texts = {
  invitationType: { vi: 'GIẤY MỜI', en: 'INVITATION' },
  invitationSummary: { vi: 'Tham dự {{kind}}', en: 'To the {{kind}}' },
  invitationFile: { vi: 'Giấy mời và chương trình đối thoại - {{title}}', en: 'Invitation and agenda - {{title}}' },
  invitationGround: {
    vi: 'Căn cứ {{citation}} về tổ chức đối thoại tại nơi làm việc;',
    en: 'Pursuant to {{citation}} on holding dialogue at the workplace;',
  },
  addressee: { vi: 'Kính gửi: Các thành viên tham gia đối thoại của hai bên.', en: 'To: the participants of both sides in the dialogue.' },
  invites: {
    vi: '{{organiser}} trân trọng kính mời tham dự {{kind}} “{{title}}”.',
    en: '{{organiser}} invites you to the {{kind}} “{{title}}”.',
  },
  time: { vi: 'Thời gian: {{time}}.', en: 'Time: {{time}}.' },
  place: { vi: 'Địa điểm: {{place}}.', en: 'Place: {{place}}.' },
  timeAt: { vi: '{{clock}}, {{date}}', en: '{{clock}} on {{date}}' },
  participants: { vi: 'Thành phần tham dự', en: 'Participants' },
  agenda: { vi: 'Chương trình và nội dung đối thoại', en: 'Agenda and content of the dialogue' },
  agendaQuestions: { vi: 'Ý kiến của người lao động được đưa vào nội dung này:', en: 'Workers’ submissions this item answers:' },
  agendaNumbers: { vi: 'Các ý kiến số: {{numbers}}.', en: 'Submissions no. {{numbers}}.' },
  womenIssue: { vi: '(nội dung liên quan đến lao động nữ)', en: '(concerns women workers)' },
  question: { vi: 'Ý kiến số {{number}}', en: 'Submission no. {{number}}' },
  askedBy: { vi: '{{count}} người cùng nêu', en: 'raised by {{count}}' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  position: { vi: 'Chức vụ, đơn vị', en: 'Position, unit' },
  attendance: { vi: 'Tham dự', en: 'Attendance' },
  present: { vi: 'Có mặt', en: 'Present' },
  absent: { vi: 'Vắng mặt', en: 'Absent' },
  legalRepresentative: { vi: 'người đại diện theo pháp luật', en: 'legal representative' },
  authorised: { vi: 'người được ủy quyền', en: 'authorised representative' },
  noticeClose: {
    vi: 'Nội dung đối thoại được gửi kèm giấy mời này, ít nhất 05 ngày làm việc trước ngày đối thoại ({{citation}}).',
    en: 'The content of the dialogue is sent with this invitation, at least 5 working days before the meeting ({{citation}}).',
  },
  minutesType: { vi: 'BIÊN BẢN', en: 'MINUTES' },
  minutesFile: { vi: 'Biên bản đối thoại - {{title}}', en: 'Dialogue minutes - {{title}}' },
  minutesGround: {
    vi: 'Căn cứ {{code}} và {{decree}} về đối thoại tại nơi làm việc;',
    en: 'Pursuant to {{code}} and {{decree}} on dialogue at the workplace;',
  },
  held: {
    vi: 'Hôm nay, {{time}}, tại {{place}}, {{organiser}} tổ chức {{kind}} “{{title}}”.',
    en: 'Today, {{time}}, at {{place}}, {{organiser}} held the {{kind}} “{{title}}”.',
  },
  quorum: { vi: 'Số lượng tham dự và điều kiện tiến hành', en: 'Attendance and quorum' },
  workersPresent: {
    vi: 'Bên người lao động: có mặt {{present}} trên tổng số {{listed}} thành viên đại diện.',
    en: 'Worker side: {{present}} of {{listed}} representatives present.',
  },
  employerHeadPresent: {
    vi: 'Bên người sử dụng lao động: người đại diện theo pháp luật hoặc người được ủy quyền có mặt.',
    en: 'Employer side: the legal representative or the person they authorised is present.',
  },
  employerHeadAbsent: {
    vi: 'Bên người sử dụng lao động: vắng người đại diện theo pháp luật và người được ủy quyền.',
    en: 'Employer side: neither the legal representative nor a person they authorised is present.',
  },
  quorumMet: {
    vi: 'Cuộc đối thoại đủ điều kiện tiến hành: có người đại diện theo pháp luật (hoặc người được ủy quyền) và trên 70% số thành viên đại diện bên người lao động ({{citation}}).',
    en: 'The dialogue may proceed: the legal representative (or the person they authorised) and more than 70% of the worker representatives are present ({{citation}}).',
  },
  quorumShort: {
    vi: 'Cuộc đối thoại chưa đủ điều kiện tiến hành theo {{citation}}: cần người đại diện theo pháp luật (hoặc người được ủy quyền) và trên 70% số thành viên đại diện bên người lao động.',
    en: 'The dialogue lacks its quorum under {{citation}}: the legal representative (or the person they authorised) and more than 70% of the worker representatives must be present.',
  },
  conferencePresent: { vi: 'Có mặt {{present}} trên tổng số {{listed}} đại biểu.', en: '{{present}} of {{listed}} delegates present.' },
  direct: { vi: 'Các ý kiến được trả lời trực tiếp tại đối thoại', en: 'Questions answered directly in the dialogue' },
  written: { vi: 'Các ý kiến được trả lời bằng văn bản', en: 'Questions to be answered in writing' },
  commitments: { vi: 'Các nội dung cam kết và tiến độ thực hiện', en: 'Commitments and their follow-up' },
  questionHeader: { vi: 'Ý kiến của người lao động', en: 'Question or proposal' },
  answerHeader: { vi: 'Nội dung trả lời', en: 'Answer' },
  ownerHeader: { vi: 'Người, đơn vị trả lời', en: 'Answered by' },
  dueHeader: { vi: 'Thời hạn', en: 'Due' },
  commitmentHeader: { vi: 'Nội dung cam kết', en: 'Commitment' },
  ownerOfCommitment: { vi: 'Người, đơn vị thực hiện', en: 'Owner' },
  statusHeader: { vi: 'Kết quả', en: 'Status' },
  notAnswered: { vi: 'Chưa trả lời', en: 'Not answered yet' },
  answeredOn: { vi: '{{answer}} (trả lời ngày {{date}})', en: '{{answer}} (answered on {{date}})' },
  doneOn: { vi: 'Đã thực hiện ngày {{date}}', en: 'Done on {{date}}' },
  pending: { vi: 'Đang thực hiện', en: 'In progress' },
  noDue: { vi: 'Không ấn định', en: 'None set' },
  stillOpen: {
    vi: 'Số ý kiến chưa được trả lời tại thời điểm lập biên bản: {{count}}.',
    en: 'Questions not yet answered when these minutes were drawn up: {{count}}.',
  },
  signing: {
    vi: 'Biên bản được lập thành các bản có giá trị như nhau, có chữ ký của đại diện hai bên; nội dung chính được phổ biến đến người lao động trong thời hạn 03 ngày làm việc ({{citation}}).',
    en: 'These minutes are drawn up in copies of equal value and signed by the representatives of both sides; their main content is made known to the workers within 3 working days ({{citation}}).',
  },
  signedOn: { vi: '{{side}}: {{name}} đã ký ngày {{date}}.', en: '{{side}}: signed by {{name}} on {{date}}.' },
  answersType: { vi: 'THÔNG BÁO', en: 'NOTICE' },
  answersSummary: {
    vi: 'Nội dung chính của cuộc đối thoại và trả lời ý kiến của người lao động',
    en: 'The main content of the dialogue and the answers to the workers’ questions',
  },
  answersFile: { vi: 'Thông báo kết quả đối thoại - {{title}}', en: 'Dialogue results notice - {{title}}' },
  answersOpening: {
    vi: 'Vào {{date}}, {{organiser}} đã tổ chức {{kind}} “{{title}}”. {{organiser}} thông báo đến người lao động nội dung chính và các ý kiến đã được trả lời như sau.',
    en: 'On {{date}}, {{organiser}} held the {{kind}} “{{title}}”. {{organiser}} informs the workers of its main content and of the answers given, as follows.',
  },
  mainContent: { vi: 'Nội dung chính', en: 'Main content' },
  answers: { vi: 'Trả lời ý kiến của người lao động', en: 'Answers to the workers’ questions' },
  howAnswered: { vi: 'Hình thức', en: 'How' },
  answeredDirectly: { vi: 'Trả lời tại đối thoại', en: 'In the dialogue' },
  answeredInWriting: { vi: 'Trả lời bằng văn bản', en: 'In writing' },
  notYetPublished: { vi: '(Nội dung chính chưa được ghi nhận.)', en: '(The main content has not been recorded yet.)' },
  employerSigns: { vi: 'ĐẠI DIỆN BÊN\nNGƯỜI SỬ DỤNG\nLAO ĐỘNG', en: 'FOR THE\nEMPLOYER SIDE' },
  workerSigns: { vi: 'ĐẠI DIỆN BÊN\nNGƯỜI LAO ĐỘNG', en: 'FOR THE\nWORKER SIDE' },
  organiserSigns: { vi: 'ĐẠI DIỆN\nĐƠN VỊ TỔ CHỨC', en: 'FOR THE\nORGANISER' },
} satisfies Record<string, Bilingual>;

/** What a paper is made of: the dialogue as the caller reads it, and every submission not merged into another. */
export interface DialoguePaperSource {
  dialogue: Dialogue;
  submissions: readonly Submission[];
  language: Language;
}

type Say = (text: Bilingual, values?: Record<string, string>) => string;

function sayer(language: Language): Say {
  return (text, values = {}) => fill(text[language], values);
}

/** "Hội nghị người lao động", "đối thoại tại nơi làm việc về quy chế thưởng": the kind inside a sentence or as a summary. */
export function dialogueKindName(dialogue: Pick<Dialogue, 'kind' | 'matter'>, language: Language): string {
  const matter = dialogue.matter === null ? '' : matterNames[dialogue.matter][language];
  return fill(kindNames[dialogue.kind][language], { matter });
}

function lowerFirst(text: string, language: Language): string {
  return `${text.charAt(0).toLocaleLowerCase(language === 'vi' ? 'vi-VN' : 'en-GB')}${text.slice(1)}`;
}

/** The meeting's moment: "08 giờ 00, ngày 15 tháng 3 năm 2027" (Vietnam's time, as the record holds it), blanks where unknown. */
function meetingMoment(dialogue: Dialogue, language: Language, say: Say): string {
  const date = formatOfficialDate(dialogue.heldOn ?? dialogue.meeting.date, language);
  const time = dialogue.meeting.time;
  if (time === null) return date;
  return say(texts.timeAt, { clock: language === 'vi' ? time.replace(':', ' giờ ') : time, date });
}

function placeOf(dialogue: Dialogue): string {
  return dialogue.meeting.place.trim() === '' ? '…………' : dialogue.meeting.place;
}

function ownerName(owner: Owner | null, language: Language): string {
  return owner === null ? reportTexts.none[language] : owner.name;
}

function dueText(due: string | null, say: Say): string {
  return due === null ? say(texts.noDue) : formatIsoDate(due);
}

/** A question as the papers write it: its number, how many asked it, its words. */
function questionText(submission: Submission, say: Say): string {
  const count = submission.count > 1 ? `, ${say(texts.askedBy, { count: String(submission.count) })}` : '';
  const topic = submission.topic === null ? '' : ` [${submission.topic}]`;
  return `${say(texts.question, { number: String(submission.number) })}${count}${topic}: ${submission.text}`;
}

function participantDescription(participant: DialogueParticipant, say: Say): string {
  const roles = [participant.legalRepresentative ? say(texts.legalRepresentative) : '', participant.authorised ? say(texts.authorised) : ''].filter(
    (role) => role !== '',
  );
  return [participant.position, participant.unit, ...roles].filter((part) => part.trim() !== '').join(', ');
}

function sideTable(
  participants: readonly DialogueParticipant[],
  side: DialogueParticipant['side'],
  language: Language,
  say: Say,
  attendance: ReadonlySet<string> | null,
): ContentBlock[] {
  const members = participants.filter((participant) => participant.side === side);
  const lead = `${say(side === 'employer' ? reportTexts.employerSide : reportTexts.workerSide)}:`;
  const header = [say(texts.name), say(texts.position), ...(attendance ? [say(texts.attendance)] : [])];
  const rows = members.map((participant) => [
    participant.name,
    participantDescription(participant, say),
    ...(attendance ? [say(attendance.has(participant.id) ? texts.present : texts.absent)] : []),
  ]);
  return [bodyParagraph('', lead), numberedTable(language, header, rows, attendance ? [8, 34, 40, 18] : [8, 40, 52])];
}

function participantsSection(
  dialogue: Dialogue,
  language: Language,
  say: Say,
  attendance: ReadonlySet<string> | null,
): { title: string; blocks: ContentBlock[] } {
  return {
    title: say(texts.participants),
    blocks: [
      ...sideTable(dialogue.participants, 'employer', language, say, attendance),
      ...sideTable(dialogue.participants, 'union', language, say, attendance),
    ],
  };
}

/**
 * The agenda, each item with the submissions it answers: their words on the invitation (the other
 * side reads them there first), their numbers alone in the minutes, whose tables give the words
 * with the answers.
 */
function agendaBlocks(
  dialogue: Dialogue,
  submissionsById: ReadonlyMap<string, Submission>,
  questions: 'words' | 'numbers',
  language: Language,
  say: Say,
): ContentBlock[] {
  if (dialogue.agenda.length === 0) return [bodyParagraph(reportTexts.none[language])];
  return dialogue.agenda.flatMap((item, index) => {
    const answered = item.submissionIds.flatMap((id) => submissionsById.get(id) ?? []);
    const heading = numberedItem(index + 1, item.title, item.womenIssue ? say(texts.womenIssue) : '');
    if (answered.length === 0) return [heading];
    if (questions === 'numbers')
      return [heading, bodyParagraph(say(texts.agendaNumbers, { numbers: answered.map((submission) => String(submission.number)).join(', ') }))];
    return [heading, bodyParagraph(say(texts.agendaQuestions)), ...answered.map((submission) => bulletItem(questionText(submission, say)))];
  });
}

function legalRepresentativeName(dialogue: Dialogue): string | null {
  return dialogue.participants.find((participant) => participant.side === 'employer' && participant.legalRepresentative)?.name ?? null;
}

/** The invitation and the agenda the employer sends the worker side (Decree 145 Art. 39(1)). */
export function buildInvitationPaper({ dialogue, submissions, language }: DialoguePaperSource): RenderDocument {
  const say = sayer(language);
  const kind = dialogueKindName(dialogue, language);
  const byId = new Map(submissions.map((submission) => [submission.id, submission]));
  return buildSectionedDocument({
    language,
    title: say(texts.invitationFile, { title: dialogue.title }),
    organisations: [{ name: dialogue.enterprise.name, isIssuer: true }],
    typeName: texts.invitationType,
    summary: say(texts.invitationSummary, { kind: lowerFirst(kind, language) }),
    place: null,
    date: dialogue.agendaSentOn,
    opening: [
      groundParagraph(say(texts.invitationGround, { citation: formatCitation(d145(39), language) })),
      bodyParagraph(say(texts.addressee)),
      bodyParagraph(say(texts.invites, { organiser: dialogue.enterprise.name, kind: lowerFirst(kind, language), title: dialogue.title })),
      bodyParagraph(say(texts.time, { time: meetingMoment(dialogue, language, say) })),
      bodyParagraph(say(texts.place, { place: placeOf(dialogue) })),
    ],
    sections: [
      participantsSection(dialogue, language, say, null),
      {
        title: say(texts.agenda),
        blocks: [
          ...agendaBlocks(dialogue, byId, 'words', language, say),
          bodyParagraph(say(texts.noticeClose, { citation: formatCitation(d145(39, 1), language) })),
        ],
      },
    ],
    signatures: [signatureOf(texts.employerSigns, legalRepresentativeName(dialogue), language)],
  });
}

function quorumBlocks(dialogue: Dialogue, language: Language, say: Say): ContentBlock[] {
  const quorum = quorumOf(dialogue.participants, dialogue.attendance);
  if (dialogue.kind === 'provincial_conference') {
    const present = dialogue.participants.filter((participant) => dialogue.attendance.includes(participant.id)).length;
    return [bodyParagraph(say(texts.conferencePresent, { present: String(present), listed: String(dialogue.participants.length) }))];
  }
  const citation = formatCitation(d145(39, 2), language);
  return [
    bulletItem(say(quorum.employerHead ? texts.employerHeadPresent : texts.employerHeadAbsent)),
    bulletItem(say(texts.workersPresent, { present: String(quorum.workersPresent), listed: String(quorum.workersListed) })),
    bodyParagraph(say(quorum.met ? texts.quorumMet : texts.quorumShort, { citation })),
  ];
}

function directTable(answered: readonly Submission[], language: Language, say: Say): ContentBlock {
  return numberedTable(
    language,
    [say(texts.questionHeader), say(texts.answerHeader)],
    answered.map((submission) => [questionText(submission, say), submission.answer ?? '']),
    [8, 46, 46],
  );
}

function writtenTable(written: readonly Submission[], language: Language, say: Say): ContentBlock {
  return numberedTable(
    language,
    [say(texts.questionHeader), say(texts.ownerHeader), say(texts.dueHeader), say(texts.answerHeader)],
    written.map((submission) => [
      questionText(submission, say),
      ownerName(submission.owner, language),
      dueText(submission.due, say),
      submission.answer === null
        ? say(texts.notAnswered)
        : submission.answeredOn === null
          ? submission.answer
          : say(texts.answeredOn, { answer: submission.answer, date: formatIsoDate(submission.answeredOn) }),
    ]),
    [6, 38, 18, 12, 26],
  );
}

function commitmentsTable(dialogue: Dialogue, language: Language, say: Say): ContentBlock {
  return numberedTable(
    language,
    [say(texts.commitmentHeader), say(texts.ownerOfCommitment), say(texts.dueHeader), say(texts.statusHeader)],
    dialogue.commitments.map((commitment) => [
      commitment.text,
      ownerName(commitment.owner, language),
      dueText(commitment.due, say),
      commitment.doneOn === null ? say(texts.pending) : say(texts.doneOn, { date: formatIsoDate(commitment.doneOn) }),
    ]),
    [6, 44, 20, 12, 18],
  );
}

const directlyAnswered = (submissions: readonly Submission[]): Submission[] => submissions.filter((submission) => submission.status === 'answered');
const inWriting = (submissions: readonly Submission[]): Submission[] =>
  submissions.filter((submission) => submission.status === 'written' || submission.status === 'answered_in_writing');

/** The minutes (biên bản đối thoại): time, place, participants by side with attendance, quorum, answers, commitments, both sides' signatures. */
export function buildDialogueMinutesPaper({ dialogue, submissions, language }: DialoguePaperSource): RenderDocument {
  const say = sayer(language);
  const kind = dialogueKindName(dialogue, language);
  const attendance = new Set(dialogue.attendance);
  const open = submissions.filter((submission) => submission.status === 'open').length;
  const signedOn = (['employer', 'union'] as const).flatMap((side) => {
    const signed = dialogue.signatures[side];
    return signed === null
      ? []
      : [
          bodyParagraph(
            say(texts.signedOn, {
              side: say(side === 'employer' ? reportTexts.employerSide : reportTexts.workerSide),
              name: signed.name,
              date: formatIsoDate(signed.on),
            }),
          ),
        ];
  });
  return buildSectionedDocument({
    language,
    title: say(texts.minutesFile, { title: dialogue.title }),
    organisations: [{ name: dialogue.enterprise.name, isIssuer: true }],
    typeName: texts.minutesType,
    summary: kind,
    place: null,
    date: dialogue.heldOn ?? dialogue.meeting.date,
    opening: [
      groundParagraph(say(texts.minutesGround, { code: formatCitation(lc(63), language), decree: formatCitation(d145(39), language) })),
      bodyParagraph(
        say(texts.held, {
          time: meetingMoment(dialogue, language, say),
          place: placeOf(dialogue),
          organiser: dialogue.enterprise.name,
          kind: lowerFirst(kind, language),
          title: dialogue.title,
        }),
      ),
    ],
    sections: [
      participantsSection(dialogue, language, say, attendance),
      { title: say(texts.quorum), blocks: quorumBlocks(dialogue, language, say) },
      {
        title: say(texts.agenda),
        blocks: agendaBlocks(dialogue, new Map(submissions.map((submission) => [submission.id, submission])), 'numbers', language, say),
      },
      { title: say(texts.direct), blocks: [directTable(directlyAnswered(submissions), language, say)] },
      { title: say(texts.written), blocks: [writtenTable(inWriting(submissions), language, say)] },
      {
        title: say(texts.commitments),
        blocks: [
          commitmentsTable(dialogue, language, say),
          bodyParagraph(say(texts.stillOpen, { count: String(open) })),
          bodyParagraph(say(texts.signing, { citation: formatCitation(d145(39, 3), language) })),
          ...signedOn,
        ],
      },
    ],
    signatures: [
      signatureOf(texts.employerSigns, dialogue.signatures.employer?.name ?? legalRepresentativeName(dialogue), language),
      signatureOf(texts.workerSigns, dialogue.signatures.union?.name ?? null, language),
    ],
  });
}

/** The notice to publish: the main content and every answer given, without who asked (Decree 145 Art. 39(3)). */
export function buildAnswersPaper({ dialogue, submissions, language }: DialoguePaperSource): RenderDocument {
  const say = sayer(language);
  const kind = dialogueKindName(dialogue, language);
  const answered = submissions.filter((submission) => submission.answer !== null);
  const summary =
    dialogue.summary.trim() === '' ? [bodyParagraph(say(texts.notYetPublished))] : dialogue.summary.split(/\n+/).map((line) => bodyParagraph(line));
  return buildSectionedDocument({
    language,
    title: say(texts.answersFile, { title: dialogue.title }),
    organisations: [{ name: dialogue.enterprise.name, isIssuer: true }],
    typeName: texts.answersType,
    summary: say(texts.answersSummary),
    place: null,
    date: dialogue.publishedOn,
    opening: [
      bodyParagraph(
        say(texts.answersOpening, {
          date: formatOfficialDate(dialogue.heldOn, language),
          organiser: dialogue.enterprise.name,
          kind: lowerFirst(kind, language),
          title: dialogue.title,
        }),
      ),
    ],
    sections: [
      { title: say(texts.mainContent), blocks: summary },
      {
        title: say(texts.answers),
        blocks: [
          numberedTable(
            language,
            [say(texts.questionHeader), say(texts.answerHeader), say(texts.howAnswered)],
            answered.map((submission) => [
              questionText(submission, say),
              submission.answer ?? '',
              say(submission.status === 'answered' ? texts.answeredDirectly : texts.answeredInWriting),
            ]),
            [7, 40, 38, 15],
          ),
        ],
      },
      { title: say(texts.commitments), blocks: [commitmentsTable(dialogue, language, say)] },
    ],
    signatures: [signatureOf(texts.organiserSigns, legalRepresentativeName(dialogue), language)],
  });
}

const builders: Record<DialoguePaper, (source: DialoguePaperSource) => RenderDocument> = {
  invitation: buildInvitationPaper,
  minutes: buildDialogueMinutesPaper,
  answers: buildAnswersPaper,
};

/** One paper of a dialogue as the render model. */
export function buildDialoguePaper(paper: DialoguePaper, source: DialoguePaperSource): RenderDocument {
  return builders[paper](source);
}
