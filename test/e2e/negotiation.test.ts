import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { articlesOf } from '#shared/document/articles';
import { formatVnd } from '#shared/format/locale';
import { mentionToken } from '#shared/negotiation/mentions';
import { templateLibrary } from '#shared/templates/library';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { articleShown, artifactRecorder, connectionState, joinWithLink, launchChromium, pageContent, watchErrors, workspaceShifts } from './browser';
import {
  addClauseAtEnd,
  articleOn,
  articleTextOn,
  badgeOf,
  chipsShown,
  openArticle,
  openTab,
  proposalEditor,
  proposeValue,
  redlineChips,
  valueChangesIn,
} from './negotiationSteps';
import { downloadReport, nationalTitle, printedText, sectionText, typeNameHeading, wordText } from './reportDownloads';

// A bargaining round in three browsers (employer, union, and a reviewer who reads): a position on
// an overtime rate with a text change, a counter, acceptance after confirming, the article locked,
// reopened by consent, then a package of two articles; and the minutes. What is asserted is what
// each person sees on screen.

let counter = 0;
const newId = () => `e2e${(counter += 1)}`;

const weekdayRate = 'Tiền lương làm thêm giờ vào ngày thường';
const addedClause = 'Người lao động làm thêm từ 02 giờ trở lên được hỗ trợ thêm một bữa ăn.';

