import { afterAll, describe, expect, it } from 'vitest';
import type { Dialogue, Submission } from '#shared/dialogue/model';
import { buildDialoguePaper, type DialoguePaper } from '#shared/export/dialoguePapersModel';
import { renderHtml } from '#shared/export/html';
import type { Language } from '#shared/format/locale';
import { renderDocx } from '#main/export/docx';
import { createChromiumPrinter } from '#main/export/pdf';
import { docxBodyText, pdfText, saveArtifact } from './fileTools';

// The papers of a workplace dialogue (Decree 145/2020/ND-CP Art. 39) read back from the .docx and
// from a PDF printed by Chromium: what a person reads on them, and no internal identifier.

const internalIds = [
  'dlg-7f3a9c',
  'ws-51e0',
  'p-emp-1',
  'p-emp-2',
  'p-emp-3',
  'p-uni-1',
  'p-uni-2',
  'p-uni-3',
  'p-uni-4',
  'sub-a1',
  'sub-b2',
  'sub-c3',
  'sub-d4',
  'cm-x9',
];

function person(id: string, name: string, side: 'employer' | 'union', extra: Partial<Dialogue['participants'][number]> = {}): Dialogue['participants'][number] {
  return { id, name, position: '', side, legalRepresentative: false, authorised: false, female: false, unit: '', ...extra };
}

const dialogue: Dialogue = {
  id: 'dlg-7f3a9c',
  workspaceId: 'ws-51e0',
  kind: 'periodic',
  matter: null,
  title: 'Đối thoại định kỳ năm 2027',
  enterprise: { name: 'Công ty TNHH May Sài Gòn', headcount: 120, restDays: 'sunday' },
  meeting: { date: '2027-03-15', time: '08:30', place: 'Hội trường tầng 2' },
  participants: [
    person('p-emp-1', 'Trần Văn Hùng', 'employer', { position: 'Giám đốc', legalRepresentative: true }),
    person('p-emp-2', 'Lê Thị Lan', 'employer', { position: 'Trưởng phòng Nhân sự' }),
    person('p-emp-3', 'Phạm Minh Quân', 'employer', { position: 'Kế toán trưởng' }),
    person('p-uni-1', 'Nguyễn Văn Minh', 'union', { position: 'Chủ tịch Công đoàn cơ sở' }),
    person('p-uni-2', 'Võ Thị Hoa', 'union', { female: true, unit: 'Xưởng may 1' }),
    person('p-uni-3', 'Đặng Văn Tài', 'union', { unit: 'Xưởng cắt' }),
    person('p-uni-4', 'Bùi Thị Mai', 'union', { female: true, unit: 'Kho' }),
  ],
  agenda: [{ id: 'ag-1', title: 'Tiền lương làm thêm giờ và bữa ăn giữa ca', submissionIds: ['sub-a1', 'sub-b2'], womenIssue: false }],
  state: 'published',
  request: null,
  agendaSentOn: '2027-03-05',
  heldOn: '2027-03-15',
  attendance: ['p-emp-1', 'p-emp-2', 'p-uni-1', 'p-uni-2', 'p-uni-3'],
  signatures: { employer: { name: 'Trần Văn Hùng', on: '2027-03-15' }, union: { name: 'Nguyễn Văn Minh', on: '2027-03-16' } },
  minutesSignedOn: '2027-03-16',
  publishedOn: '2027-03-17',
  summary: 'Hai bên thống nhất tăng tiền ăn giữa ca từ tháng 4.\nCông ty rà soát cách tính làm thêm giờ.',
  commitments: [
    {
      id: 'cm-x9',
      text: 'Tăng tiền ăn giữa ca lên 35.000 đồng',
      owner: { kind: 'department', name: 'Phòng Hành chính' },
      due: '2027-04-01',
      doneOn: null,
      submissionId: 'sub-a1',
    },
  ],
  completedOn: null,
  submissionsOpen: false,
  createdAt: '2027-02-20T02:00:00.000Z',
  updatedAt: '2027-03-17T02:00:00.000Z',
};

function submission(id: string, number: number, text: string, extra: Partial<Submission>): Submission {
  return {
    id,
    dialogueId: dialogue.id,
    number,
    text,
    submitterName: null,
    unit: '',
    source: 'link',
    topic: null,
    article: null,
    status: 'open',
    mergedInto: null,
    mergedWordings: [],
    count: 1,
    answer: null,
    answeredOn: null,
    owner: null,
    due: null,
    proposal: null,
    createdAt: '2027-03-01T03:00:00.000Z',
    ...extra,
  };
}

