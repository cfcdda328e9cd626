import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { ExportedFile } from '#shared/api/export';
import { createTestClock, expectApiError, httpTransportUnderTest, type ApiFixture } from '../helpers/apiTransports';
import { agreementBody, clauseIds, joinSeat, type Seat } from '../negotiation/negotiationFixture';
import { docxBodyText, pdfText, saveArtifact } from './fileTools';

// dialogues/export over server mode's HTTP API: a dialogue run from its submissions to its signed
// minutes, its papers exported by whoever may read it, as it reads it; and documents/articles,
// which the interface links a submission to an article with.

const text = (file: ExportedFile): string => docxBodyText(Buffer.from(file.fileBase64, 'base64'));

describe('exporting a dialogue’s papers through the API', () => {
  let api: ApiFixture;
  let host: ApiClient;
  let union: Seat;
  let reviewer: Seat;
  let dialogueId: string;
  let documentId: string;

  beforeAll(async () => {
    api = await httpTransportUnderTest.start(createTestClock(Date.UTC(2027, 2, 15, 1, 0)));
    host = api.client(api.adminToken);
    const agreement = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể 2027', content: agreementBody() });
    documentId = agreement.id;
    union = await joinSeat(api, host, documentId, 'union', 'Anh Minh (Công đoàn cơ sở)');
    reviewer = await joinSeat(api, host, documentId, 'reviewer', 'Bà Hạnh (Sở Nội vụ)');
    const created = await host.call('dialogues/create', {
      kind: 'periodic',
      title: 'Đối thoại định kỳ quý I năm 2027',
      enterprise: { name: 'Công ty TNHH May Sông Hồng', headcount: 40 },
      meeting: { date: '2027-03-15', time: '14:00', place: 'Phòng họp số 1' },
      participants: [
        { name: 'Ông Tuấn', position: 'Giám đốc', side: 'employer', legalRepresentative: true },
        { name: 'Chị Lan', position: 'Trưởng phòng Nhân sự', side: 'employer' },
        { name: 'Anh Phúc', position: 'Quản đốc', side: 'employer' },
        { name: 'Anh Minh', position: 'Chủ tịch Công đoàn cơ sở', side: 'union' },
        { name: 'Chị Hoa', position: 'Tổ trưởng', side: 'union', female: true },
        { name: 'Anh Dũng', position: 'Công nhân', side: 'union' },
      ],
    });
    dialogueId = created.dialogue.id;
  });
  afterAll(() => api?.close());

  it('the minutes wait for the meeting; the invitation does not', async () => {
    const invitation = await host.call('dialogues/export', { dialogueId, paper: 'invitation', format: 'docx' });
    expect(invitation.fileName).toBe('Giấy mời và chương trình đối thoại - Đối thoại định kỳ quý I năm 2027.docx');
    expect(text(invitation)).toContain('GIẤY MỜI');
    const refused = await expectApiError(
      host.call('dialogues/export', { dialogueId, paper: 'minutes', format: 'docx' }),
      'conflict',
      /once the meeting is held/,
    );
    expect(refused.reason).toEqual({ key: 'dialogue_paper_not_yet' });
  });

  it('a held dialogue’s minutes and notice read back from DOCX and PDF, for the host, the worker side and a reviewer alike, without internal identifiers', async () => {
    const first = await host.call('submissions/add', { dialogueId, text: 'Đề nghị tăng phụ cấp nhà trọ.', topic: 'Nhà ở' });
    const second = await host.call('submissions/add', { dialogueId, text: 'Khi nào trả lương tháng 13?', topic: 'Tiền lương', submitterName: 'Chị Mai' });
    await host.call('dialogues/setAgenda', { dialogueId, items: [{ title: 'Nhà ở và tiền lương', submissionIds: [first.id, second.id] }] });
    await host.call('dialogues/sendAgenda', { dialogueId, on: '2027-03-05' });
    const view = await host.call('dialogues/get', { dialogueId });
    const present = view.dialogue.participants.filter((participant) => participant.name !== 'Anh Phúc').map((participant) => participant.id);
    await host.call('dialogues/recordAttendance', { dialogueId, presentIds: present, on: '2027-03-15' });
    await host.call('submissions/answerDirectly', { dialogueId, submissionId: first.id, text: 'Tăng lên 500.000 đồng từ tháng 4.', on: '2027-03-15' });
    await host.call('submissions/assignWritten', {
      dialogueId,
      submissionId: second.id,
      owner: { kind: 'department', name: 'Phòng Kế toán' },
      due: '2027-03-22',
    });
    await host.call('dialogues/signMinutes', { dialogueId, side: 'employer', signerName: 'Ông Tuấn', on: '2027-03-15' });
    await union.client.call('dialogues/signMinutes', { dialogueId, side: 'union', signerName: 'Anh Minh', on: '2027-03-16' });

    const internal = [dialogueId, first.id, second.id, ...view.dialogue.participants.map((participant) => participant.id), view.dialogue.workspaceId];
    for (const caller of [host, union.client, reviewer.client]) {
      const minutes = text(await caller.call('dialogues/export', { dialogueId, paper: 'minutes', format: 'docx' }));
      expect(minutes).toContain('BIÊN BẢN');
      expect(minutes).toContain('Hôm nay, 14 giờ 00, ngày 15 tháng 3 năm 2027, tại Phòng họp số 1');
      expect(minutes).toMatch(/Anh Phúc\nQuản đốc\nVắng mặt/);
      expect(minutes).toContain('Bên người lao động: có mặt 3 trên tổng số 3 thành viên đại diện.');
      expect(minutes).toMatch(/Đề nghị tăng phụ cấp nhà trọ\.\nTăng lên 500\.000 đồng từ tháng 4\./);
      expect(minutes).toMatch(/Khi nào trả lương tháng 13\?\nPhòng Kế toán\n22\/03\/2027\nChưa trả lời/);
      expect(minutes).toMatch(/Ông Tuấn\n+Anh Minh\n*$/);
      expect(internal.filter((id) => minutes.includes(id))).toEqual([]);
    }

    const pdf = await union.client.call('dialogues/export', { dialogueId, paper: 'minutes', format: 'pdf' });
    expect(pdf.mimeType).toBe('application/pdf');
    const printed = (await pdfText(saveArtifact('dialogue-minutes-api.pdf', Buffer.from(pdf.fileBase64, 'base64')))).replace(/\s+/g, ' ');
    expect(printed).toContain('Bên người lao động: có mặt 3 trên tổng số 3 thành viên đại diện.');
    expect(printed).toContain('Tăng lên 500.000 đồng từ tháng 4.');

    const notice = text(await reviewer.client.call('dialogues/export', { dialogueId, paper: 'answers', format: 'docx', language: 'en' }));
    expect(notice).toContain('NOTICE');
    expect(notice).toMatch(/Đề nghị tăng phụ cấp nhà trọ\.\nTăng lên 500\.000 đồng từ tháng 4\.\nIn the dialogue/);
    expect(notice).not.toContain('Khi nào trả lương tháng 13');
    expect(notice).not.toContain('Chị Mai');
  });

  it('documents/articles lists a document’s articles by number and title, for whoever sees the document', async () => {
    const articles = await union.client.call('documents/articles', { documentId });
    expect(articles.find((article) => article.clauseId === clauseIds.wage)).toMatchObject({ number: expect.any(Number), title: 'Tiền lương' });
    expect(articles.map((article) => article.number)).toEqual(articles.map((_, index) => index + 1));
    await expectApiError(api.client().call('documents/articles', { documentId }), 'unauthorized');
  });
});
