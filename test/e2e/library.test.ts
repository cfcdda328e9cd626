import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { plainText, type ArticleElement, type TopLevelBlock } from '#shared/document/nodes';
import { readContent } from '#shared/document/yjsContent';
import { findTemplate, templateLibrary } from '#shared/templates/library';
import { vietnamDate } from '#shared/format/vietnamTime';
import { checkTemplatePack } from '#shared/templates/pack';
import { templateBody } from '#shared/templates/instantiate';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { articleShown, artifactRecorder, joinWithLink, launchChromium, pageContent, watchErrors } from './browser';

const kind = 'enterprise_agreement';
const nightPay = 'cla.wages.overtime_night_pay';
// Wide enough for the header to stay on one line: at 1280 px it wraps to two, taller than the
// 3rem the sticky toolbar and side pane leave for it, and covers the side pane's tabs once the
// page has scrolled (a layout issue of the header, outside the library).
const viewport = { width: 1440, height: 900 };

/** The articles of a body, in order. */
function articlesOf(blocks: readonly TopLevelBlock[]): ArticleElement[] {
  return blocks.flatMap((block) =>
    block.type === 'chapter' ? block.children.filter((child): child is ArticleElement => child.type === 'article') : block.type === 'article' ? [block] : [],
  );
}

const bodyText = (article: ArticleElement | undefined): string => (article?.children.slice(1) ?? []).map(plainText).join('\n');

/** A document made as the wizard makes one: the outline's recommended articles; night pay at its favourable wording. */
async function createOutlineDocument(harness: Harness, title: string) {
  const library = templateLibrary();
  const model = outlineChoices(kind, library);
  let next = 0;
  const built = buildDocument(
    { kind, language: 'vi', facts: {}, chosen: model?.recommended ?? new Set(), wordings: { [nightPay]: `${nightPay}.favourable` } },
    library,
    () => `e2e${(next += 1)}`,
  );
  if (!built) throw new Error('no outline for an enterprise agreement');
  return harness.server.handlers['documents/create']({ kind, title, content: built.content, variables: built.variables, language: 'vi' }, { kind: 'admin' });
}

