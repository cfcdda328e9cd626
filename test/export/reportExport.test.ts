import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { ExportedFile } from '#shared/api/export';
import { buildComplianceReportDocument } from '#shared/export/complianceReportModel';
import { buildMinutesDocument } from '#shared/export/minutesModel';
import { ruleTable } from '#shared/compliance/ruleTable';
import { builtInVariables } from '#shared/templates/builtInVariables';
import { partyNames } from '#shared/export/parties';
import type { RenderDocument } from '#shared/export/renderModel';
import type { TopLevelBlock } from '#shared/document/nodes';
import { article, chapter, paragraph } from '../editor/builders';
import { createTestClock, expectApiError, httpTransportUnderTest, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { agreementBody, clauseIds, joinSeat, proposedArticle } from '../negotiation/negotiationFixture';
import { goTo, take, toSigned, type Table } from '../lifecycle/lifecycleFixture';
import { partyFacts } from './agreementFixture';
import { pdfInfo, pdfText, renderPages, saveArtifact, zipPart } from './fileTools';

// The other official documents of an agreement, built from real data over server mode's API: the
// bargaining minutes (Labour Code Art. 70), the compliance report and the labour authority's
// decision with its findings; read back from DOCX and from a PDF printed by Chromium.

const overtimeId = 'dieu-lam-them-gio';
const internalNote = 'Ghi chú nội bộ: có thể nhượng bộ đến 8%';
const session = '2027-01-03T17:00:00.000Z';

/** A paper people read names a rule by its title and provision, never by its id (`pay.ot_weekday`). */
function expectNoRuleId(text: string): void {
  expect(ruleTable.map((rule) => rule.id).filter((id) => text.includes(id))).toEqual([]);
}

function body(): TopLevelBlock[] {
  return [
    ...agreementBody(),
    chapter(
      'chuong-thoi-gio',
      'THỜI GIỜ LÀM VIỆC',
      article(
        overtimeId,
        'Làm thêm giờ',
        paragraph(
          'Tiền lương làm thêm giờ vào ngày thường ít nhất bằng ',
          { type: 'variable', variableId: 'ot_rate_weekday', children: [{ text: '' }] },
          ' tiền lương giờ thực trả.',
        ),
      ),
    ),
  ];
}

const documentText = (file: ExportedFile): string =>
  zipPart(Buffer.from(file.fileBase64, 'base64'), 'word/document.xml')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');

const headings = (model: RenderDocument): string[] =>
  model.blocks.flatMap((block) => (block.type === 'heading' ? [`${block.label ?? ''} ${block.title.map((run) => run.text).join('')}`] : []));

describe('exporting the minutes, the compliance report and the decision', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;
  let table: Table;
  let decisionRefusal: unknown;

  beforeAll(async () => {
    clock = createTestClock();
    api = await httpTransportUnderTest.start(clock);
    admin = api.client(api.adminToken);
    const document = await admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027',
      content: body(),
      variables: { ...partyFacts, ot_rate_weekday: 140, region: 'I' },
    });
    table = {
      documentId: document.id,
      admin,
      employer: await joinSeat(api, admin, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)'),
      union: await joinSeat(api, admin, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)'),
      reviewer: await joinSeat(api, admin, document.id, 'reviewer', 'Bà Hạnh (Sở Nội vụ)'),
    };
    const { documentId, employer, union, reviewer } = table;
    // A session on 4 January 2027: one article agreed, one disputed, one proposal accepted, and a
    // note the union keeps to itself.
    const proposal = await employer.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.scope,
      kind: 'replace',
      rationale: 'Ghi rõ người thử việc',
      article: proposedArticle('Phạm vi áp dụng', 'Kể cả người lao động thử việc.'),
    });
    await union.client.call('proposals/accept', { documentId, proposalId: proposal.id });
    await employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await union.client.call('articles/dispute', { documentId, clauseId: clauseIds.bonus, position: 'Ít nhất một tháng lương' });
    await union.client.call('threads/create', { documentId, clauseId: clauseIds.bonus, body: internalNote, internal: true });
    // The bonus is still disputed when the union puts the draft to the vote, with its written reason (Art. 71).
    await toSigned(clock, table, undefined, { except: [clauseIds.bonus], override: 'Người lao động quyết định về thưởng Tết' });
    goTo(clock, '2027-02-01');
    await take(employer.client, documentId, { type: 'send_to_authority', sentOn: '2027-02-01', authority: 'Sở Nội vụ TP. Hồ Chí Minh' });
    decisionRefusal = await reviewer.client.call('documents/exportReport', { documentId, report: 'decision', format: 'docx' }).catch((error: unknown) => error);
    await reviewer.client.call('review/addFinding', {
      documentId,
      clauseId: overtimeId,
      ruleId: 'pay.ot_weekday',
      body: 'Mức 140% thấp hơn mức tối thiểu 150%.',
    });
    await reviewer.client.call('review/decide', {
      documentId,
      decision: 'amendments_requested',
      reasons: ['Sửa Điều 5 cho đúng điểm a khoản 1 Điều 98 Bộ luật Lao động.'],
    });
  }, 60_000);

  afterAll(async () => {
    const unexpected = api.unexpectedErrors();
    await api.close();
    expect(unexpected).toEqual([]);
  });

  it('builds the minutes from the session: both parties, the law, the sections and three signatures', async () => {
    const minutes = await table.reviewer.client.call('negotiation/minutes', { documentId: table.documentId, since: session });
    const model = buildMinutesDocument({
      minutes,
      kind: 'enterprise_agreement',
      parties: partyNames(partyFacts),
      language: 'vi',
      lookupVariable: (id) => builtInVariables().find((variable) => variable.id === id),
    });
    expect(model.organisations.map((line) => line.text)).toEqual(['CÔNG TY TNHH MAY SÀI GÒN', 'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY SÀI GÒN']);
    expect(model.typeName.text).toBe('BIÊN BẢN');
    expect(model.placeAndDate).toBe('TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2027');
    expect(headings(model)).toEqual([
      'I. THÀNH PHẦN THAM DỰ',
      'II. CÁC NỘI DUNG ĐÃ THỐNG NHẤT',
      'III. CÁC NỘI DUNG CÒN Ý KIẾN KHÁC NHAU',
      'IV. CÁC ĐỀ XUẤT ĐƯỢC CHẤP NHẬN TRONG PHIÊN',
      'V. DIỄN BIẾN THƯƠNG LƯỢNG TỪNG ĐIỀU',
      'VI. KẾT LUẬN',
    ]);
    expect(model.signatures.map((signature) => [signature.titleLines[0]?.text, signature.name])).toEqual([
      ['ĐẠI DIỆN BÊN\nNGƯỜI SỬ DỤNG\nLAO ĐỘNG', 'Nguyễn Văn An'],
      ['ĐẠI DIỆN BÊN\nNGƯỜI LAO ĐỘNG', 'Trần Thị Bình'],
      ['NGƯỜI GHI\nBIÊN BẢN', ''],
    ]);
    const text = JSON.stringify(model.blocks);
    expect(text).toContain('Căn cứ Điều 70 Bộ luật Lao động 2019');
    expect(text).toContain('Điều 3 (Tiền lương)');
    expect(text).toContain('Ít nhất một tháng lương');
    expect(text).toContain(
      'khi còn điều chưa thống nhất — Điều 4 (Thưởng Tết) — với lý do: Người lao động quyết định về thưởng Tết (người ghi nhận: Anh Minh (Công đoàn cơ sở))',
    );
    expect(text).toContain('từ 00 giờ 00, ngày 04 tháng 01 năm 2027');
  });

  it('exports the minutes to DOCX with the frame, the sections and the signers, and no internal note', async () => {
    const file = await table.union.client.call('documents/exportReport', { documentId: table.documentId, report: 'minutes', format: 'docx', since: session });
    expect(file.fileName).toBe('Biên bản thương lượng tập thể - Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027.docx');
    saveArtifact('minutes.docx', Buffer.from(file.fileBase64, 'base64'));
    const text = documentText(file);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN',
      'THÀNH PHẦN THAM DỰ',
      'CÁC NỘI DUNG ĐÃ THỐNG NHẤT',
      'Chị Lan (Phòng Nhân sự)',
      'Anh Minh (Công đoàn cơ sở)',
      'Điều 4 (Thưởng Tết)',
      'Ghi rõ người thử việc',
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(internalNote);
  });

  it('exports the compliance report with each finding’s rule, severity, article and provision, signed by the reviewer', async () => {
    const report = await table.reviewer.client.call('compliance/report', { documentId: table.documentId });
    const model = buildComplianceReportDocument({
      report,
      kind: 'enterprise_agreement',
      authority: 'Sở Nội vụ TP. Hồ Chí Minh',
      checker: 'Bà Hạnh',
      language: 'vi',
    });
    expect(headings(model)).toEqual(['I. CĂN CỨ KIỂM TRA', 'II. TỔNG HỢP KẾT QUẢ', 'III. CÁC NỘI DUNG PHÁT HIỆN', 'IV. KẾT LUẬN']);

    const file = await table.reviewer.client.call('documents/exportReport', { documentId: table.documentId, report: 'compliance', format: 'docx' });
    expect(file.fileName).toBe('Báo cáo kiểm tra tuân thủ - Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027.docx');
    const text = documentText(file);
    expect(text).toContain('SỞ NỘI VỤ TP. HỒ CHÍ MINH');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('[VI PHẠM] Điều 5 (Làm thêm giờ)');
    expect(text).toContain('Quy tắc: Tiền lương làm thêm giờ vào ngày thường — điểm a khoản 1 Điều 98 Bộ luật Lao động 2019');
    expectNoRuleId(text);
    expect(text).toContain('Căn cứ pháp lý: điểm a khoản 1 Điều 98 Bộ luật Lao động 2019');
    expect(text).toContain('không thấp hơn 150%');
    expect(text).toContain('NGƯỜI KIỂM TRA');
    expect(text).toContain('Bà Hạnh (Sở Nội vụ)');
    expect(text.match(/\[(VI PHẠM|CẢNH BÁO|LƯU Ý)\]/g)).toHaveLength(report.findings.length);
    // Counted in each language's grammar: one violation, never "violation(s)".
    const english = JSON.stringify(
      buildComplianceReportDocument({ report, kind: 'enterprise_agreement', authority: 'Department of Home Affairs', checker: 'Hanh Le', language: 'en' })
        .blocks,
    );
    const { violation, warning, information } = report.counts;
    expect(violation).toBe(1);
    expect(english).toContain(`1 violation, ${warning} warning${warning === 1 ? '' : 's'}, ${information} note${information === 1 ? '' : 's'}.`);
    expect(english).toContain('The document has 1 provision contrary to or below what labour law requires, each to be amended.');
    expect(english).not.toContain('(s)');
    expect(JSON.stringify(model.blocks)).toContain(`1 vi phạm, ${warning} cảnh báo, ${information} lưu ý.`);
  });

  it('exports the decision with its reasons and recorded findings, in English when asked', async () => {
    expect(decisionRefusal).toMatchObject({ code: 'conflict', message: expect.stringMatching(/has not decided on this document yet/) });
    const file = await table.employer.client.call('documents/exportReport', { documentId: table.documentId, report: 'decision', format: 'docx' });
    const text = documentText(file);
    for (const expected of [
      'THÔNG BÁO',
      'Căn cứ Điều 77 Bộ luật Lao động 2019',
      'KẾT QUẢ XEM XÉT',
      'Đề nghị sửa đổi, bổ sung văn bản (lần xem xét thứ 1, ngày 01 tháng 02 năm 2027)',
      'Sửa Điều 5 cho đúng',
      'Điều 5 (Làm thêm giờ): Mức 140% thấp hơn mức tối thiểu 150%.',
      'Quy tắc: Tiền lương làm thêm giờ vào ngày thường — điểm a khoản 1 Điều 98 Bộ luật Lao động 2019.',
      'Bà Hạnh (Sở Nội vụ)',
      'Nơi nhận:',
      '- Công đoàn cơ sở Công ty TNHH May Sài Gòn;',
    ]) {
      expect(text).toContain(expected);
    }
    expectNoRuleId(text);
    const english = documentText(
      await table.union.client.call('documents/exportReport', { documentId: table.documentId, report: 'decision', format: 'docx', language: 'en' }),
    );
    for (const expected of [
      'SOCIALIST REPUBLIC OF VIETNAM',
      'NOTICE',
      'Amendments to the document are requested',
      'Article 5 (Làm thêm giờ)',
      'Rule: Overtime pay on normal days — Labour Code 2019 Art. 98(1)(a).',
      'REVIEWING OFFICER',
    ]) {
      expect(english).toContain(expected);
    }
    expectNoRuleId(english);
  });

  it('prints the minutes and the decision to PDF in Chromium', async () => {
    const minutes = await table.union.client.call('documents/exportReport', { documentId: table.documentId, report: 'minutes', format: 'pdf', since: session });
    expect(minutes.mimeType).toBe('application/pdf');
    const path = saveArtifact('minutes.pdf', Buffer.from(minutes.fileBase64, 'base64'));
    await renderPages(path, 'minutes-page', 2, 80);
    expect((await pdfInfo(path))['Page size']).toContain('(A4)');
    const text = await pdfText(path);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BIÊN BẢN',
      'Điều 70 Bộ luật Lao động 2019',
      'I. THÀNH PHẦN THAM DỰ',
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ])
      expect(text).toContain(expected);

    const decision = await table.reviewer.client.call('documents/exportReport', { documentId: table.documentId, report: 'decision', format: 'pdf' });
    const decisionPath = saveArtifact('decision.pdf', Buffer.from(decision.fileBase64, 'base64'));
    await renderPages(decisionPath, 'decision-page', 1, 80);
    const compliance = await table.reviewer.client.call('documents/exportReport', { documentId: table.documentId, report: 'compliance', format: 'pdf' });
    await renderPages(saveArtifact('compliance.pdf', Buffer.from(compliance.fileBase64, 'base64')), 'compliance-page', 1, 80);
    const decisionText = await pdfText(decisionPath, 1);
    expect(decisionText).toContain('THÔNG BÁO');
    expect(decisionText).toContain('Bà Hạnh (Sở Nội vụ)');
    expectNoRuleId(decisionText);
  }, 120_000);

  it('refuses whoever may not read the source with the source’s own error, producing nothing', async () => {
    const other = await admin.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy lao động' });
    const stranger = api.client((await joinSeat(api, admin, other.id, 'reviewer', 'Người khác')).token);
    const reviewError = await expectApiError(stranger.call('review/get', { documentId: table.documentId }), 'forbidden');
    for (const report of ['minutes', 'compliance', 'decision'] as const) {
      await expectApiError(
        stranger.call('documents/exportReport', { documentId: table.documentId, report, format: 'docx' }),
        'forbidden',
        new RegExp(reviewError.message),
      );
      await expectApiError(api.client().call('documents/exportReport', { documentId: table.documentId, report, format: 'pdf' }), 'unauthorized');
    }
    // The other document was never sent to the authority: no decision to export.
    await expectApiError(
      stranger.call('documents/exportReport', { documentId: other.id, report: 'decision', format: 'pdf' }),
      'conflict',
      /not been sent to the labour authority/,
    );
    await expectApiError(
      stranger.call('documents/exportReport', { documentId: table.documentId, report: 'minutes', format: 'docx', language: 'fr' as 'vi' }),
      'invalid_input',
    );
  });
});