const submissions: Submission[] = [
  submission('sub-a1', 1, 'Đề nghị tăng tiền ăn giữa ca.', {
    submitterName: 'Hoàng Thị Thu',
    topic: 'Bữa ăn',
    status: 'answered',
    count: 3,
    answer: 'Công ty đồng ý tăng lên 35.000 đồng từ tháng 4.',
    answeredOn: '2027-03-15',
  }),
  submission('sub-b2', 2, 'Làm thêm giờ ngày nghỉ được tính thế nào?', {
    topic: 'Làm thêm giờ',
    status: 'answered_in_writing',
    owner: { kind: 'department', name: 'Phòng Nhân sự' },
    due: '2027-03-22',
    answer: 'Ít nhất 200% tiền lương giờ thực trả.',
    answeredOn: '2027-03-20',
  }),
  submission('sub-c3', 3, 'Xin bố trí thêm quạt ở xưởng cắt.', { status: 'written', owner: { kind: 'person', name: 'Phạm Minh Quân' }, due: '2027-03-29' }),
  submission('sub-d4', 4, 'Câu hỏi chưa được trả lời về xe đưa đón.', { submitterName: 'Lý Văn Nam' }),
];

const printer = createChromiumPrinter();
afterAll(() => printer.close());

async function docxOf(paper: DialoguePaper, language: Language = 'vi'): Promise<string> {
  const bytes = await renderDocx(buildDialoguePaper(paper, { dialogue, submissions, language }));
  saveArtifact(`dialogue-${paper}-${language}.docx`, bytes);
  return docxBodyText(bytes);
}

async function pdfOf(paper: DialoguePaper): Promise<string> {
  const bytes = await printer.print(renderHtml(buildDialoguePaper(paper, { dialogue, submissions, language: 'vi' })));
  return (await pdfText(saveArtifact(`dialogue-${paper}.pdf`, bytes))).replace(/\s+/g, ' ');
}

function expectNoInternalId(text: string): void {
  expect(internalIds.filter((id) => text.includes(id))).toEqual([]);
}

