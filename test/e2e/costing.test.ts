import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { articlesOf } from '#shared/document/articles';
import { entryKey, type StepEntry } from '#shared/salaryScale/model';
import { addSalaryScale, salaryScaleMap } from '#shared/salaryScale/yjsSalaryScale';
import { templateLibrary } from '#shared/templates/library';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';
import { openArticle, openTab, proposalEditor, proposeValue } from './negotiationSteps';

// The cost of wage positions while bargaining, in two browsers: the union proposes a raise of 7 %
// a year (5 % now), both screens show what it costs on the document's salary scale; the employer
// counters 6 %, both screens compare the counter with the union's proposal; the salary scale
// changes and every figure follows on both screens; the union then suggests 7 % as a value, and the
// employer reads its cost where it decides on it and in the ledger. What is asserted is what each
// person reads.

let counter = 0;
const newId = () => `e2e${(counter += 1)}`;
const raiseLabel = 'Mức nâng lương bình quân tối thiểu mỗi kỳ';
/** Text as people read it: the non-breaking spaces of money written as plain ones. */
const read = async (locator: Locator): Promise<string> => (await locator.innerText()).replace(/\s+/g, ' ');

describe('E2E the cost of wage positions on both screens', () => {
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
    'the union proposes +7 %, both screens show its cost; the employer counters 6 %, both compare it; the scale changes and both follow; a suggested 7 % is costed too',
    { timeout: 180_000 },
    async () => {
      const shot = artifactRecorder('costing');
      const library = templateLibrary();
      const model = outlineChoices('enterprise_agreement', library);
      const built = buildDocument(
        {
          kind: 'enterprise_agreement',
          language: 'vi',
          facts: { enterprise_name: 'Công ty TNHH May Sông Hồng', headcount: 200 },
          chosen: new Set([...(model?.recommended ?? []), 'cla.wages.raises']),
          wordings: {},
        },
        library,
        newId,
      );
      const document = await harness.server.handlers['documents/create'](
        {
          kind: 'enterprise_agreement',
          title: 'Thỏa ước 2027 — May Sông Hồng',
          language: 'vi',
          content: built?.content,
          variables: { ...built?.variables, effective_date: '2027-01-01', term_years: '1', region: 'I', annual_raise_percent: 5 },
        },
        { kind: 'admin' },
      );
      const raises = articlesOf(built?.content ?? []).find((article) => article.templateId === 'cla.wages.raises')?.clauseId ?? '';
      expect(raises).not.toBe('');
      // The salary scale: 200 sewers at 7,000,000 ₫ a month (one grade, one step).
      let scaleIds = 0;
      await harness.server.sync.withRoom(document.id, (room) =>
        room.change(null, (doc) =>
          addSalaryScale(
            doc,
            {
              title: 'Thang lương công nhân may',
              grades: [{ title: 'Công nhân may', code: 'A1', steps: [{ step: 1, monthlyWage: 7_000_000, headcount: 200, allowances: [] }] }],
            },
            () => `thang${(scaleIds += 1)}`,
          ),
        ),
      );
      const invite = async (side: 'employer' | 'union') =>
        (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;
      const viewport = { width: 1440, height: 900 };
      const employer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('employer'), 'Chị Lan (Nhân sự)');
      const union = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('union'), 'Anh Minh (Công đoàn)');
      const both: Page[] = [union, employer];
      const errors: string[] = [];
      for (const page of both) watchErrors(page, errors);

      // The union proposes a raise of 7 % a year.
      await (await openArticle(union, raises)).getByRole('button', { name: 'Đề xuất sửa đổi', exact: true }).click();
      await proposeValue(union, raiseLabel, '7');
      await proposalEditor(union).getByLabel('Lý do đề xuất').fill('Giá sinh hoạt tăng 4% một năm.');
      await proposalEditor(union).getByRole('button', { name: 'Gửi đề xuất', exact: true }).click();
      await proposalEditor(union).waitFor({ state: 'detached' });

      // Both screens show its cost, worked by hand for one worker a month: the wage 7,490,000 instead of 7,350,000
      // (+140,000), and the overtime and night pay the document's rates pay on it (each line rounded to the đồng:
      // 150 % × 12 h, 200 % × 8 h, 300 % × 1 h, night 30 % × 62.4 h, night overtime 20 % × 1.2 h, an hour a 208th
      // of the wage): +37,664; contributions 23.5 % of the wage's 140,000 = 32,900 (overtime is outside the basis).
      // 210,564 ₫ a worker a month × 200 × 12 = 505,353,600 ₫ a year.
      const unionCost = 'Chi phí: 505.353.600 ₫ mỗi năm · 505.353.600 ₫ trong 12 tháng · 210.564 ₫ mỗi người mỗi tháng theo thang lương (200 người)';
      await openArticle(employer, raises);
      for (const page of both) {
        const card = page.locator('[data-testid=proposal-card][data-status=open]').first();
        await expect.poll(() => read(card.getByTestId('position-cost')), { timeout: 10_000 }).toBe(unionCost);
        await expect
          .poll(() => read(page.getByTestId('focused-article').getByTestId('cost-comparison')))
          .toContain('Đề xuất của công đoàn tốn 505.353.600 ₫ mỗi năm.');
      }
      await shot(employer, 'employer-sees-the-cost');

      // The employer counters with 6 %.
      await employer.locator('[data-testid=proposal-card][data-status=open]').getByRole('button', { name: 'Đề xuất lại' }).click();
      await proposeValue(employer, raiseLabel, '6');
      await proposalEditor(employer).getByLabel('Lý do đề xuất').fill('Khả năng chi trả năm 2027.');
      await proposalEditor(employer).getByRole('button', { name: 'Gửi đề xuất đáp lại' }).click();
      await proposalEditor(employer).waitFor({ state: 'detached' });

      // Both screens compare: the counter (+70,000 and +18,831 of overtime and night pay, +16,450 of contributions
      // = 105,281 a worker a month) costs 252,674,400 ₫ a year, 50 % of the union's proposal, and chart both.
      for (const page of both) {
        const comparison = page.getByTestId('focused-article').getByTestId('cost-comparison');
        await expect
          .poll(() => read(comparison), { timeout: 10_000 })
          .toContain('Đề xuất của người sử dụng lao động tốn 252.674.400 ₫ mỗi năm, bằng 50% đề xuất của công đoàn.');
        expect(await read(comparison)).toContain('Đề xuất của công đoàn tốn 505.353.600 ₫ mỗi năm.');
        expect(await comparison.getByTestId('cost-chart').locator('rect').count()).toBe(2);
        expect(await read(comparison)).not.toMatch(/\{\{|annual_raise_percent|e2e\d/);
      }
      await shot(union, 'union-compares-the-counter');

      // The salary scale doubles its headcount: every figure follows on both screens.
      await harness.server.sync.withRoom(document.id, (room) =>
        room.change(null, (doc) => {
          const map = salaryScaleMap(doc);
          const key = [...map.keys()].find((candidate) => candidate.startsWith('step:')) ?? entryKey('step', 'none');
          map.set(key, { ...(map.get(key) as StepEntry), headcount: 400 });
        }),
      );
      for (const page of both) {
        const comparison = page.getByTestId('focused-article').getByTestId('cost-comparison');
        await expect
          .poll(() => read(comparison), { timeout: 10_000 })
          .toContain('Đề xuất của người sử dụng lao động tốn 505.348.800 ₫ mỗi năm, bằng 50% đề xuất của công đoàn.');
        expect(await read(comparison)).toContain('Đề xuất của công đoàn tốn 1.010.707.200 ₫ mỗi năm.');
      }

      // The union suggests the same 7 % as a value in Suggesting mode: the employer decides on it
      // with its cost in view, in the review list, and reads it in the article's ledger as the
      // union's position, costed as its proposal is (the same values on 400 workers) and compared
      // with the counter.
      const suggestedCost = 'Chi phí: 1.010.707.200 ₫ mỗi năm · 1.010.707.200 ₫ trong 12 tháng · 210.564 ₫ mỗi người mỗi tháng theo thang lương (400 người)';
      await union.getByTestId('suggesting-switch').click();
      await expect.poll(() => union.getByTestId('suggesting-switch').getAttribute('aria-pressed')).toBe('true');
      await openTab(union, 'Biến số');
      const raiseField = union.locator('.variable-field[data-variable-id=annual_raise_percent] input');
      await raiseField.fill('7');
      await raiseField.press('Enter');
      await openTab(employer, 'Gợi ý');
      const item = employer.getByTestId('suggestion-item').filter({ has: employer.locator('.suggestion-value') });
      await expect.poll(() => read(item.getByTestId('position-cost')), { timeout: 10_000 }).toBe(suggestedCost);
      expect(await read(item)).toContain('Anh Minh (Công đoàn)');
      await shot(employer, 'employer-decides-on-a-suggested-value');
      await (await openArticle(employer, raises)).getByRole('button', { name: 'Diễn biến thương lượng' }).click();
      const position = employer.getByTestId('ledger-dialog').getByTestId('suggestion-positions');
      await expect.poll(() => read(position.getByTestId('position-cost')), { timeout: 10_000 }).toBe(suggestedCost);
      expect(await read(position)).not.toMatch(/\{\{|annual_raise_percent|e2e\d/);
      // Its suggestion, newer than its proposal, is the union's position the counter is compared with.
      const compared = employer.getByTestId('ledger-dialog').getByTestId('cost-comparison');
      expect(await read(compared)).toContain('Gợi ý sửa của công đoàn tốn 1.010.707.200 ₫ mỗi năm.');
      expect(await read(compared)).toContain('Đề xuất của người sử dụng lao động tốn 505.348.800 ₫ mỗi năm, bằng 50% đề xuất của công đoàn.');
      expect(errors).toEqual([]);
    },
  );
});
