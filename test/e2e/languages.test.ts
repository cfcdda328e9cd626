import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Caller } from '#shared/api/caller';
import { createDialogueInput } from '#shared/api/dialogue';
import { indexDocument } from '#shared/compliance/documentIndex';
import { articlesOf } from '#shared/document/articles';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { Language } from '#shared/format/locale';
import type { Side } from '#shared/sides';
import { templateLibrary } from '#shared/templates/library';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { otherLanguageIn, rawKey } from '../i18n/languageChecks';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';

// Every page in Vietnamese, then in English (issue 15): the start page, the new-document wizard, a
// document in bargaining with each tab of its side panel, its export and invitation dialogs, the
// minutes, a refused invitation code, the workplace dialogues and a worker's public pages, the
// review queue, the review page and a document under review. Each shows no translation key, no {{placeholder}}, and no word of the other language.
// The documents are written in the interface's language, so that their text passes too: what a
// person typed is theirs, but nothing here is typed in the other language.

const viewport = { width: 1440, height: 900 };
const kind = 'enterprise_agreement';
// 10:00 on Monday 14 Dec 2026 in Vietnam, running on: the steps below are dated that day or before.
const startedAt = Date.now();
const now = () => Date.parse('2026-12-14T03:00:00Z') + (Date.now() - startedAt);
const today = '2026-12-14';

/** What people of each language type: titles, names, a rationale, a comment, a version's name, and the wizard's names of the parties. */
const typed = {
  vi: {
    bargaining: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027',
    submitted: 'Thỏa ước lao động tập thể Công ty Điện Biên 2027',
    host: 'Chị Thu (quản trị)',
    employer: 'Chị Lan (Phòng Nhân sự)',
    union: 'Anh Minh (Công đoàn cơ sở)',
    reviewer: 'Bà Hạnh (Sở Nội vụ)',
    rationale: 'Đề nghị nâng lên mức luật định.',
    comment: 'Công đoàn đề nghị xem lại điều này.',
    version: 'Bản trước phiên họp thứ hai',
    finding: 'Tiền lương làm thêm giờ thấp hơn mức luật định.',
    enterprise: {
      enterprise_name: 'Công ty TNHH May Sông Hồng',
      enterprise_address: 'Lô 12, KCN Tân Bình, TP. Hồ Chí Minh',
      employer_representative: 'Trần Văn Hùng',
      employer_representative_title: 'Tổng Giám đốc',
      union_name: 'Công đoàn cơ sở Công ty TNHH May Sông Hồng',
      union_representative: 'Nguyễn Thị Mai',
    },
    director: 'Tổng Giám đốc',
    chair: 'Chủ tịch Công đoàn cơ sở',
    place: 'Thủ Dầu Một, Bình Dương',
    dialogue: 'Hội nghị người lao động năm 2027',
  },
  en: {
    bargaining: 'Collective agreement of Red River Garments 2027',
    submitted: 'Collective agreement of Dien Bien Electric 2027',
    host: 'Thu Pham (host)',
    employer: 'Lan Tran (human resources)',
    union: 'Minh Nguyen (grassroots union)',
    reviewer: 'Hanh Le (Department of Home Affairs)',
    rationale: 'We propose the rate the law requires.',
    comment: 'The union asks to look at this article again.',
    version: 'Before the second meeting',
    finding: 'Overtime is paid below the rate the law requires.',
    enterprise: {
      enterprise_name: 'Red River Garments Ltd',
      enterprise_address: 'Lot 12, Tan Binh Industrial Park, Ho Chi Minh City',
      employer_representative: 'Tran Van Hung',
      employer_representative_title: 'General Director',
      union_name: 'Grassroots union of Red River Garments',
      union_representative: 'Nguyen Thi Mai',
    },
    director: 'General Director',
    chair: 'Chair of the grassroots union',
    place: 'Thu Dau Mot, Binh Duong',
    dialogue: 'Worker conference 2027',
  },
} as const;

/** Everything a person reads on the page: its text, and the placeholders, titles and labels of what is shown. */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    document.querySelectorAll<HTMLElement>('[placeholder], [title], [aria-label], img[alt]').forEach((element) => {
      if (element.checkVisibility()) for (const name of ['placeholder', 'title', 'aria-label', 'alt']) parts.push(element.getAttribute(name) ?? '');
    });
    return parts.join('\n');
  });
}

