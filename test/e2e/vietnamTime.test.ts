import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articlesOf } from '#shared/document/articles';
import { templateLibrary } from '#shared/templates/library';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';
import { openArticle, openTab } from './negotiationSteps';
import { downloadReport, printedText, wordText } from './reportDownloads';

// A browser in Los Angeles, set to American English, at 13:14 on 6 Dec 2027 there; the server's
// clock at the same moment, 21:14 UTC: 04:14 on 7 Dec in Vietnam. The screen, the lifecycle and the
// exported minutes all say 04:14 on 07/12/2027, the dates and times of Vietnam, in both languages.

const moment = Date.parse('2027-12-06T21:14:00Z');
const kind = 'enterprise_agreement';
let next = 0;

describe("E2E dates and times in Vietnam's time, with the browser in another time zone", () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ now: () => moment }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  async function losAngeles(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'America/Los_Angeles', locale: 'en-US' });
    // The browser's own clock reads the same moment, and runs on from it.
    await context.clock.install({ time: moment });
    return context;
  }

  it(
    'the screen, the lifecycle and the minutes exported agree on 04:14 on 07/12/2027 while the browser reads 13:14 on 12/06/2027',
    { timeout: 120_000 },
    async () => {
      const shot = artifactRecorder('vietnam-time');
      const library = templateLibrary();
      const built = buildDocument(
        { kind, language: 'vi', facts: {}, chosen: outlineChoices(kind, library)?.recommended ?? new Set(), wordings: {} },
        library,
        () => `e2e${(next += 1)}`,
      );
      if (!built) throw new Error('no outline for an enterprise agreement');
      const document = await harness.server.handlers['documents/create'](
        { kind, title: 'Thỏa ước lao động tập thể Công ty May Đồng Nai 2028', content: built.content, variables: built.variables, language: 'vi' },
        { kind: 'admin' },
      );
      const invite = async (side: 'employer' | 'union') =>
        (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;
      const employer = await joinWithLink(await losAngeles(), harness.server.url, await invite('employer'), 'Chị Lan (Nhân sự)');
      const errors = watchErrors(employer);
      // The browser is where it says it is: its own clock reads 13:14 on 6 Dec.
      expect(await employer.evaluate(() => new Date().toLocaleString('en-US', { hour12: false }))).toMatch(/^12\/6\/2027, 13:1\d:\d\d$/);

      // The union comments on an article, at the server's moment.
      const union = await harness.server.handlers['invitations/redeem'](
        { code: await invite('union'), displayName: 'Anh Minh (Công đoàn)' },
        { kind: 'anonymous' },
      );
      const clauseId = articlesOf(built.content)[0]?.clauseId ?? '';
      await harness.server.handlers['threads/create'](
        { documentId: document.id, clauseId, body: 'Đề nghị làm rõ phạm vi áp dụng.', internal: false, mentions: [] },
        { kind: 'participant', participantId: union.participant.id, documentId: document.id, side: 'union' },
      );

      const expectations = async (page: Page, language: 'vi' | 'en') => {
        const words =
          language === 'vi'
            ? { dateTime: '04:14 07/12/2027', today: 'Hôm nay: 07/12/2027', until: 'Có hiệu lực đến 04:14 14/12/2027' }
            : { dateTime: '07/12/2027, 04:14', today: 'Today: 07/12/2027', until: 'Valid until 14/12/2027, 04:14' };
        // The comment, as its thread shows it.
        await openArticle(page, clauseId);
        const thread = page.getByTestId('thread').first();
        await expect.poll(() => thread.innerText()).toContain(words.dateTime);
        // The lifecycle's today.
        await openTab(page, language === 'vi' ? 'Tiến trình' : 'Lifecycle');
        await expect.poll(() => page.getByTestId('lifecycle-panel').innerText()).toContain(words.today);
        // The first version, made when the document was created.
        await openTab(page, language === 'vi' ? 'Lịch sử' : 'History');
        await expect.poll(() => page.getByTestId('version-item').first().innerText()).toContain(words.dateTime);
        // An invitation made now lasts a week.
        await page.getByRole('button', { name: language === 'vi' ? 'Mời người cùng bên' : 'Invite someone of my side' }).click();
        await page
          .getByTestId('invite-panel')
          .getByRole('button', { name: language === 'vi' ? 'Tạo mã mời' : 'Create invitation code' })
          .click();
        await expect.poll(() => page.getByTestId('invitation-result').innerText()).toContain(words.until);
        await page.getByRole('button', { name: language === 'vi' ? 'Mời người cùng bên' : 'Invite someone of my side' }).click();
      };
      await expectations(employer, 'vi');
      await shot(employer, 'document-vi');
      await employer.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
      await expectations(employer, 'en');
      await shot(employer, 'document-en');

      // The minutes: drawn up at 04:14 on 07/12/2027, for the session of that day in Vietnam.
      await employer.goto(`${harness.server.url}/#/minutes/${document.id}`);
      const minutes = employer.getByTestId('minutes');
      await expect.poll(() => minutes.innerText()).toContain('Minutes drawn up: 07/12/2027, 04:14');
      expect(await minutes.innerText()).toContain('Proposals accepted in this session (since 07/12/2027)');
      expect(await employer.getByLabel('Bargaining session from').inputValue()).toBe('2027-12-07');
      await employer.getByLabel('Language', { exact: true }).selectOption('vi');
      await expect.poll(() => minutes.innerText()).toContain('Thời điểm lập biên bản: 04:14 07/12/2027');
      await shot(employer, 'minutes');
      const period = 'Thời gian: từ 00 giờ 00, ngày 07 tháng 12 năm 2027 đến 04 giờ 14, ngày 07 tháng 12 năm 2027.';
      const minutesExport = employer.getByTestId('export-minutes');
      const pdf = await downloadReport(minutesExport, 'pdf', { scenario: 'vietnam-time', who: 'employer' });
      expect((await printedText(pdf)).replace(/\s+/g, ' ')).toContain(period);
      const docx = await downloadReport(minutesExport, 'docx', { scenario: 'vietnam-time', who: 'employer' });
      expect(wordText(docx)).toContain(period);
      // The date under the motto, as the official layout writes it.
      expect(wordText(docx)).toMatch(/, ngày 07 tháng 12 năm 2027\n/);
      // The session chosen is a day in Vietnam, from its midnight there.
      await employer.getByLabel('Phiên thương lượng từ ngày').fill('2027-12-01');
      await expect.poll(() => minutes.innerText()).toContain('Các đề xuất được chấp nhận trong phiên (từ 01/12/2027)');
      const earlier = await downloadReport(minutesExport, 'docx', { scenario: 'vietnam-time', who: 'employer, from 1 Dec' });
      expect(wordText(earlier)).toContain('Thời gian: từ 00 giờ 00, ngày 01 tháng 12 năm 2027 đến 04 giờ 14, ngày 07 tháng 12 năm 2027.');
      expect(errors).toEqual([]);
    },
  );
});