async function join(harness: Harness, browser: Browser, documentId: string, side: 'employer' | 'union' | 'reviewer', name: string): Promise<Page> {
  const code = (await harness.server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' })).code;
  return joinWithLink(await browser.newContext({ viewport }), harness.server.url, code, name);
}

/** Puts the cursor in the title of an article (scrolled to first: far articles are not laid out). */
async function placeCursorIn(page: Page, clauseId: string): Promise<void> {
  const title = page.locator(`section.article[data-clause-id="${clauseId}"] .article-title`);
  await title.scrollIntoViewIfNeeded();
  await title.click();
  await page.keyboard.press('End');
}

async function openLibrary(page: Page, source?: 'Thư viện chung' | 'Mẫu của bên tôi'): Promise<void> {
  await page.getByRole('tab', { name: 'Thư viện' }).click();
  if (source) await page.getByRole('button', { name: source, exact: true }).click();
}

const results = (page: Page, language: 'vi' | 'en' = 'vi') =>
  page.getByRole('list', { name: language === 'vi' ? 'Kết quả tìm kiếm' : 'Search results' }).getByRole('button');
const search = (page: Page, language: 'vi' | 'en' = 'vi') => page.getByRole('searchbox', { name: language === 'vi' ? /^Tìm điều khoản/ : /^Search clauses/ });

/** Counts calls of one API method made by a page. */
function countCalls(page: Page, method: string): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/${method}`) count += 1;
  });
  return () => count;
}

describe('E2E the clause library and the side’s own templates', () => {
  let harness: Harness;
  let fresh: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [harness, fresh, browser] = await Promise.all([startHarness(), startHarness(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
    await fresh?.dispose();
  });

  it(
    'searches, previews, inserts, swaps a wording; saves and edits templates of the side; the union does not see them; exports, re-imports and refuses a malformed pack',
    { timeout: 120_000 },
    async () => {
      const shot = artifactRecorder('library');
      const document = await createOutlineDocument(harness, 'Thỏa ước lao động tập thể Công ty TNHH Dệt Nam Định 2027–2030');
      const room = () => harness.server.sync.room(document.id)?.doc;
      const employer = await join(harness, browser, document.id, 'employer', 'Chị Hoa (Nhân sự)');
      const errors = watchErrors(employer);
      const initial = articlesOf(await pageContent(employer));
      const overtime = initial.find((article) => article.templateId === 'cla.time.overtime');
      const nightPayArticle = initial.find((article) => article.templateId === nightPay);
      expect(room()?.getMap('variables').get('ot_rate_weekday')).toBe(200); // the favourable wording's proposal

      // "tang ca" (no diacritics) finds the overtime clause first; its preview; insert it after the cursor.
      await placeCursorIn(employer, overtime?.clauseId ?? '');
      await openLibrary(employer);
      await search(employer).fill('tang ca');
      await expect.poll(() => results(employer).first().locator('strong').innerText()).toBe('Làm thêm giờ');
      await results(employer).first().click();
      const preview = employer.getByRole('region', { name: 'Xem trước' });
      await expect.poll(() => preview.innerText()).toContain('Làm thêm giờ');
      await shot(employer, 'search-tang-ca-preview');
      await employer.getByRole('button', { name: 'Chèn thành điều mới' }).click();
      await expect.poll(async () => articlesOf(await pageContent(employer)).length).toBe(initial.length + 1);
      const afterInsert = articlesOf(await pageContent(employer));
      const overtimeIndex = afterInsert.findIndex((article) => article.clauseId === overtime?.clauseId);
      const inserted = afterInsert[overtimeIndex + 1];
      expect(inserted?.templateId).toBe('cla.time.overtime');
      expect(plainText(inserted?.children[0] ?? { text: '' })).toBe('Làm thêm giờ');
      expect(await articleShown(employer, inserted?.clauseId ?? '')).toContain('Làm thêm giờ');
      const roomArticles = () => {
        const doc = room();
        return doc ? articlesOf(readContent(doc)) : [];
      };
      await expect.poll(() => roomArticles().length, { timeout: 5000 }).toBe(initial.length + 1);

      // The night-pay article came from a template with wordings: swap it for the legal floor.
      await placeCursorIn(employer, nightPayArticle?.clauseId ?? '');
      await search(employer).fill('ban dem');
      await employer.getByRole('button', { name: /^Tiền lương làm thêm giờ, làm việc vào ban đêm/ }).click();
      await employer.getByRole('radio', { name: /^Mức luật định/ }).check();
      await shot(employer, 'floor-wording-preview');
      await employer.getByRole('button', { name: 'Thay nội dung điều đang chọn' }).click();
      const template = findTemplate(nightPay);
      const floorText = (template ? templateBody(template, 'vi', `${nightPay}.floor`) : []).map(plainText).join('\n');
      const swapped = async () => bodyText(articlesOf(await pageContent(employer)).find((article) => article.clauseId === nightPayArticle?.clauseId));
      await expect.poll(swapped).toBe(floorText);
      expect(floorText).not.toBe(bodyText(nightPayArticle));
      // On screen: the floor wording's words, and its weekday rate in the chip.
      const floorOpening = floorText.split(/\n|\{\{/)[0]?.trim() ?? '';
      expect(floorOpening.length).toBeGreaterThan(10);
      await expect.poll(() => articleShown(employer, nightPayArticle?.clauseId ?? '')).toContain(floorOpening);
      expect(await articleShown(employer, nightPayArticle?.clauseId ?? '')).toContain('150%');
      const variables = () => room()?.getMap('variables').toJSON();
      await expect
        .poll(variables, { timeout: 5000 })
        .toMatchObject({ ot_rate_weekday: 150, ot_rate_weekly_rest: 200, ot_rate_holiday: 300, night_premium_percent: 30, night_ot_extra_percent: 20 });

      // Save that article as a template of the employer's side: topics and legal basis from its template.
      await openLibrary(employer, 'Mẫu của bên tôi');
      await expect.poll(() => employer.getByText('Bên bạn chưa có mẫu riêng nào').count()).toBe(1);
      await employer.getByRole('button', { name: 'Lưu điều đang chọn thành mẫu' }).click();
      const saveForm = employer.getByRole('form', { name: 'Lưu điều thành mẫu của bên tôi' });
      await expect.poll(() => saveForm.getByLabel('Tiêu đề (tiếng Việt)').inputValue()).toBe('Tiền lương làm thêm giờ, làm việc vào ban đêm');
      await saveForm.getByLabel('Tiêu đề (tiếng Anh)').fill('Overtime and night work pay (legal floor)');
      await saveForm.getByLabel(/^Thêm chủ đề/).fill('phụ cấp ca đêm');
      await shot(employer, 'save-form');
      await saveForm.getByRole('button', { name: 'Lưu mẫu' }).click();
      await expect.poll(() => employer.getByRole('status').filter({ hasText: 'Đã lưu mẫu' }).count()).toBe(1);
      const [saved] = await harness.server.handlers['templates/list']({}, { kind: 'admin' });
      expect(saved?.ownerSide).toBe('employer');
      expect(saved?.template.kinds).toEqual([kind]);
      expect(saved?.template.topics).toEqual([...(template?.topics ?? []), 'phu_cap_ca_dem']);
      expect(saved?.template.legalBasis).toEqual(template?.legalBasis);
      expect(saved?.template.title).toEqual({ vi: 'Tiền lương làm thêm giờ, làm việc vào ban đêm', en: 'Overtime and night work pay (legal floor)' });
      expect(saved?.template.body.map((block) => block.text.vi).join('\n')).toBe(floorText);
      expect(saved?.template.body.every((block) => block.text.en === block.text.vi)).toBe(true);
      expect(saved?.template.body.some((block) => block.text.vi.includes('{{ot_rate_weekday}}'))).toBe(true);

      // A hand-written article has no template: the form asks for a topic and a Labour Code article.
      await placeCursorIn(employer, nightPayArticle?.clauseId ?? '');
      await employer.keyboard.press('Control+Enter');
      await employer.keyboard.type('Hỗ trợ tiền đi lại', { delay: 5 });
      await employer.keyboard.press('Enter');
      await employer.keyboard.type('Công ty hỗ trợ tiền đi lại hằng tháng cho người lao động ở xa nơi làm việc.', { delay: 2 });
      await employer.getByRole('button', { name: 'Lưu điều đang chọn thành mẫu' }).click();
      await saveForm.getByRole('button', { name: 'Lưu mẫu' }).click();
      const problems = saveForm.getByRole('alert');
      await expect.poll(() => problems.innerText()).toContain('Hãy thêm ít nhất một chủ đề.');
      expect(await problems.innerText()).toContain('Hãy nhập ít nhất một điều của Bộ luật Lao động 2019');
      // Each problem goes as it is fixed, before the form is sent again.
      await saveForm.getByLabel(/^Thêm chủ đề/).fill('đi lại');
      await expect.poll(() => problems.innerText()).not.toContain('Hãy thêm ít nhất một chủ đề.');
      expect(await problems.innerText()).toContain('Hãy nhập ít nhất một điều của Bộ luật Lao động 2019');
      await saveForm.getByLabel(/^Thêm điều của Bộ luật Lao động/).fill('103');
      await expect.poll(() => problems.count()).toBe(0);
      await shot(employer, 'save-form-legal-basis');
      await saveForm.getByRole('button', { name: 'Lưu mẫu' }).click();
      await expect.poll(async () => (await harness.server.handlers['templates/list']({}, { kind: 'admin' })).length, { timeout: 5000 }).toBe(2);
      const travel = (await harness.server.handlers['templates/list']({}, { kind: 'admin' })).find((entry) => entry.template.title.vi === 'Hỗ trợ tiền đi lại');
      expect(travel?.template).toMatchObject({
        topics: ['di_lai'],
        legalBasis: [{ law: 'LC2019', article: 103 }],
        body: [{ type: 'paragraph', text: { vi: 'Công ty hỗ trợ tiền đi lại hằng tháng cho người lao động ở xa nơi làm việc.' } }],
      });

      // The same search, preview and edit work on the side's templates.
      await search(employer).fill('di lai');
      await results(employer).first().click();
      await expect.poll(() => preview.innerText()).toContain('ở xa nơi làm việc');
      await employer.getByRole('button', { name: 'Sửa mẫu' }).click();
      const editForm = employer.getByRole('form', { name: 'Sửa mẫu' });
      await editForm.getByLabel('Tiêu đề (tiếng Anh)').fill('Travel allowance');
      await editForm.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await expect.poll(() => employer.getByRole('status').filter({ hasText: 'phiên bản 2' }).count()).toBe(1);
      const edited = (await harness.server.handlers['templates/list']({}, { kind: 'admin' })).find((entry) => entry.id === travel?.id);
      expect(edited?.template.title.en).toBe('Travel allowance');
      expect(edited?.template.version).toBe(2);
      // Insert the side's template as a new article.
      const before = articlesOf(await pageContent(employer)).length;
      await employer.getByRole('button', { name: 'Chèn thành điều mới' }).click();
      await expect.poll(async () => articlesOf(await pageContent(employer)).filter((article) => article.templateId === travel?.id).length).toBe(1);
      expect(articlesOf(await pageContent(employer))).toHaveLength(before + 1);
      // Two articles read "Hỗ trợ tiền đi lại" now: the one typed, and the one inserted from it.
      await expect.poll(() => employer.locator('.article-title', { hasText: 'Hỗ trợ tiền đi lại' }).count()).toBe(2);
      await shot(employer, 'my-templates');

      // The union, in its own browser, sees none of the employer's templates.
      const union = await join(harness, browser, document.id, 'union', 'Anh Dũng (Công đoàn)');
      watchErrors(union, errors);
      await openLibrary(union, 'Mẫu của bên tôi');
      await expect.poll(() => union.getByText('Bên bạn chưa có mẫu riêng nào').count()).toBe(1);
      expect(await results(union).count()).toBe(0);
      await shot(union, 'union-sees-no-employer-templates');

      // Export: a pack file named for today, valid by the pack schema, with both templates.
      const [download] = await Promise.all([employer.waitForEvent('download'), employer.getByRole('button', { name: 'Xuất gói mẫu' }).click()]);
      const packText = readFileSync(await download.path(), 'utf8');
      // Named for the day it was exported, in Vietnam.
      expect(download.suggestedFilename()).toBe(`thoa-uoc-templates-${vietnamDate((JSON.parse(packText) as { exportedAt: string }).exportedAt)}.json`);
      const checked = checkTemplatePack(packText, templateLibrary());
      expect(checked.ok).toBe(true);
      expect(checked.ok && checked.pack.templates.map((entry) => entry.id).sort()).toEqual([saved?.id, travel?.id].sort());

      // Import it into a fresh installation through the interface: both are created, then unchanged.
      const otherDocument = await createOutlineDocument(fresh, 'Thỏa ước lao động tập thể Công ty TNHH Dệt Hà Nam 2027–2030');
      const other = await join(fresh, browser, otherDocument.id, 'employer', 'Chị Hoa (Nhân sự)');
      watchErrors(other, errors);
      const imports = countCalls(other, 'templates/importPack');
      await openLibrary(other, 'Mẫu của bên tôi');
      const fileInput = other.getByLabel('Nhập gói mẫu (tệp .json)');
      await fileInput.setInputFiles(await download.path());
      await expect.poll(() => other.getByText(/hợp lệ: 2 mẫu, 0 biến số/).count()).toBe(1);
      await other.getByRole('button', { name: 'Nhập vào mẫu của bên tôi' }).click();
      const summary = other.locator('.import-summary');
      await expect.poll(() => summary.locator('[data-outcome=created] dt').innerText(), { timeout: 5000 }).toBe('Mẫu mới: 2');
      expect(await summary.locator('[data-outcome=created] dd').allInnerTexts()).toEqual(
        expect.arrayContaining(['Hỗ trợ tiền đi lại', 'Tiền lương làm thêm giờ, làm việc vào ban đêm']),
      );
      await expect.poll(() => results(other).count()).toBe(2);
      await shot(other, 'imported-into-fresh-server');
      expect((await fresh.server.handlers['templates/list']({}, { kind: 'admin' })).map((entry) => [entry.id, entry.ownerSide]).sort()).toEqual(
        [
          [saved?.id, 'employer'],
          [travel?.id, 'employer'],
        ].sort(),
      );
      await fileInput.setInputFiles(await download.path());
      await other.getByRole('button', { name: 'Nhập vào mẫu của bên tôi' }).click();
      await expect.poll(() => summary.locator('[data-outcome=unchanged] dt').innerText(), { timeout: 5000 }).toBe('Mẫu không đổi: 2');
      expect(imports()).toBe(2);

      // A malformed pack is refused here, each problem with where it is; nothing is sent or imported.
      const malformed = JSON.parse(packText) as { templates: Record<string, unknown>[] };
      const [first] = malformed.templates;
      if (first) {
        delete first.legalBasis;
        first.script = 'alert(1)';
      }
      await fileInput.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(malformed)) });
      const refusal = other.locator('.pack-problems');
      await expect.poll(() => refusal.innerText()).toContain('Không nhập tệp hong.json: có 2 vấn đề');
      expect(await refusal.locator('li code').allInnerTexts()).toEqual(['templates[0].legalBasis', 'templates[0].script']);
      // Each problem in the interface's language: nothing of it in English.
      expect(await refusal.locator('li').allInnerTexts()).toEqual([
        'templates[0].legalBasis: còn thiếu (cần một danh sách [...])',
        'templates[0].script: trường không có trong định dạng gói mẫu',
      ]);
      await fileInput.setInputFiles({
        name: 'ma-doc.json',
        mimeType: 'application/json',
        buffer: Buffer.from(packText.replace('Hỗ trợ tiền đi lại', 'Hỗ trợ <script>alert(1)</script>')),
      });
      await expect.poll(() => refusal.innerText()).toContain('Không nhập tệp ma-doc.json: có 1 vấn đề');
      expect(await refusal.innerText()).toContain('chứa thẻ <script> (văn bản của mẫu là văn bản thuần)');
      await shot(other, 'malformed-pack-refused');
      await fileInput.setInputFiles({
        name: 'khong-phai-json.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "thoa-uoc-template-pack",'),
      });
      await expect.poll(() => refusal.locator('li code').allInnerTexts()).toEqual([expect.stringMatching(/^dòng 1, cột \d+$/)]);
      expect(await refusal.locator('li').innerText()).toMatch(/: tệp không phải JSON hợp lệ: cần /);
      expect(imports()).toBe(2);
      expect(await fresh.server.handlers['templates/list']({}, { kind: 'admin' })).toHaveLength(2);

      // Delete, after confirming.
      await search(other).fill('di lai');
      await results(other).first().click();
      await other.getByRole('button', { name: 'Xóa mẫu' }).click();
      const confirm = other.getByRole('alertdialog', { name: 'Xác nhận xóa mẫu' });
      await shot(other, 'confirm-delete');
      await confirm.getByRole('button', { name: 'Xóa' }).click();
      await expect.poll(() => other.getByRole('status').filter({ hasText: 'Đã xóa mẫu “Hỗ trợ tiền đi lại”' }).count()).toBe(1);
      expect((await fresh.server.handlers['templates/list']({}, { kind: 'admin' })).map((entry) => entry.id)).toEqual([saved?.id]);

      // The server decides what may be changed: a template the host deleted meanwhile cannot be
      // edited, and its answer is shown in the form.
      await fresh.server.handlers['templates/delete']({ id: saved?.id ?? '' }, { kind: 'admin' });
      await search(other).fill('ban dem');
      await results(other).first().click();
      await other.getByRole('button', { name: 'Sửa mẫu' }).click();
      const staleEdit = other.getByRole('form', { name: 'Sửa mẫu' });
      await staleEdit.getByRole('button', { name: 'Lưu thay đổi' }).click();
      // One sentence in the interface language: the server's English detail stays in its log.
      await expect.poll(() => staleEdit.getByRole('alert').innerText()).toBe('Mẫu này không còn tồn tại.');
      await shot(other, 'refused-by-the-server');
      // The browser logs the refused call itself (HTTP 404); nothing else went wrong.
      expect(errors.filter((error) => !error.includes('status of 404'))).toEqual([]);
    },
  );

  it('the reviewer’s library has the built-in clauses only: no side templates, no insert', { timeout: 60_000 }, async () => {
    const shot = artifactRecorder('library-reviewer');
    const document = await createOutlineDocument(harness, 'Thỏa ước lao động tập thể Công ty TNHH Dệt Nam Định (bản gửi thẩm tra)');
    const reviewer = await join(harness, browser, document.id, 'reviewer', 'Bà Thu (Sở Nội vụ)');
    const errors = watchErrors(reviewer);
    const listCalls = countCalls(reviewer, 'templates/list');
    await openLibrary(reviewer);
    await search(reviewer).fill('tang ca');
    await expect.poll(() => results(reviewer).first().locator('strong').innerText()).toBe('Làm thêm giờ');
    await results(reviewer).first().click();
    await expect.poll(() => reviewer.getByRole('region', { name: 'Xem trước' }).count()).toBe(1);
    await shot(reviewer, 'reviewer-library');
    expect(await reviewer.getByRole('group', { name: 'Nguồn điều khoản' }).count()).toBe(0);
    expect(await reviewer.getByRole('button', { name: 'Mẫu của bên tôi', exact: true }).count()).toBe(0);
    expect(await reviewer.getByRole('button', { name: /Lưu điều đang chọn|Xuất gói mẫu|Chèn thành điều mới/ }).count()).toBe(0);
    expect(await reviewer.locator('input[type=file]').count()).toBe(0);
    expect(listCalls()).toBe(0);
    // In English, the library speaks English (the clause by its English title, its wordings named in
    // English); the preview is the text as it would go into this Vietnamese document.
    await reviewer.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
    await search(reviewer, 'en').fill('overtime');
    await expect.poll(() => results(reviewer, 'en').first().locator('strong').innerText()).toBe('Overtime');
    await results(reviewer, 'en').first().click();
    const preview = reviewer.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.innerText()).toContain('At the legal floor — Statutory minimum');
    expect(await preview.innerText()).toContain('1. Người sử dụng lao động chỉ được sử dụng người lao động làm thêm giờ khi được người lao động đồng ý');
    await shot(reviewer, 'reviewer-library-en');
    expect(errors).toEqual([]);
  });
});