/** The page speaks `language` alone: no translation key, no placeholder left, no line with a word of the other language. */
async function expectOneLanguage(page: Page, language: Language, where: string): Promise<void> {
  const text = await shownText(page);
  const lines = text.split('\n');
  expect({
    where,
    keys: lines.filter((line) => rawKey.test(line)),
    placeholders: lines.filter((line) => line.includes('{{') || line.includes('}}')),
    otherLanguage: lines.filter((line) => otherLanguageIn(line, language).length > 0),
  }).toEqual({ where, keys: [], placeholders: [], otherLanguage: [] });
}

/** A browser profile whose interface starts in `language`, as the language picker leaves it. */
async function profileIn(browser: Browser, language: Language): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((chosen) => localStorage.setItem('thoa-uoc.language', chosen), language);
  return context;
}

/** What a side-panel tab shows once its content has come from the server (the others show theirs at once). */
const arrivedContent: Readonly<Record<string, string>> = {
  negotiation: 'proposal-card',
  history: 'version-item',
  lifecycle: 'lifecycle-panel',
  compliance: 'compliance-finding',
};

async function seatOf(harness: Harness, documentId: string, side: Side): Promise<Caller> {
  const seat = (await harness.server.context.store.participants.listByDocument(documentId)).find((participant) => participant.side === side);
  if (!seat) throw new Error(`no ${side} in the document`);
  return { kind: 'participant', participantId: seat.id, documentId, side };
}

/** Whether the article `clauseId` of a body shows the variable `variableId`. */
function articleShows(body: readonly TopLevelBlock[], clauseId: string, variableId: string): boolean {
  return JSON.stringify(articlesOf(body).find((article) => article.clauseId === clauseId) ?? null).includes(`"variableId":"${variableId}"`);
}

