import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { indexDocument } from '#shared/compliance/documentIndex';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import { templateLibrary } from '#shared/templates/library';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors, workspaceShifts } from './browser';
import { downloadReport, nationalTitle, printedText, typeNameHeading, wordText } from './reportDownloads';

// From draft to force, in Chromium against server mode: every article but one is agreed, the union
// leaves that one out of the agreement (Art. 71), sees the violation still open and confirms the
// vote; it records a vote of 51 of 100 workers; the employer signs, then the union (Art. 76(4));
// the agreement is sent; a reviewer (another browser profile) opens it from the queue, sees the
// compliance report with the rule it breaks (weekday overtime at 140%, below the 150% floor of LC
// Art. 98(1)(a)) and the article left out in the checklist, and requests an amendment on that
// article; both parties see it. On the way, the compliance report and the decision are downloaded
// as Word and PDF.

const kind = 'enterprise_agreement';
const viewport = { width: 1440, height: 900 };
// The server's clock starts at 10:00 on Monday 14 Dec 2026 in Vietnam and runs on from there: the
// text's effective date, 1 Jan 2027, is still to come when the agreement is signed.
const startedAt = Date.now();
const now = () => Date.parse('2026-12-14T03:00:00Z') + (Date.now() - startedAt);

function articlesOf(blocks: readonly TopLevelBlock[]): ArticleElement[] {
  return blocks.flatMap((block) =>
    block.type === 'chapter' ? block.children.filter((child): child is ArticleElement => child.type === 'article') : block.type === 'article' ? [block] : [],
  );
}

