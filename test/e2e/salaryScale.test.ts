import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readSalaryScales } from '#shared/salaryScale/yjsSalaryScale';
import { createDocument, startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';

async function invite(harness: Harness, documentId: string, side: 'employer' | 'union') {
  return (await harness.server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' })).code;
}

async function openSalaryScaleTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByTestId('salary-scale').waitFor();
}

describe('E2E salary scale in Chromium against server mode', () => {
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

  it("the employer enters a step, the union's screen shows it, the union's invalid wage is explained and never written, and the employer's undo takes back their last cell", async () => {
    const shot = artifactRecorder('salary-scale');
    const document = await createDocument(harness.server, 'Thỏa ước lao động tập thể Công ty May Bình Dương');
    const employer = await joinWithLink(
      await browser.newContext({ viewport: { width: 1280, height: 860 } }),
      harness.server.url,
      await invite(harness, document.id, 'employer'),
      'Chị Lan (Nhân sự)',
    );
    const union = await joinWithLink(
      await browser.newContext({ viewport: { width: 1280, height: 860 } }),
      harness.server.url,
      await invite(harness, document.id, 'union'),
      'Anh Minh (Công đoàn)',
    );
    const errors = watchErrors(union, watchErrors(employer));
    await openSalaryScaleTab(employer, 'Thang lương');
    await openSalaryScaleTab(union, 'Thang lương');
    // The empty state says what a salary scale is, and offers entry or import.
    await expect.poll(() => union.getByTestId('salary-scale-empty').innerText()).toContain('Điều 93 Bộ luật Lao động 2019');
    await shot(union, 'empty-state');

    // The employer adds a scale, names the grade, adds a step and types its wage, the Vietnamese way.
    await employer.getByTestId('salary-scale-add').click();
    const gradeTitle = employer.getByTestId('grade-title');
    await gradeTitle.fill('Công nhân may');
    await gradeTitle.press('Enter');
    await employer.getByTestId('add-step').click();
    const wage = employer.getByTestId('step-wage');
    await wage.fill('5.600.000');
    await wage.press('Tab');
    const headcount = employer.getByTestId('step-headcount');
    await headcount.fill('120');
    await headcount.press('Enter');

    // The union's screen shows it, formatted vi-VN.
    await expect.poll(() => union.getByTestId('step-wage').inputValue(), { timeout: 10_000 }).toBe('5.600.000');
    await expect.poll(() => union.getByTestId('step-headcount').inputValue()).toBe('120');
    expect(await union.getByTestId('grade-title').inputValue()).toBe('Công nhân may');
    await shot(union, 'union-sees-the-step');

    // The union types a wage with a fraction of a đồng: the reason shows as it types, and nothing is written.
    const unionWage = union.getByTestId('step-wage');
    await unionWage.fill('5.600.000,5');
    await expect.poll(() => union.getByTestId('scale-problem').innerText()).toBe('Mức lương phải là số đồng nguyên, không âm.');
    await unionWage.press('Enter');
    await unionWage.fill('-5.000.000');
    await expect.poll(() => union.getByTestId('scale-problem').innerText()).toBe('Mức lương phải là số đồng nguyên, không âm.');
    await shot(union, 'invalid-wage-explained');
    await unionWage.press('Escape');
    expect(await unionWage.inputValue()).toBe('5.600.000');

    // The server holds the employer's step and nothing of the union's attempt; no refusal reached anyone.
    const scales = await harness.server.sync.withRoom(document.id, (room) => readSalaryScales(room.doc));
    expect(scales.map((scale) => scale.grades.map((grade) => [grade.title, grade.steps.map((step) => [step.step, step.monthlyWage, step.headcount])]))).toEqual(
      [[['Công nhân may', [[1, 5_600_000, 120]]]]],
    );
    expect(await employer.getByTestId('step-wage').inputValue()).toBe('5.600.000');

    // The employer's undo takes back their own last change (the headcount), on both screens; redo puts it back.
    await employer.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
    await expect.poll(() => union.getByTestId('step-headcount').inputValue(), { timeout: 10_000 }).toBe('0');
    expect(await employer.getByTestId('step-wage').inputValue()).toBe('5.600.000');
    await employer.getByRole('button', { name: 'Làm lại', exact: true }).click();
    await expect.poll(() => union.getByTestId('step-headcount').inputValue(), { timeout: 10_000 }).toBe('120');
    expect(errors).toEqual([]);
  });
});