describe('E2E a bargaining round between the employer and the union, a reviewer reading', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it(
    'the union proposes 200% with a new clause, the employer counters 180%, the union accepts after confirming; the article is agreed and locked, reopened by consent; a package of two articles is accepted whole; the minutes list it all',
    { timeout: 240_000 },
    async () => {
      const shot = artifactRecorder('negotiation');
      const library = templateLibrary();
      const model = outlineChoices('enterprise_agreement', library);
      const built = buildDocument(
        {
          kind: 'enterprise_agreement',
          language: 'vi',
          facts: { enterprise_name: 'Công ty TNHH Điện tử Bắc Ninh', headcount: 420 },
          chosen: model?.recommended ?? new Set(),
          wordings: {},
        },
        library,
        newId,
      );
      const document = await harness.server.handlers['documents/create'](
        { kind: 'enterprise_agreement', title: 'Thỏa ước 2027 — Điện tử Bắc Ninh', language: 'vi', content: built?.content, variables: built?.variables ?? {} },
        { kind: 'admin' },
      );
      const articles = articlesOf(built?.content ?? []);
      const idOf = (templateId: string): string => {
        const article = articles.find((a) => a.templateId === templateId);
        if (!article) throw new Error(`the outline has no ${templateId}`);
        return article.clauseId;
      };
      const overtimePay = idOf('cla.wages.overtime_night_pay');
      const meals = idOf('cla.wages.meals');
      const personalLeave = idOf('cla.time.personal_leave');
      const annualLeave = idOf('cla.time.annual_leave');
      const invite = async (side: 'employer' | 'union' | 'reviewer') =>
        (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;

      const viewport = { width: 1440, height: 900 };
      const employer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('employer'), 'Chị Lan (Nhân sự)');
      const union = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('union'), 'Anh Minh (Công đoàn)');
      const reviewer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('reviewer'), 'Bà Hoa (Sở Nội vụ)');
      const everyone: Page[] = [employer, union, reviewer];
      const errors: string[] = [];
      for (const page of everyone) watchErrors(page, errors);

      // The union writes its position in the rich editor: a new clause, and the weekday rate raised to 200%.
      await (await openArticle(union, overtimePay)).getByRole('button', { name: 'Đề xuất sửa đổi', exact: true }).click();
      const unionEditor = proposalEditor(union);
      await expect
        .poll(() => unionEditor.getByTestId('proposal-text').locator('.variable-chip[data-variable-id=ot_rate_weekday] .variable-value').innerText())
        .toBe('150%');
      await addClauseAtEnd(union, addedClause);
      // A value the variable does not accept is said at once, and the position waits for a good one.
      await proposeValue(union, weekdayRate, '50');
      await expect
        .poll(() => unionEditor.getByTestId('proposal-problem').innerText())
        .toBe('Tiền lương làm thêm giờ vào ngày thường: phải là một số từ 100 đến 1.000.');
      expect(await unionEditor.getByRole('button', { name: 'Gửi đề xuất', exact: true }).isDisabled()).toBe(true);
      await proposeValue(union, weekdayRate, '200');
      // The chip in the proposal shows the value proposed as it is typed; the panel says what it is now.
      await expect
        .poll(() => unionEditor.getByTestId('proposal-text').locator('.variable-chip[data-variable-id=ot_rate_weekday] .variable-value').innerText())
        .toBe('200%');
      expect(await unionEditor.getByTestId('proposal-value').filter({ hasText: weekdayRate }).innerText()).toContain('Hiện tại: 150%');
      expect(await valueChangesIn(unionEditor)).toEqual([`${weekdayRate}: 150% → 200%`]);
      await shot(unionEditor, 'proposal-editor');
      await unionEditor.getByLabel('Lý do đề xuất').fill('Giá sinh hoạt tăng; người lao động cần được bù đắp xứng đáng.');
      await shot(union, 'union-writes-a-position');
      await unionEditor.getByRole('button', { name: 'Gửi đề xuất', exact: true }).click();
      await unionEditor.waitFor({ state: 'detached' });

      // The employer sees it live: the chip 150% struck through, 200% inserted, the new clause, the value change; never an id.
      await openArticle(employer, overtimePay);
      const unionCard = employer.locator('[data-testid=proposal-card][data-status=open]');
      await unionCard.waitFor();
      // Nothing arriving late above the document (the lifecycle's status line) moved it under a click.
      for (const page of everyone) expect(await workspaceShifts(page)).toEqual([]);
      expect(await redlineChips(unionCard.getByTestId('redline'))).toEqual({ deleted: ['150%'], inserted: ['200%'] });
      expect(await unionCard.getByTestId('redline').locator('ins').allInnerTexts()).toContainEqual(expect.stringContaining(addedClause));
      expect(await valueChangesIn(unionCard)).toEqual([`${weekdayRate}: 150% → 200%`]);
      expect(await unionCard.innerText()).not.toMatch(/\{\{|ot_rate_weekday/);
      await shot(employer, 'employer-sees-the-redline');

      // The employer counters with 180%: the editor opens on the union's offer (its clause, its 200%).
      await unionCard.getByRole('button', { name: 'Đề xuất lại' }).click();
      const employerEditor = proposalEditor(employer);
      await expect.poll(() => employerEditor.getByTestId('proposal-text').innerText()).toContain(addedClause);
      expect(await employerEditor.getByTestId('proposal-text').locator('.variable-chip[data-variable-id=ot_rate_weekday] .variable-value').innerText()).toBe(
        '200%',
      );
      await proposeValue(employer, weekdayRate, '180');
      await employerEditor.getByLabel('Lý do đề xuất').fill('Doanh nghiệp có thể trả 180% trong năm đầu.');
      await employerEditor.getByRole('button', { name: 'Gửi đề xuất đáp lại' }).click();
      await employerEditor.waitFor({ state: 'detached' });

      // The union sees the counter redlined against its own offer: only the rate differs (its clause is common ground).
      await openArticle(union, overtimePay);
      const counterCard = union.locator('[data-testid=proposal-card][data-status=open]');
      await expect.poll(() => counterCard.innerText()).toContain('Chị Lan (Nhân sự)');
      expect(await redlineChips(counterCard.getByTestId('redline'))).toEqual({ deleted: ['200%'], inserted: ['180%'] });
      expect(await counterCard.getByTestId('redline').locator('ins, del').allInnerTexts()).toEqual(['200%', '180%']);
      expect(await valueChangesIn(counterCard)).toEqual([`${weekdayRate}: 200% → 180%`]);

      // Accepting asks first, showing the change to the article now and that it becomes agreed.
      await counterCard.getByRole('button', { name: 'Chấp nhận', exact: true }).click();
      const confirmation = union.getByTestId('accept-dialog');
      await confirmation.waitFor();
      expect(await redlineChips(confirmation.getByTestId('redline'))).toEqual({ deleted: ['150%'], inserted: ['180%'] });
      expect(await valueChangesIn(confirmation)).toEqual([`${weekdayRate}: 150% → 180%`]);
      expect(await confirmation.innerText()).toContain('sẽ được hai bên thống nhất');
      await shot(union, 'union-confirms-acceptance');
      await confirmation.getByRole('button', { name: 'Xác nhận chấp nhận' }).click();
      await confirmation.waitFor({ state: 'detached' });

      // Everyone sees the article with the chip showing 180% (a chip, not text), the new clause, and the badge "agreed".
      for (const page of everyone) {
        await expect.poll(() => chipsShown(page, overtimePay, 'ot_rate_weekday'), { timeout: 10_000 }).toEqual(['180%']);
        await expect.poll(() => badgeOf(page, overtimePay).getAttribute('data-status'), { timeout: 10_000 }).toBe('agreed');
        expect(await badgeOf(page, overtimePay).textContent()).toContain('Đã thống nhất');
        expect(await articleOn(page, overtimePay).textContent()).toContain(addedClause);
      }
      expect(await articleTextOn(employer, overtimePay)).toContain('{{ot_rate_weekday}}');
      expect(await articleOn(union, overtimePay).getByTestId('agreed-note').innerText()).toContain('Hai bên đã thống nhất điều này');
      await shot(articleOn(employer, overtimePay), 'agreed-article');

      // The Variables tab shows 180%, and does not let anyone change it while the article is agreed.
      await openTab(employer, 'Biến số');
      const rateField = employer.locator('.variable-field[data-variable-id=ot_rate_weekday] input');
      await expect.poll(() => rateField.inputValue()).toBe('180');
      expect(await rateField.getAttribute('readonly')).not.toBeNull();
      expect(await employer.locator('.variable-locked').filter({ has: rateField }).getByTestId('variable-locked').innerText()).toContain(
        'đã được hai bên thống nhất',
      );

      // Nobody can type into the agreed article: the text stays, nothing is refused, nothing kept as a draft.
      const before = await pageContent(union);
      await articleOn(union, overtimePay).locator('.clause').first().click();
      await union.keyboard.type('Sửa trộm ');
      await union.keyboard.press('Backspace');
      await union.keyboard.press('Enter');
      await expect.poll(() => connectionState(union)).toEqual({ state: 'saved', pending: 0 });
      expect(await pageContent(union)).toEqual(before);
      expect(await articleShown(union, overtimePay)).not.toContain('Sửa trộm');
      expect(await union.getByTestId('kept-as-draft').count()).toBe(0);

      // The ledger, as the reviewer reads it: the union's position, the counter (redlined against it), the acceptance.
      await (await openArticle(reviewer, overtimePay)).getByRole('button', { name: 'Diễn biến thương lượng' }).click();
      const ledger = reviewer.getByTestId('ledger-dialog');
      const entries = ledger.getByTestId('ledger-entry');
      await expect
        .poll(() => entries.evaluateAll((items) => items.map((item) => `${item.getAttribute('data-entry')}:${item.getAttribute('data-status') ?? ''}`)))
        .toEqual(['position:superseded', 'position:accepted', 'accepted:']);
      expect(await entries.nth(0).innerText()).toContain('Anh Minh (Công đoàn)');
      expect(await valueChangesIn(entries.nth(0))).toEqual([`${weekdayRate}: 150% → 200%`]);
      expect(await entries.nth(0).getByTestId('position-outcome').innerText()).toContain('Chị Lan (Nhân sự) đã đáp lại bằng một đề xuất khác');
      expect(await entries.nth(1).innerText()).toContain('đáp lại đề xuất của Anh Minh (Công đoàn)');
      expect(await redlineChips(entries.nth(1).getByTestId('redline'))).toEqual({ deleted: ['200%'], inserted: ['180%'] });
      expect(await valueChangesIn(entries.nth(1))).toEqual([`${weekdayRate}: 200% → 180%`]);
      expect(await entries.nth(2).innerText()).toContain('Anh Minh (Công đoàn) chấp nhận đề xuất của Chị Lan (Nhân sự)');
      // Times as read in Vietnam, no identifier anywhere.
      expect(await entries.nth(0).innerText()).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
      expect(await ledger.innerText()).not.toMatch(/\{\{|ot_rate_weekday|e2e\d/);
      await shot(ledger, 'ledger');
      // The reviewer reads the same ledger in English: the steps in English, the names and times as they are.
      await reviewer.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
      await expect.poll(() => entries.nth(2).innerText()).toContain('Anh Minh (Công đoàn) accepted the proposal of Chị Lan (Nhân sự): agreed by both sides');
      expect(await ledger.getByRole('heading').first().innerText()).toMatch(/^Ledger — Article \d+\. /);
      expect(await entries.nth(0).getByTestId('position-outcome').innerText()).toMatch(
        /^Chị Lan \(Nhân sự\) answered it with another proposal on \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/,
      );
      expect(await entries.nth(1).innerText()).toContain('answering the proposal of Anh Minh (Công đoàn) (Trade union)');
      await shot(ledger, 'ledger-en');
      await reviewer.getByLabel('Language', { exact: true }).selectOption('vi');
      await ledger.getByRole('button', { name: 'Đóng' }).click();

      // The union asks to reopen, with its reason; the employer accepts: the article is open again for all.
      const unionFocus = await openArticle(union, overtimePay);
      await unionFocus.getByRole('button', { name: 'Đề nghị mở lại' }).click();
      await unionFocus.getByLabel('Vì sao cần mở lại điều đã thống nhất?').fill('Cần bổ sung mức cho ca đêm.');
      await unionFocus.getByRole('button', { name: 'Gửi đề nghị mở lại' }).click();
      const employerFocus = await openArticle(employer, overtimePay);
      await expect.poll(() => employerFocus.getByTestId('reopen-request').innerText(), { timeout: 10_000 }).toContain('Cần bổ sung mức cho ca đêm.');
      await shot(employer, 'employer-asked-to-reopen');
      await employerFocus.getByRole('button', { name: 'Đồng ý mở lại', exact: true }).click();
      for (const page of everyone) await expect.poll(() => badgeOf(page, overtimePay).getAttribute('data-status'), { timeout: 10_000 }).toBe('open');
      expect(await articleOn(union, overtimePay).getAttribute('contenteditable')).toBeNull();
      expect(await articleOn(union, overtimePay).getByTestId('agreed-note').count()).toBe(0);

      // A package: the employer puts a meal value and a reworded personal-leave article in one offer.
      await (await openArticle(employer, meals)).getByRole('button', { name: 'Thêm vào gói đề xuất' }).click();
      await proposalEditor(employer).getByLabel('Đổi giá trị').check();
      await proposeValue(employer, 'Giá trị bữa ăn giữa ca', '35000');
      await proposalEditor(employer).getByRole('button', { name: 'Lưu vào gói' }).click();
      await (await openArticle(employer, personalLeave)).getByRole('button', { name: 'Thêm vào gói đề xuất' }).click();
      await addClauseAtEnd(employer, 'Người lao động được nghỉ thêm 01 ngày không hưởng lương khi con nhập học lớp 1.');
      await proposalEditor(employer).getByRole('button', { name: 'Lưu vào gói' }).click();
      const basket = employer.getByTestId('package-basket');
      await expect.poll(() => basket.getByTestId('package-item').count()).toBe(2);
      await basket.getByLabel('Lý do chung của gói').fill('Đổi bữa ăn lấy ngày nghỉ: hai điều đi cùng nhau.');
      await basket.getByRole('button', { name: 'Gửi gói đề xuất (2 điều)' }).click();
      await basket.waitFor({ state: 'detached' });

      // The union sees one package with both articles, and accepts it whole after confirming both changes.
      await openArticle(union, meals);
      const packageCard = union.getByTestId('package-card');
      await expect.poll(() => packageCard.getByTestId('proposal-card').count(), { timeout: 10_000 }).toBe(2);
      expect(await packageCard.innerText()).toContain('được chấp nhận, từ chối, rút hoặc đáp lại cùng một lúc');
      // Its articles in the document's order, each with its own change.
      expect(await packageCard.getByTestId('proposal-card').locator('header strong').allInnerTexts()).toEqual([
        expect.stringMatching(/^Điều \d+\. Nghỉ việc riêng/),
        expect.stringMatching(/^Điều \d+\. Bữa ăn giữa ca/),
      ]);
      expect(await valueChangesIn(packageCard.getByTestId('proposal-card').nth(1))).toEqual(['Giá trị bữa ăn giữa ca: 30.000 ₫ → 35.000 ₫']);
      await shot(union, 'union-sees-the-package');
      await packageCard.getByRole('button', { name: 'Chấp nhận cả gói' }).click();
      const packageConfirmation = union.getByTestId('accept-dialog');
      await expect.poll(() => packageConfirmation.getByTestId('accepted-change').count()).toBe(2);
      await packageConfirmation.getByRole('button', { name: 'Xác nhận chấp nhận cả gói' }).click();
      for (const page of everyone) {
        for (const clauseId of [meals, personalLeave])
          await expect.poll(() => badgeOf(page, clauseId).getAttribute('data-status'), { timeout: 10_000 }).toBe('agreed');
        await expect.poll(() => chipsShown(page, meals, 'meal_allowance_per_shift')).toEqual([formatVnd(35_000, 'vi')]);
      }

      // The union disputes annual leave with its position, for the minutes.
      await openArticle(union, annualLeave);
      union.once('dialog', (dialog) => void dialog.accept('Đề nghị 14 ngày nghỉ hằng năm'));
      await union.getByRole('button', { name: 'Còn tranh chấp' }).click();
      await expect.poll(() => badgeOf(employer, annualLeave).getAttribute('data-status'), { timeout: 10_000 }).toBe('disputed');

      // The minutes, printable, list the agreed articles and the disputed one with the union's position.
      await employer.goto(`${harness.server.url}/#/minutes/${document.id}`);
      await employer.waitForSelector('[data-testid=minutes-agreed]');
      await expect.poll(() => employer.getByTestId('minutes-agreed').innerText()).toContain('Bữa ăn giữa ca');
      await expect.poll(() => employer.getByTestId('minutes-disputed').innerText()).toContain('Đề nghị 14 ngày nghỉ hằng năm');
      await expect.poll(() => employer.getByTestId('minutes-accepted').innerText()).toContain('Chị Lan (Nhân sự)');
      await shot(employer, 'minutes');

      // The same minutes in the official layout, from the page's Word and PDF buttons.
      const minutesExport = employer.getByTestId('export-minutes');
      const docx = await downloadReport(minutesExport, 'docx', { scenario: 'negotiation', who: 'employer' });
      expect(docx.fileName).toBe('Biên bản thương lượng tập thể - Thỏa ước 2027 — Điện tử Bắc Ninh.docx');
      const word = wordText(docx);
      expect(word).toContain(nationalTitle);
      const heading = typeNameHeading('BIÊN BẢN', 'Phiên thương lượng tập thể');
      expect(word).toMatch(heading);
      expect(sectionText(word, 'II. CÁC NỘI DUNG ĐÃ THỐNG NHẤT', 'III. CÁC NỘI DUNG CÒN Ý KIẾN KHÁC NHAU')).toContain('(Bữa ăn giữa ca)');
      expect(sectionText(word, 'III. CÁC NỘI DUNG CÒN Ý KIẾN KHÁC NHAU', 'IV. CÁC ĐỀ XUẤT ĐƯỢC CHẤP NHẬN TRONG PHIÊN')).toContain(
        'Đề nghị 14 ngày nghỉ hằng năm',
      );
      expect(sectionText(word, 'IV. CÁC ĐỀ XUẤT ĐƯỢC CHẤP NHẬN TRONG PHIÊN', 'V. DIỄN BIẾN THƯƠNG LƯỢNG TỪNG ĐIỀU')).toContain(
        'Doanh nghiệp có thể trả 180% trong năm đầu.',
      );
      expect(sectionText(word, 'V. DIỄN BIẾN THƯƠNG LƯỢNG TỪNG ĐIỀU', 'VI. KẾT LUẬN')).toMatch(/Giá trị bữa ăn giữa ca: 30\.000\s₫ → 35\.000\s₫/);
      const pdf = await downloadReport(minutesExport, 'pdf', { scenario: 'negotiation', who: 'employer' });
      expect(pdf.fileName).toBe('Biên bản thương lượng tập thể - Thỏa ước 2027 — Điện tử Bắc Ninh.pdf');
      const printed = await printedText(pdf);
      expect(printed).toContain(nationalTitle);
      expect(printed).toMatch(heading);
      await shot(minutesExport, 'minutes-export');
      expect(errors).toEqual([]);
    },
  );

  it(
    'an edit made offline on an article agreed meanwhile is refused but kept: its author is told where, and puts it on the table from the drafts',
    { timeout: 120_000 },
    async () => {
      const shot = artifactRecorder('negotiation-drafts');
      const library = templateLibrary();
      const model = outlineChoices('enterprise_agreement', library);
      const built = buildDocument(
        {
          kind: 'enterprise_agreement',
          language: 'vi',
          facts: { enterprise_name: 'Công ty TNHH May Hưng Yên', headcount: 300 },
          chosen: model?.recommended ?? new Set(),
          wordings: {},
        },
        library,
        newId,
      );
      const document = await harness.server.handlers['documents/create'](
        { kind: 'enterprise_agreement', title: 'Thỏa ước 2027 — May Hưng Yên', language: 'vi', content: built?.content, variables: built?.variables ?? {} },
        { kind: 'admin' },
      );
      const meals = articlesOf(built?.content ?? []).find((a) => a.templateId === 'cla.wages.meals')?.clauseId ?? '';
      const invitation = await harness.server.handlers['invitations/create']({ documentId: document.id, side: 'union', validForHours: 24 }, { kind: 'admin' });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const union = await joinWithLink(context, harness.server.url, invitation.code, 'Anh Minh (Công đoàn)');
      const errors = watchErrors(union);
      const employer = await harness.server.handlers['invitations/redeem'](
        {
          code: (await harness.server.handlers['invitations/create']({ documentId: document.id, side: 'employer', validForHours: 24 }, { kind: 'admin' })).code,
          displayName: 'Chị Lan (Nhân sự)',
        },
        { kind: 'anonymous' },
      );
      const seats = await harness.server.context.store.participants.listByDocument(document.id);

      // Offline, the union adds a sentence to the meals article, still open on its screen.
      await context.setOffline(true);
      await expect.poll(() => connectionState(union)).toMatchObject({ state: 'offline' });
      const added = ' Suất ăn có thêm trái cây tráng miệng.';
      await articleOn(union, meals).locator('p').first().click();
      await union.keyboard.press('End');
      await union.keyboard.type(added);
      await expect.poll(() => articleTextOn(union, meals)).toContain(added.trim());
      expect(await articleShown(union, meals)).toContain(added.trim());

      // Meanwhile both sides agree the article, as it stands on the server.
      for (const seat of seats)
        await harness.server.handlers['articles/agree'](
          { documentId: document.id, clauseId: meals },
          { kind: 'participant', participantId: seat.id, documentId: document.id, side: seat.side },
        );
      expect(employer.participant.side).toBe('employer');

      // Back online: the server refuses the edit of the agreed article, keeps it as the union's draft, and says so plainly.
      await context.setOffline(false);
      const notice = union.getByTestId('kept-as-draft');
      await notice.waitFor({ timeout: 20_000 });
      expect(await notice.innerText()).toContain('được giữ làm bản nháp của bạn trong mục "Bản nháp của tôi" ở thẻ Thương lượng');
      await expect.poll(() => articleTextOn(union, meals), { timeout: 20_000 }).not.toContain(added.trim());
      await expect.poll(() => badgeOf(union, meals).getAttribute('data-status')).toBe('agreed');
      // On screen: the sentence gone from the article, the badge saying it is agreed.
      expect(await articleShown(union, meals)).not.toContain(added.trim());
      expect(await badgeOf(union, meals).innerText()).toBe('Đã thống nhất');
      await notice.getByRole('button', { name: 'Xem bản nháp của tôi' }).click();
      const drafts = union.getByTestId('drafts');
      await expect.poll(() => drafts.getByTestId('draft').count(), { timeout: 10_000 }).toBe(1);
      expect(await drafts.getByTestId('redline').locator('ins').allInnerTexts()).toEqual([expect.stringContaining('Suất ăn có thêm trái cây tráng miệng.')]);
      await shot(union, 'draft-kept');

      // The union puts it on the table: the editor opens with the draft, and the proposal is sent; the draft is gone.
      await drafts.getByRole('button', { name: 'Đưa ra thành đề xuất…' }).click();
      const editor = proposalEditor(union);
      await expect.poll(() => editor.getByTestId('proposal-text').innerText()).toContain('Suất ăn có thêm trái cây tráng miệng.');
      await editor.getByLabel('Lý do đề xuất').fill('Bổ sung trái cây cho bữa ăn giữa ca.');
      await editor.getByRole('button', { name: 'Gửi đề xuất', exact: true }).click();
      await editor.waitFor({ state: 'detached' });
      await drafts.waitFor({ state: 'detached' });
      const state = await harness.server.handlers['negotiation/state'](
        { documentId: document.id },
        { kind: 'participant', participantId: employer.participant.id, documentId: document.id, side: 'employer' },
      );
      expect(state.proposals.filter((p) => p.clauseId === meals && p.status === 'open').map((p) => p.authorName)).toEqual(['Anh Minh (Công đoàn)']);
      expect(errors).toEqual([]);
    },
  );

  it(
    'the union mentions the employer’s negotiator by typing @ in a comment: the name is suggested and stored as a reference to her; she sees it, in English, from any tab, until she opens it',
    { timeout: 120_000 },
    async () => {
      const shot = artifactRecorder('negotiation-mentions');
      const library = templateLibrary();
      const model = outlineChoices('enterprise_agreement', library);
      const built = buildDocument(
        {
          kind: 'enterprise_agreement',
          language: 'vi',
          facts: { enterprise_name: 'Công ty TNHH Cơ khí Hải Phòng', headcount: 180 },
          chosen: model?.recommended ?? new Set(),
          wordings: {},
        },
        library,
        newId,
      );
      const document = await harness.server.handlers['documents/create'](
        { kind: 'enterprise_agreement', title: 'Thỏa ước 2027 — Cơ khí Hải Phòng', language: 'vi', content: built?.content, variables: built?.variables ?? {} },
        { kind: 'admin' },
      );
      const meals = articlesOf(built?.content ?? []).find((a) => a.templateId === 'cla.wages.meals')?.clauseId ?? '';
      const invite = async (side: 'employer' | 'union') =>
        (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;
      const viewport = { width: 1440, height: 900 };
      const employer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('employer'), 'Chị Lan (Nhân sự)');
      const union = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('union'), 'Anh Minh (Công đoàn)');
      await harness.server.handlers['invitations/redeem']({ code: await invite('employer'), displayName: 'Ông Tuấn (Giám đốc)' }, { kind: 'anonymous' });
      const lan = (await harness.server.context.store.participants.listByDocument(document.id)).find((seat) => seat.displayName === 'Chị Lan (Nhân sự)');
      const errors = watchErrors(union, watchErrors(employer));
      await employer.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');

      // The union comments on the meals article and types "@chị l": the one person it may mean is suggested.
      const focus = await openArticle(union, meals);
      await focus.getByRole('button', { name: 'Góp ý', exact: true }).click();
      const field = focus.getByRole('textbox', { name: 'Góp ý' });
      expect(await focus.locator('.mention-field .hint').innerText()).toBe('Gõ @ rồi tên để nhắc một người: người đó sẽ thấy.');
      await field.pressSequentially('Nhờ @');
      const suggestions = union.getByRole('listbox', { name: 'Người có thể nhắc tên' });
      await expect.poll(() => suggestions.getByRole('option').allInnerTexts()).toEqual(['@Chị Lan (Nhân sự)', '@Ông Tuấn (Giám đốc)']);
      await field.pressSequentially('chị l');
      await expect.poll(() => suggestions.getByRole('option').allInnerTexts()).toEqual(['@Chị Lan (Nhân sự)']);
      await shot(union, 'mention-suggested');
      await field.press('Enter');
      await expect.poll(() => field.inputValue()).toBe('Nhờ @Chị Lan (Nhân sự) ');
      expect(await suggestions.count()).toBe(0);
      await field.pressSequentially('xem giúp giá trị bữa ăn.');
      await focus.getByRole('button', { name: 'Gửi', exact: true }).click();

      // The union reads its comment with her name; the server keeps a reference to her, not her name.
      const unionComment = union.getByTestId('thread').first().getByTestId('comment').first();
      await expect.poll(() => unionComment.locator('.comment-text').innerText(), { timeout: 10_000 }).toBe('Nhờ @Chị Lan (Nhân sự) xem giúp giá trị bữa ăn.');
      const [stored] = (await harness.server.handlers['negotiation/state']({ documentId: document.id }, { kind: 'admin' })).threads;
      expect(stored?.comments[0]).toMatchObject({ body: `Nhờ ${mentionToken(lan?.id ?? '')} xem giúp giá trị bữa ăn.`, mentions: [lan?.id] });

      // She sees it whatever tab is open: the Negotiation tab counts it; the panel names who, where and when; her name is marked.
      const tab = employer.getByRole('tab', { name: /^Negotiation/ });
      await expect.poll(() => tab.innerText(), { timeout: 10_000 }).toBe('Negotiation @1');
      await tab.click();
      const notice = employer.getByTestId('unread-mentions');
      await expect
        .poll(() => notice.innerText())
        .toMatch(/^1 unread mention of you\n+Anh Minh \(Công đoàn\) mentioned you on Article \d+\. Bữa ăn giữa ca, \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
      await notice.getByRole('button').click();
      await employer.locator(`[data-testid=focused-article][data-clause-id="${meals}"]`).waitFor();
      const thread = employer.getByTestId('thread');
      expect(await thread.count()).toBe(1);
      const comment = thread.getByTestId('comment').first();
      await expect
        .poll(() => comment.innerText())
        .toMatch(
          /^Anh Minh \(Công đoàn\) · Trade union · \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} · mentions you\n+Nhờ @Chị Lan \(Nhân sự\) xem giúp giá trị bữa ăn\.$/,
        );
      expect(await comment.locator('.mention.me').innerText()).toBe('@Chị Lan (Nhân sự)');
      await shot(employer, 'employer-mentioned');

      // Once she has opened it, nothing calls for her attention any more, after a reload too.
      await expect.poll(() => notice.count()).toBe(0);
      expect(await tab.innerText()).toBe('Negotiation');
      await employer.reload();
      await employer.waitForSelector('[data-testid=document-body]');
      await expect.poll(() => employer.getByRole('tab', { name: /^Negotiation/ }).innerText(), { timeout: 10_000 }).toBe('Negotiation');
      expect(errors).toEqual([]);
    },
  );
});