async function join(harness: Harness, browser: Browser, documentId: string, side: 'employer' | 'union' | 'reviewer', name: string): Promise<Page> {
  const code = (await harness.server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' })).code;
  return joinWithLink(await browser.newContext({ viewport }), harness.server.url, code, name);
}

/** Opens a side-panel tab by its name. */
async function openTab(page: Page, name: 'Tiến trình' | 'Tuân thủ' | 'Thẩm định'): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Submits one step's form in the lifecycle tab, after `fill` filled it in; waits until it is recorded. */
async function takeStep(page: Page, type: string, fill: (form: ReturnType<Page['getByTestId']>) => Promise<void> = async () => {}): Promise<void> {
  await openTab(page, 'Tiến trình');
  const form = page.getByTestId(`step-${type}`);
  await form.waitFor();
  await fill(form);
  const steps = page.locator('.lifecycle-history li');
  const before = await steps.count();
  await form.getByRole('button', { name: /./ }).last().click();
  // Taken once the history shows one more step.
  await expect.poll(() => steps.count()).toBeGreaterThan(before);
}

const lifecycleState = (page: Page) => page.getByTestId('lifecycle-status').getAttribute('data-state');

describe('E2E from draft to force, and the review by the labour authority', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ now }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it(
    'the union leaves the one article not agreed out and confirms the vote, records 51 of 100; both sides sign and the agreement is sent; a reviewer requests an amendment on the article that breaks the law; both parties see it',
    { timeout: 180_000 },
    async () => {
      const shot = artifactRecorder('lifecycle');
      const library = templateLibrary();
      let next = 0;
      const built = buildDocument(
        { kind, language: 'vi', facts: {}, chosen: outlineChoices(kind, library)?.recommended ?? new Set(), wordings: {} },
        library,
        () => `e2e${(next += 1)}`,
      );
      if (!built) throw new Error('no outline for an enterprise agreement');
      // The article showing the weekday overtime rate (the overtime and night pay article).
      const overtime = articlesOf(built.content).find((article) => JSON.stringify(article).includes('"variableId":"ot_rate_weekday"'));
      if (!overtime) throw new Error('the outline shows no weekday overtime rate');
      // Set below the floor through the API: 140% lies in the variable's input range (100–1000%).
      const document = await harness.server.handlers['documents/create'](
        {
          kind,
          title: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027',
          content: built.content,
          variables: { ...built.variables, ot_rate_weekday: 140 },
          language: 'vi',
        },
        { kind: 'admin' },
      );
      // How the exported reports name that article: "Điều <number> (<title>)".
      const overtimeIndexed = indexDocument(built.content).articles.find((article) => article.clauseId === overtime.clauseId);
      if (!overtimeIndexed) throw new Error('the overtime article is not indexed');
      const overtimeName = `Điều ${overtimeIndexed.number} (${overtimeIndexed.title})`;

      const union = await join(harness, browser, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)');
      const employer = await join(harness, browser, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)');
      const errors = watchErrors(employer, watchErrors(union));
      const overtimeArticle = (page: Page) => page.locator(`section.article[data-clause-id="${overtime.clauseId}"]`);

      // The parties see the broken rule live: a marker on the article, the Compliance tab's list.
      await expect.poll(() => overtimeArticle(union).getByTestId('compliance-marker').count(), { timeout: 10_000 }).toBe(1);
      await openTab(union, 'Tuân thủ');
      const firstFinding = union.getByTestId('compliance-finding').first();
      await expect.poll(() => firstFinding.getAttribute('data-rule')).toBe('pay.ot_weekday');
      expect(await firstFinding.innerText()).toContain('140% thấp hơn mức tối thiểu 150%');
      await shot(union, 'compliance-tab');

      // The check follows the document live, the other side's changes included: the employer raises
      // the rate to the floor and the union's marker goes; back at 140%, it returns.
      const setWeekdayRate = async (value: string) => {
        const chip = employer.locator('.variable-chip[data-variable-id=ot_rate_weekday]').first();
        await chip.scrollIntoViewIfNeeded();
        await chip.click();
        const field = employer.locator('.variable-field[data-variable-id=ot_rate_weekday] input');
        await field.fill(value);
        await field.press('Enter');
      };
      await setWeekdayRate('150');
      await expect.poll(() => overtimeArticle(union).getByTestId('compliance-marker').count(), { timeout: 10_000 }).toBe(0);
      await setWeekdayRate('140');
      await expect.poll(() => overtimeArticle(union).getByTestId('compliance-marker').count(), { timeout: 10_000 }).toBe(1);

      // The tab's buttons export the server's compliance report: the broken rule, its article and provision.
      const complianceExport = union.getByTestId('export-compliance');
      const complianceDocx = await downloadReport(complianceExport, 'docx', { scenario: 'lifecycle', who: 'union' });
      expect(complianceDocx.fileName).toBe('Báo cáo kiểm tra tuân thủ - Thỏa ước lao động tập thể Công ty May Sông Hồng 2027.docx');
      const complianceWord = wordText(complianceDocx);
      expect(complianceWord).toContain(nationalTitle);
      const reportHeading = typeNameHeading('BÁO CÁO', 'Kết quả kiểm tra nội dung văn bản theo pháp luật lao động');
      expect(complianceWord).toMatch(reportHeading);
      expect(complianceWord).toContain(`[VI PHẠM] ${overtimeName}`);
      expect(complianceWord).toContain('Quy tắc: Tiền lương làm thêm giờ vào ngày thường — điểm a khoản 1 Điều 98 Bộ luật Lao động 2019');
      expect(complianceWord).not.toContain('pay.ot_weekday');
      expect(complianceWord).toContain('điểm a khoản 1 Điều 98 Bộ luật Lao động 2019');
      const compliancePdf = await downloadReport(complianceExport, 'pdf', { scenario: 'lifecycle', who: 'union' });
      expect(compliancePdf.fileName).toBe('Báo cáo kiểm tra tuân thủ - Thỏa ước lao động tập thể Công ty May Sông Hồng 2027.pdf');
      const compliancePrinted = await printedText(compliancePdf);
      expect(compliancePrinted).toContain(nationalTitle);
      expect(compliancePrinted).toMatch(reportHeading);
      await shot(complianceExport, 'compliance-export');
      expect(await lifecycleState(union)).toBe('drafting');

      // Bargaining: the union records the request; the start of bargaining; then the draft goes to the workers.
      await takeStep(union, 'request_bargaining');
      await expect.poll(() => lifecycleState(union)).toBe('bargaining');
      await expect.poll(() => union.getByTestId('deadline-bargaining_logistics').innerText()).toContain('còn 7 ngày làm việc');
      await takeStep(union, 'record_bargaining_dates', async (form) => {
        // A day still to come is refused, and the form says so; the refusal goes as the date is changed.
        const started = form.getByLabel('Ngày bắt đầu thương lượng');
        await started.fill('2026-12-20');
        await form.getByRole('button', { name: 'Ghi các mốc thương lượng' }).click();
        const refusal = form.getByRole('alert');
        await expect.poll(() => refusal.innerText()).toContain('20/12/2026');
        await shot(union, 'bargaining-date-refused');
        await started.fill('2026-12-14');
        await expect.poll(() => refusal.count()).toBe(0);
      });
      await shot(union, 'bargaining-deadlines');

      // Bargaining article by article: both sides agree every article but the last, which stays open.
      const articles = indexDocument(built.content).articles;
      const lastArticle = articles.at(-1);
      if (!lastArticle) throw new Error('the outline has no article');
      const seats = await harness.server.context.store.participants.listByDocument(document.id);
      for (const { clauseId } of articles.slice(0, -1)) {
        for (const seat of seats)
          await harness.server.handlers['articles/agree'](
            { documentId: document.id, clauseId },
            { kind: 'participant', participantId: seat.id, documentId: document.id, side: seat.side },
          );
      }
      // The gate before the vote: what is not agreed (by number and title) and the violation still open (by its rule's title).
      await openTab(union, 'Tiến trình');
      await union.getByRole('button', { name: 'Kiểm tra lại' }).click();
      const gate = union.getByTestId('vote-gate');
      await expect.poll(() => gate.getByTestId('gate-counts').innerText()).toBe(`${articles.length - 1}/${articles.length} điều đã được hai bên thống nhất.`);
      const openArticle = gate.getByTestId('gate-article');
      expect(await openArticle.innerText()).toContain(`Điều ${lastArticle.number}. ${lastArticle.title}`);
      expect(await gate.getByTestId('gate-violations').innerText()).toContain('Tiền lương làm thêm giờ vào ngày thường');
      expect(await gate.innerText()).not.toContain('pay.ot_weekday');
      await shot(union, 'vote-gate');
      // The union leaves that article out of the agreement; the employer sees it.
      await gate.getByLabel(/Lý do để ngoài thỏa ước/).fill('Hai bên chưa thống nhất; giải quyết theo thủ tục tranh chấp lao động');
      await openArticle.getByRole('button', { name: 'Để ngoài thỏa ước' }).click();
      await expect.poll(() => openArticle.getAttribute('data-left-out')).toBe('yes');
      await expect.poll(() => gate.getByTestId('gate-summary').innerText()).toContain('Mọi điều đã được thống nhất hoặc để ngoài thỏa ước');
      await openTab(employer, 'Tiến trình');
      const employerGate = employer.getByTestId('vote-gate');
      await expect.poll(() => employerGate.getByTestId('gate-article').getAttribute('data-left-out'), { timeout: 10_000 }).toBe('yes');
      expect(await employerGate.getByTestId('gate-article').innerText()).toContain('để ngoài thỏa ước — Anh Minh (Công đoàn cơ sở)');
      expect(await employerGate.getByRole('button', { name: 'Để ngoài thỏa ước' }).count()).toBe(0);

      // Putting the draft to the vote asks first: the article left out, the violation recorded with the step, the text frozen.
      const voteForm = union.getByTestId('step-open_vote');
      const history = union.locator('.lifecycle-history li');
      const stepsBefore = await history.count();
      await voteForm.getByRole('button', { name: 'Kết thúc thương lượng, lấy ý kiến người lao động về dự thảo' }).click();
      const confirmation = voteForm.getByTestId('vote-confirmation');
      await confirmation.waitFor();
      expect(await confirmation.innerText()).toContain('1 điều để ngoài thỏa ước được ghi là chưa đạt được thỏa thuận.');
      expect(await confirmation.innerText()).toMatch(/\d+ vi phạm còn tồn tại được ghi lại cùng bước này\./);
      await shot(union, 'vote-confirmation');
      await voteForm.getByRole('button', { name: 'Xác nhận, đưa ra lấy ý kiến' }).click();
      await expect.poll(() => history.count()).toBeGreaterThan(stepsBefore);
      await expect.poll(() => lifecycleState(union)).toBe('employee_vote');
      await expect.poll(() => union.getByTestId('document-body').getAttribute('contenteditable')).toBe('false');

      // The union records the vote: 51 of the enterprise's 100 workers, more than 50% of ALL workers.
      await takeStep(union, 'record_vote', async (form) => {
        await form.getByLabel(/Tổng số người lao động của doanh nghiệp/).fill('100');
        // More in favour than people counted: said as it is typed, never previewed as passing, and not sent.
        await form.getByLabel('Số người tán thành').fill('2000');
        await expect.poll(() => form.getByTestId('vote-problem').innerText()).toBe('Số tán thành (2000) lớn hơn tổng số được lấy ý kiến (100).');
        expect(await form.getByTestId('vote-preview').count()).toBe(0);
        expect(await form.getByRole('button', { name: 'Ghi kết quả lấy ý kiến người lao động' }).isDisabled()).toBe(true);
        await form.getByLabel(/Số phiếu thu về/).fill('70');
        await form.getByLabel('Số người tán thành').fill('51');
        await expect.poll(() => form.getByTestId('vote-problem').count()).toBe(0);
        await expect.poll(() => form.getByTestId('vote-preview').innerText()).toContain('51/100 người lao động của doanh nghiệp tán thành (51%) — đạt');
        await shot(union, 'vote-form');
      });
      await expect.poll(() => union.getByTestId('lifecycle-panel').innerText()).toContain('Biểu quyết ngày 14/12/2026: 51/100');

      // Each side records its own representative's signature (Art. 76(4)): the employer first (effective
      // date and term from the text); the agreement awaits the union's; then it is signed and sent (Art. 77).
      await expect.poll(() => lifecycleState(employer)).toBe('employee_vote');
      const signAs = (name: string, title: string) => async (form: ReturnType<Page['getByTestId']>) => {
        await form.getByLabel('Họ tên người đại diện ký').fill(name);
        await form.getByLabel('Chức vụ').fill(title);
        await form.getByLabel('Địa điểm ký').fill('Thủ Dầu Một, Bình Dương');
      };
      await takeStep(employer, 'sign', signAs('Trần Văn Hùng', 'Tổng Giám đốc'));
      await expect.poll(() => employer.getByTestId('awaiting-signature').innerText()).toBe('Chờ chữ ký của bên người lao động');
      expect(await lifecycleState(employer)).toBe('employee_vote');
      expect(await employer.getByTestId('step-send_to_authority').count()).toBe(0);
      await expect.poll(() => union.getByTestId('awaiting-signature').innerText(), { timeout: 10_000 }).toBe('Chờ chữ ký của bên người lao động');
      await shot(employer, 'awaiting-signature');
      await takeStep(union, 'sign', async (form) => {
        await expect.poll(() => form.getByTestId('other-terms').innerText()).toContain('Chữ ký của bên người sử dụng lao động ghi thời hạn');
        await signAs('Nguyễn Thị Mai', 'Chủ tịch Công đoàn cơ sở')(form);
      });
      await expect.poll(() => lifecycleState(employer), { timeout: 10_000 }).toBe('signed');
      // Art. 77: sent within 10 days of signing, by Thu 24 Dec 2026.
      await expect.poll(() => employer.getByTestId('lifecycle-status').innerText()).toContain('24/12/2026 (còn 10 ngày)');
      await shot(employer, 'signed');
      // The signed version is the text put to the vote (its procedural facts filled in since).
      const signedVersions = await harness.server.context.store.versions.signed(document.id);
      expect(signedVersions).toHaveLength(1);
      const recorded = await harness.server.handlers['lifecycle/get']({ documentId: document.id }, { kind: 'admin' });
      const read = (versionId: string) => harness.server.handlers['versions/get']({ documentId: document.id, versionId }, { kind: 'admin' });
      const [voted, signed] = await Promise.all([read(recorded.current.putToVote?.votedText?.versionId ?? ''), read(signedVersions[0]?.id ?? '')]);
      expect(signed.blocks).toEqual(voted.blocks);
      await takeStep(employer, 'send_to_authority');
      await expect.poll(() => lifecycleState(employer)).toBe('submitted');
      await expect.poll(() => lifecycleState(union)).toBe('submitted');
      expect(await employer.getByTestId('document-body').getAttribute('contenteditable')).toBe('false');
      await shot(employer, 'sent');

      // A reviewer of the Department of Home Affairs opens it from the queue on the start page.
      const reviewer = await join(harness, browser, document.id, 'reviewer', 'Bà Hạnh (Sở Nội vụ)');
      watchErrors(reviewer, errors);
      await reviewer.goto(`${harness.server.url}/#/`);
      await reviewer.getByTestId('review-queue-link').click();
      const item = reviewer.getByTestId('review-queue-item');
      await expect.poll(() => item.count()).toBe(1);
      expect(await item.innerText()).toContain('Thỏa ước lao động tập thể Công ty May Sông Hồng 2027');
      await shot(reviewer, 'queue');
      await item.getByRole('link', { name: 'Thẩm định' }).click();
      const report = reviewer.getByTestId('review-report');
      const broken = report.locator('[data-testid=report-finding][data-rule="pay.ot_weekday"]');
      await expect.poll(() => broken.count()).toBe(1);
      expect(await broken.getAttribute('data-clause-id')).toBe(overtime.clauseId);
      expect(await broken.innerText()).toContain('điểm a khoản 1 Điều 98 Bộ luật Lao động 2019');
      await expect.poll(() => reviewer.getByTestId('review-checklist').locator('[data-item=vote]').getAttribute('data-status')).toBe('ok');
      // The reviewer sees the article left out as not agreed, and both signatures.
      expect(await reviewer.getByTestId('review-checklist').locator('[data-item=vote_left_out]').innerText()).toContain(
        `để ngoài thỏa ước, chưa đạt được thỏa thuận: Điều ${lastArticle.number} (${lastArticle.title})`,
      );
      expect(await reviewer.getByTestId('review-checklist').locator('[data-item=signatures]').innerText()).toContain(
        'Nguyễn Thị Mai (Chủ tịch Công đoàn cơ sở) ký cho bên người lao động',
      );
      await shot(reviewer, 'review-page');

      // A finding on that article, from the report's finding; then the reasoned request for amendments.
      await broken.getByRole('button', { name: 'Ghi nhận xét về điều này' }).click();
      const findingForm = reviewer.getByTestId('finding-form');
      await expect.poll(() => findingForm.locator('select').first().inputValue()).toBe(overtime.clauseId);
      await findingForm.getByRole('button', { name: 'Thêm nhận xét' }).click();
      await expect.poll(() => reviewer.getByTestId('review-finding').count()).toBe(1);
      const decisionForm = reviewer.getByTestId('decision-form');
      await decisionForm.getByLabel('Yêu cầu sửa đổi, bổ sung').check();
      await decisionForm.getByRole('textbox').fill('Nâng tiền lương làm thêm giờ vào ngày thường lên ít nhất 150% (điểm a khoản 1 Điều 98 Bộ luật Lao động).');
      await decisionForm.getByRole('button', { name: 'Gửi kết luận' }).click();
      await expect.poll(() => reviewer.getByTestId('review-decision').getAttribute('data-decision')).toBe('amendments_requested');
      await shot(reviewer, 'decision');

      // The decision from the review page's buttons: its type, the answer, the reasons and the finding.
      const decisionFile = 'Thông báo kết quả xem xét - Thỏa ước lao động tập thể Công ty May Sông Hồng 2027';
      const decisionReason = 'Nâng tiền lương làm thêm giờ vào ngày thường lên ít nhất 150%';
      const decisionExport = reviewer.getByTestId('export-decision');
      const decisionDocx = await downloadReport(decisionExport, 'docx', { scenario: 'lifecycle', who: 'reviewer' });
      expect(decisionDocx.fileName).toBe(`${decisionFile}.docx`);
      const decisionWord = wordText(decisionDocx);
      expect(decisionWord).toContain(nationalTitle);
      const decisionHeading = typeNameHeading('THÔNG BÁO', 'Kết quả xem xét “Thỏa ước');
      expect(decisionWord).toMatch(decisionHeading);
      expect(decisionWord).toContain('Đề nghị sửa đổi, bổ sung văn bản (lần xem xét thứ 1');
      expect(decisionWord).toContain(decisionReason);
      expect(decisionWord).toContain(`${overtimeName}:`);
      const decisionPdf = await downloadReport(decisionExport, 'pdf', { scenario: 'lifecycle', who: 'reviewer' });
      expect(decisionPdf.fileName).toBe(`${decisionFile}.pdf`);
      const decisionPrinted = await printedText(decisionPdf);
      expect(decisionPrinted).toContain(nationalTitle);
      expect(decisionPrinted).toMatch(decisionHeading);
      await shot(decisionExport, 'decision-export');
      // The review page's compliance report is signed by the reviewer who exports it.
      const reviewerReport = wordText(await downloadReport(reviewer.getByTestId('export-compliance'), 'docx', { scenario: 'lifecycle', who: 'reviewer' }));
      expect(reviewerReport).toContain('NGƯỜI KIỂM TRA');
      expect(reviewerReport).toContain('Bà Hạnh (Sở Nội vụ)');

      // Both parties see the decision and the finding on the article, without reloading.
      for (const [page, name] of [
        [employer, 'employer'],
        [union, 'union'],
      ] as const) {
        await expect.poll(() => overtimeArticle(page).getByTestId('review-marker').count(), { timeout: 10_000 }).toBe(1);
        await overtimeArticle(page).getByTestId('review-marker').click();
        await expect.poll(() => page.getByTestId('review-decision').getAttribute('data-decision')).toBe('amendments_requested');
        // The status line above the document changed all along, and never moved it.
        expect(await workspaceShifts(page)).toEqual([]);
        const finding = page.getByTestId('review-finding');
        await expect.poll(() => finding.count()).toBe(1);
        expect(await finding.getAttribute('data-clause-id')).toBe(overtime.clauseId);
        expect(await page.getByTestId('review-panel').innerText()).toContain(decisionReason);
        await shot(page, `${name}-sees-decision`);
        // The panel offers the same decision as a Word file.
        const panelDocx = await downloadReport(page.getByTestId('review-panel').getByTestId('export-decision'), 'docx', {
          scenario: 'lifecycle',
          who: `${name} panel`,
        });
        expect(panelDocx.fileName).toBe(`${decisionFile}.docx`);
        expect(wordText(panelDocx)).toContain(decisionReason);
      }
      const stored = await harness.server.context.store.reviewFindings.listByDocument(document.id);
      expect(stored.map((finding) => [finding.clauseId, finding.ruleId, finding.authorName])).toEqual([
        [overtime.clauseId, 'pay.ot_weekday', 'Bà Hạnh (Sở Nội vụ)'],
      ]);
      // The browser logs the refused call itself (the date still to come, HTTP 400); nothing else went wrong.
      expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    },
  );
});