describe('E2E every page speaks the interface language alone', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A server of its own for each language: the host's start page lists only that language's documents.
  beforeEach(async () => {
    harness = await startHarness({ now });
  });
  afterEach(async () => {
    await harness?.dispose();
  });

  /** An enterprise agreement from the library in `language`, as the wizard makes it, its weekday overtime at 140% (below the 150% floor). */
  async function createAgreement(language: Language, title: string) {
    const library = templateLibrary();
    let next = 0;
    const built = buildDocument(
      {
        kind,
        language,
        facts: { ...typed[language].enterprise, headcount: 100 },
        chosen: outlineChoices(kind, library)?.recommended ?? new Set(),
        wordings: {},
      },
      library,
      () => `${language}${(next += 1)}`,
    );
    if (!built) throw new Error('no outline for an enterprise agreement');
    const document = await harness.server.handlers['documents/create'](
      { kind, title, content: built.content, variables: { ...built.variables, ot_rate_weekday: 140 }, language },
      { kind: 'admin' },
    );
    const articles = indexDocument(built.content).articles;
    const overtime = articles.find((article) => articleShows(built.content, article.clauseId, 'ot_rate_weekday'));
    if (!overtime) throw new Error('the outline shows no weekday overtime rate');
    return { document, articles, overtime };
  }

  for (const language of ['vi', 'en'] as const) {
    it(
      `in ${language === 'vi' ? 'Vietnamese' : 'English'}: the start page, the wizard, a document and its panels, the minutes, a refused code, the dialogues, the review queue and page`,
      { timeout: 240_000 },
      async () => {
        const words = language === 'vi' ? vi : en;
        const names = typed[language];
        const shot = artifactRecorder(`languages-${language}`);
        const handlers = harness.server.handlers;

        // A document in bargaining: a step taken, a proposal, a comment, an article agreed, a named version.
        const bargaining = await createAgreement(language, names.bargaining);
        const bargainingId = bargaining.document.id;
        await joinAs(harness.server, bargainingId, 'employer', names.employer);
        const unionCode = (await handlers['invitations/create']({ documentId: bargainingId, side: 'union', validForHours: 24 }, { kind: 'admin' })).code;
        const union = await joinWithLink(await profileIn(browser, language), harness.server.url, unionCode, names.union);
        const errors = [watchErrors(union)];
        const employerA = await seatOf(harness, bargainingId, 'employer');
        const unionA = await seatOf(harness, bargainingId, 'union');
        const step = (caller: Caller, documentId: string, input: Parameters<(typeof handlers)['lifecycle/step']>[0]['step']) =>
          handlers['lifecycle/step']({ documentId, step: input }, caller);
        await step(unionA, bargainingId, { type: 'request_bargaining', requestReceivedOn: '2026-12-10', requestedBy: 'union' });
        await handlers['proposals/create'](
          { documentId: bargainingId, clauseId: bargaining.overtime.clauseId, kind: 'values', values: { ot_rate_weekday: 150 }, rationale: names.rationale },
          employerA,
        );
        const [first] = bargaining.articles;
        if (!first) throw new Error('the agreement has no article');
        await handlers['threads/create']({ documentId: bargainingId, clauseId: first.clauseId, body: names.comment, internal: false, mentions: [] }, unionA);
        for (const caller of [employerA, unionA]) await handlers['articles/agree']({ documentId: bargainingId, clauseId: first.clauseId }, caller);
        await handlers['versions/create']({ documentId: bargainingId, name: names.version }, employerA);

        // The union's document, and each tab of its side panel.
        await union.getByTestId('document-body').waitFor();
        await expect.poll(() => union.getByTestId('compliance-marker').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await expectOneLanguage(union, language, 'document');
        await shot(union, 'document');
        for (const tab of [
          'outline',
          'variables',
          'salaryScale',
          'library',
          'negotiation',
          'suggestions',
          'history',
          'lifecycle',
          'compliance',
          'review',
        ] as const) {
          await union.getByRole('tab', { name: words.sidePanel[tab], exact: true }).click();
          const shown = arrivedContent[tab];
          if (shown) await union.getByTestId(shown).first().waitFor();
          await expectOneLanguage(union, language, `tab ${tab}`);
          await shot(union, `tab-${tab}`);
        }
        await union.getByRole('button', { name: words.exportDialog.open }).click();
        await union.getByTestId('export-dialog').waitFor();
        await expectOneLanguage(union, language, 'export dialog');
        await union.getByRole('button', { name: words.exportDialog.close }).click();
        await union.getByRole('button', { name: words.document.invite }).click();
        await expectOneLanguage(union, language, 'invitation panel');
        await shot(union, 'invite');

        // The minutes of the session, the start page, and an invitation code nobody was given.
        await union.goto(`${harness.server.url}/#/minutes/${bargainingId}`);
        await union.getByTestId('minutes').waitFor();
        await expectOneLanguage(union, language, 'minutes');
        await shot(union, 'minutes');
        await union.goto(`${harness.server.url}/#/`);
        await union.getByRole('heading', { name: words.home.myDocuments }).waitFor();
        await expectOneLanguage(union, language, 'start page');
        await union.goto(`${harness.server.url}/#/join/ZZZZZ-ZZZZZ`);
        await union.getByRole('button', { name: words.join.action, exact: true }).click();
        await expect.poll(() => union.getByRole('alert').innerText()).toBe(words.errorReasons.invitation_unknown);
        await expectOneLanguage(union, language, 'refused invitation code');
        await shot(union, 'refused-code');

        // The host: the start page with every document, and the wizard's first step.
        const host = await (await profileIn(browser, language)).newPage();
        errors.push(watchErrors(host));
        await host.goto(harness.server.hostUrl);
        await host.getByLabel(words.welcome.nameLabel).fill(names.host);
        await host.getByRole('button', { name: words.welcome.continue }).click();
        await host.getByRole('link', { name: words.host.newDocument }).waitFor();
        await expectOneLanguage(host, language, 'host start page');
        await shot(host, 'host-start');
        await host.getByRole('link', { name: words.host.newDocument }).click();
        await host.getByRole('button', { name: words.wizard.next }).waitFor();
        await expectOneLanguage(host, language, 'wizard');

        // Workplace dialogue: the host's list and a dialogue's page, and a worker's two pages without an account.
        const dialogue = await handlers['dialogues/create'](
          createDialogueInput.parse({
            kind: 'worker_conference',
            title: names.dialogue,
            enterprise: { name: names.enterprise.enterprise_name, headcount: 100 },
          }),
          { kind: 'admin' },
        );
        await host.goto(`${harness.server.url}/#/dialogues`);
        await host.getByText(names.dialogue).first().waitFor();
        await expectOneLanguage(host, language, 'dialogues');
        await host.goto(`${harness.server.url}/#/dialogue/${dialogue.dialogue.id}`);
        await host.getByRole('heading', { name: names.dialogue }).first().waitFor();
        await expectOneLanguage(host, language, 'a dialogue');
        await shot(host, 'dialogue');
        for (const page of ['ask', 'answers'] as const) {
          await union.goto(`${harness.server.url}/#/${page}/${dialogue.code ?? ''}`);
          await union.getByText(names.dialogue).first().waitFor();
          await expectOneLanguage(union, language, `the public ${page} page`);
        }

        // An agreement agreed, voted, signed and sent to the authority, with a reviewer's finding.
        const submitted = await createAgreement(language, names.submitted);
        const submittedId = submitted.document.id;
        await joinAs(harness.server, submittedId, 'employer', names.employer);
        await joinAs(harness.server, submittedId, 'union', names.union);
        const employerB = await seatOf(harness, submittedId, 'employer');
        const unionB = await seatOf(harness, submittedId, 'union');
        await step(unionB, submittedId, { type: 'request_bargaining', requestReceivedOn: '2026-12-01', requestedBy: 'union' });
        await step(employerB, submittedId, { type: 'record_bargaining_dates', startedOn: '2026-12-07' });
        for (const { clauseId } of submitted.articles)
          for (const caller of [employerB, unionB]) await handlers['articles/agree']({ documentId: submittedId, clauseId }, caller);
        await step(unionB, submittedId, { type: 'open_vote' });
        await step(unionB, submittedId, { type: 'record_vote', votedOn: today, groups: [{ name: '', eligible: 100, votesCast: 60, inFavour: 51 }] });
        await step(employerB, submittedId, {
          type: 'sign',
          signedOn: today,
          representative: { name: names.employer, title: names.director },
          place: names.place,
          effectiveOn: '2027-01-01',
          termMonths: 36,
        });
        await step(unionB, submittedId, { type: 'sign', signedOn: today, representative: { name: names.union, title: names.chair }, place: names.place });
        await step(employerB, submittedId, { type: 'send_to_authority', sentOn: today });
        await joinAs(harness.server, submittedId, 'reviewer', names.reviewer);
        await handlers['review/addFinding'](
          { documentId: submittedId, clauseId: submitted.overtime.clauseId, ruleId: 'pay.ot_weekday', body: names.finding },
          await seatOf(harness, submittedId, 'reviewer'),
        );
        const reviewerCode = (await handlers['invitations/create']({ documentId: submittedId, side: 'reviewer', validForHours: 24 }, { kind: 'admin' })).code;
        const reviewer = await joinWithLink(await profileIn(browser, language), harness.server.url, reviewerCode, names.reviewer);
        errors.push(watchErrors(reviewer));

        await reviewer.getByRole('tab', { name: words.sidePanel.review, exact: true }).click();
        await reviewer.getByTestId('review-finding').waitFor();
        await expectOneLanguage(reviewer, language, 'document under review');
        await shot(reviewer, 'review-tab');
        await reviewer.getByRole('tab', { name: words.sidePanel.lifecycle, exact: true }).click();
        await reviewer.getByTestId('lifecycle-panel').waitFor();
        await expectOneLanguage(reviewer, language, 'lifecycle of a document sent');
        await reviewer.goto(`${harness.server.url}/#/review`);
        await reviewer.getByTestId('review-queue-item').waitFor();
        await expectOneLanguage(reviewer, language, 'review queue');
        await reviewer.goto(`${harness.server.url}/#/review/${submittedId}`);
        await reviewer.getByTestId('report-finding').first().waitFor();
        await reviewer.getByTestId('review-checklist').waitFor();
        await expectOneLanguage(reviewer, language, 'review page');
        await shot(reviewer, 'review-page');

        // The refused code is the one error the browser logs (HTTP 404); nothing else went wrong.
        expect(errors.flat().filter((error) => !error.includes('status of 404'))).toEqual([]);
      },
    );
  }
});