describe('the papers of a workplace dialogue', () => {
  it('the minutes (BIÊN BẢN) give the time, place, participants by side with attendance, the quorum, direct and written answers, commitments and both signatures', async () => {
    const text = await docxOf('minutes');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Đối thoại định kỳ tại nơi làm việc');
    expect(text).toContain('Hôm nay, 08 giờ 30, ngày 15 tháng 3 năm 2027, tại Hội trường tầng 2, Công ty TNHH May Sài Gòn tổ chức đối thoại định kỳ');
    expect(text).toMatch(/Bên người sử dụng lao động:[\s\S]*Trần Văn Hùng[\s\S]*Giám đốc, người đại diện theo pháp luật[\s\S]*Có mặt/);
    expect(text).toMatch(/Phạm Minh Quân\nKế toán trưởng\nVắng mặt/);
    expect(text).toMatch(/Bên người lao động:[\s\S]*Bùi Thị Mai\nKho\nVắng mặt/);
    expect(text).toContain('Bên người lao động: có mặt 3 trên tổng số 4 thành viên đại diện.');
    expect(text).toContain('Cuộc đối thoại đủ điều kiện tiến hành');
    expect(text).toMatch(/1\.\s*Tiền lương làm thêm giờ và bữa ăn giữa ca\nCác ý kiến số: 1, 2\./);
    expect(text).toMatch(
      /CÁC Ý KIẾN ĐƯỢC TRẢ LỜI TRỰC TIẾP TẠI ĐỐI THOẠI[\s\S]*Ý kiến số 1, 3 người cùng nêu \[Bữa ăn\]: Đề nghị tăng tiền ăn giữa ca\.\nCông ty đồng ý tăng/,
    );
    expect(text).toMatch(
      /CÁC Ý KIẾN ĐƯỢC TRẢ LỜI BẰNG VĂN BẢN[\s\S]*Ý kiến số 2[\s\S]*Phòng Nhân sự\n22\/03\/2027\nÍt nhất 200% tiền lương giờ thực trả\. \(trả lời ngày 20\/03\/2027\)/,
    );
    expect(text).toMatch(/Ý kiến số 3: Xin bố trí thêm quạt ở xưởng cắt\.\nPhạm Minh Quân\n29\/03\/2027\nChưa trả lời/);
    expect(text).toMatch(/Tăng tiền ăn giữa ca lên 35\.000 đồng\nPhòng Hành chính\n01\/04\/2027\nĐang thực hiện/);
    expect(text).toContain('Số ý kiến chưa được trả lời tại thời điểm lập biên bản: 1.');
    expect(text).toContain('Bên người lao động: Nguyễn Văn Minh đã ký ngày 16/03/2027.');
    expect(text).toMatch(/ĐẠI DIỆN BÊNNGƯỜI SỬ DỤNGLAO ĐỘNG[\s\S]*ĐẠI DIỆN BÊNNGƯỜI LAO ĐỘNG[\s\S]*Trần Văn Hùng\n+Nguyễn Văn Minh\n*$/);
    // The minutes name nobody who asked a question.
    expect(text).not.toContain('Hoàng Thị Thu');
    expectNoInternalId(text);
  });

  it('the minutes printed as a PDF read the same', async () => {
    const text = await pdfOf('minutes');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Bên người lao động: có mặt 3 trên tổng số 4 thành viên đại diện.');
    expect(text).toContain('Công ty đồng ý tăng lên 35.000 đồng từ tháng 4.');
    expect(text).toContain('Phòng Hành chính 01/04/2027 Đang thực hiện');
    // Side by side: the titles on one line, the names on another (pdftotext reads the hints between them or not, as the page falls).
    expect(text).toContain('ĐẠI DIỆN BÊN NGƯỜI SỬ DỤNG LAO ĐỘNG ĐẠI DIỆN BÊN NGƯỜI LAO ĐỘNG');
    expect(text).toContain('Trần Văn Hùng Nguyễn Văn Minh');
    expectNoInternalId(text);
  });

  it('the invitation gives the meeting and the agenda with the submissions each item answers, signed for the employer', async () => {
    const text = await docxOf('invitation');
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('ngày 05 tháng 3 năm 2027');
    expect(text).toContain('Thời gian: 08 giờ 30, ngày 15 tháng 3 năm 2027.');
    expect(text).toContain('Địa điểm: Hội trường tầng 2.');
    expect(text).toMatch(/1\.\s*Tiền lương làm thêm giờ và bữa ăn giữa ca[\s\S]*Ý kiến số 1, 3 người cùng nêu \[Bữa ăn\][\s\S]*Ý kiến số 2/);
    expect(text).toMatch(/ĐẠI DIỆN BÊN[\s\S]*Trần Văn Hùng/);
    expectNoInternalId(text);
  });

  it('the notice to publish gives the main content and every answer without who asked, and the commitments', async () => {
    const text = await docxOf('answers');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain(
      'Vào ngày 15 tháng 3 năm 2027, Công ty TNHH May Sài Gòn đã tổ chức đối thoại định kỳ tại nơi làm việc “Đối thoại định kỳ năm 2027”.',
    );
    expect(text).toContain('Hai bên thống nhất tăng tiền ăn giữa ca từ tháng 4.\nCông ty rà soát cách tính làm thêm giờ.');
    expect(text).toMatch(/Đề nghị tăng tiền ăn giữa ca\.\nCông ty đồng ý tăng lên 35\.000 đồng từ tháng 4\.\nTrả lời tại đối thoại/);
    expect(text).toMatch(/Làm thêm giờ ngày nghỉ được tính thế nào\?\nÍt nhất 200% tiền lương giờ thực trả\.\nTrả lời bằng văn bản/);
    expect(text).not.toContain('Xin bố trí thêm quạt');
    expect(text).not.toContain('Hoàng Thị Thu');
    expect(text).toContain('Tăng tiền ăn giữa ca lên 35.000 đồng');
    expectNoInternalId(text);
  });

  it('in English, the minutes say the same in English', async () => {
    const text = await docxOf('minutes', 'en');
    expect(text).toContain('MINUTES');
    expect(text).toContain('Worker side: 3 of 4 representatives present.');
    expect(text).toContain('Today, 08:30 on 15 March 2027, at Hội trường tầng 2, Công ty TNHH May Sài Gòn held the periodic dialogue at the workplace');
    expect(text).toContain('Submission no. 2');
  });
});
