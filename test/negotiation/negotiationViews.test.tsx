import { defaultCostingSettings } from '#shared/costing/positionCost';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '#shared/document/articles';
import type { ArticleElement, InlineNode } from '#shared/document/nodes';
import { mentionToken } from '#shared/negotiation/mentions';
import { openArticle, type ArticleNegotiation, type DraftProposal, type Proposal, type Thread } from '#shared/negotiation/model';
import type { SuggestionPosition } from '#shared/negotiation/suggestionPositions';
import type { Side } from '#shared/sides';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { ArticleLedger } from '../../renderer/negotiation/ArticleLedger';
import { DraftsList } from '../../renderer/negotiation/DraftsList';
import { NegotiationViewContext, type NegotiationView } from '../../renderer/negotiation/negotiationView';
import { PackageCard } from '../../renderer/negotiation/PackageCard';
import { ProposalCard } from '../../renderer/negotiation/ProposalCard';
import { ThreadView } from '../../renderer/negotiation/ThreadView';

// The negotiation's cards, package, ledger and drafts as the interface renders them, in both
// languages: chips as their values, never an id or {{…}}; a counter read against the offer it
// answers; a package acted on as a whole; the ledger in order, in Vietnam's time.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } });
});

const noSuggestions = { positions: [], history: [] };

const chip = (variableId: string): InlineNode => ({ type: 'variable', variableId, children: [{ text: '' }] });

function overtimePay(extra?: string): ArticleElement {
  return {
    type: 'article',
    clauseId: 'ot',
    children: [
      { type: 'article-title', children: [{ text: 'Tiền lương làm thêm giờ' }] },
      { type: 'clause', children: [{ text: 'Người lao động làm thêm giờ được trả lương như sau:' }] },
      { type: 'point', children: [{ text: 'Vào ngày thường, ít nhất bằng ' }, chip('ot_rate_weekday'), { text: ';' }] },
      ...(extra ? [{ type: 'clause' as const, children: [{ text: extra }] }] : []),
    ],
  };
}

const meals: ArticleElement = {
  type: 'article',
  clauseId: 'meals',
  children: [
    { type: 'article-title', children: [{ text: 'Bữa ăn giữa ca' }] },
    { type: 'paragraph', children: [{ text: 'Giá trị không thấp hơn ' }, chip('meal_allowance_per_shift'), { text: ' mỗi suất.' }] },
  ],
};
const extraClause = 'Công ty trả thêm tiền ăn ca khi làm thêm từ 2 giờ.';

function position(overrides: Partial<Proposal> & Pick<Proposal, 'id' | 'kind'>): Proposal {
  return {
    clauseId: 'ot',
    side: 'union',
    authorId: 'p-union',
    authorName: 'Anh Minh',
    rationale: 'Giá sinh hoạt tăng.',
    article: null,
    values: {},
    previousValues: {},
    baseText: articleText(overtimePay()),
    status: 'open',
    createdAt: '2027-01-04T03:30:00.000Z',
    answers: null,
    supersededBy: null,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    reason: null,
    packageId: null,
    ...overrides,
  };
}

const union = position({
  id: 'u1',
  kind: 'replace',
  article: overtimePay(extraClause),
  values: { ot_rate_weekday: 200 },
  previousValues: { ot_rate_weekday: 150 },
  status: 'superseded',
  supersededBy: 'e1',
  decidedAt: '2027-01-04T04:00:00.000Z',
  decidedById: 'p-employer',
  decidedByName: 'Chị Lan',
});
const employer = position({
  id: 'e1',
  side: 'employer',
  authorId: 'p-employer',
  authorName: 'Chị Lan',
  rationale: 'Năm đầu trả 180%.',
  kind: 'replace',
  article: overtimePay(extraClause),
  values: { ot_rate_weekday: 180 },
  previousValues: { ot_rate_weekday: 150 },
  answers: 'u1',
  createdAt: '2027-01-04T04:00:00.000Z',
});

function viewOf(proposals: Proposal[], side: Side, participantId = 'p-other'): NegotiationView {
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const articles = new Map([
    ['ot', { article: overtimePay(), number: 28, title: 'Tiền lương làm thêm giờ' }],
    ['meals', { article: meals, number: 30, title: 'Bữa ăn giữa ca' }],
  ]);
  const refuse = () => Promise.reject(new Error('not in this test'));
  return {
    positions: {
      proposal: (id) => byId.get(id),
      article: (clauseId) => articles.get(clauseId)?.article ?? null,
      values: { ot_rate_weekday: 150, meal_allowance_per_shift: 30_000 },
    },
    proposals,
    articleLabel: (clauseId) => `Điều ${articles.get(clauseId)?.number ?? '?'}. ${articles.get(clauseId)?.title ?? ''}`,
    articleNumber: (clauseId) => articles.get(clauseId)?.number ?? Number.MAX_SAFE_INTEGER,
    side,
    participantId,
    run: (work) => work().then(() => undefined),
    open: () => undefined,
    accept: refuse,
    reject: refuse,
    withdraw: refuse,
    costing: { values: { ot_rate_weekday: 150, meal_allowance_per_shift: 30_000 }, workforce: [], settings: defaultCostingSettings, today: '2027-01-04' },
    exportCosting: refuse,
  };
}

const markup = (element: React.ReactElement, view: NegotiationView): string =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <NegotiationViewContext.Provider value={view}>{element}</NegotiationViewContext.Provider>
    </I18nextProvider>,
  );

/** What a reader sees: the markup's text, tags dropped. */
const visibleText = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The texts of the chips inside <del> and inside <ins>. */
const chipsIn = (html: string, tag: 'del' | 'ins'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].flatMap((match) =>
    [...(match[1] ?? '').matchAll(/<span class="variable-chip[^"]*"[^>]*>([^<]*)<\/span>/g)].map((inner) => inner[1] ?? ''),
  );

describe('the negotiation as the interface shows it', () => {
  it('shows a counter redlined against the offer it answers, chips as values, in both languages, with what the other side may do', async () => {
    const view = viewOf([union, employer], 'union');
    for (const language of ['vi', 'en'] as const) {
      await i18n.changeLanguage(language);
      const html = markup(<ProposalCard proposal={employer} />, view);
      expect(chipsIn(html, 'del')).toEqual(['200%']);
      expect(chipsIn(html, 'ins')).toEqual(['180%']);
      // Its clause is the union's own: common ground, not a change.
      expect(html).not.toMatch(new RegExp(`<ins>[^<]*${extraClause}`));
      expect(html).not.toMatch(/\{\{|ot_rate_weekday|u1|e1|p-union/);
      const text = visibleText(html);
      expect(text).toContain(language === 'vi' ? 'Tiền lương làm thêm giờ vào ngày thường: 200% → 180%' : 'Overtime pay on normal days: 200% → 180%');
      expect(text).toContain(language === 'vi' ? 'đáp lại đề xuất của Anh Minh (Công đoàn)' : 'answering the proposal of Anh Minh (Trade union)');
      expect(text).toContain(language === 'vi' ? 'Chị Lan · 11:00 04/01/2027' : 'Chị Lan · 04/01/2027, 11:00');
      expect(text).toContain(language === 'vi' ? 'Chấp nhận' : 'Accept');
    }
  });

  it('shows a package as one offer, its articles in the document’s order, its actions taking the whole package', async () => {
    const mealsPosition = position({
      id: 'p2',
      clauseId: 'meals',
      side: 'employer',
      authorId: 'p-employer',
      authorName: 'Chị Lan',
      kind: 'values',
      values: { meal_allowance_per_shift: 35_000 },
      previousValues: { meal_allowance_per_shift: 30_000 },
      baseText: articleText(meals),
      packageId: 'k',
    });
    const otPosition = { ...employer, id: 'p1', answers: null, packageId: 'k' };
    const view = viewOf([mealsPosition, otPosition], 'union');
    await i18n.changeLanguage('en');
    const html = markup(<PackageCard members={[otPosition, mealsPosition]} />, view);
    const text = visibleText(html);
    expect(text).toContain('Package of 2 articles');
    expect(text).toContain('accepted, rejected, withdrawn or countered together');
    expect(text).toContain('Accept the whole package');
    expect(text).toContain('Counter the whole package');
    expect(text.indexOf('Điều 28.')).toBeLessThan(text.indexOf('Điều 30.'));
    // Values read as the text does (a Vietnamese document), labels in the interface's language.
    expect(text).toContain('Value of the mid-shift meal: 30.000\u00a0₫ → 35.000\u00a0₫');
    expect(html).not.toMatch(/\{\{|meal_allowance_per_shift/);
    // Its author may withdraw it, whole; they do not answer their own offer.
    const own = visibleText(markup(<PackageCard members={[otPosition, mealsPosition]} />, viewOf([mealsPosition, otPosition], 'employer', 'p-employer')));
    expect(own).toContain('Withdraw the whole package');
    expect(own).not.toContain('Accept the whole package');
  });

  it('lists an article’s ledger in order: each position with how it ended, and the article’s own steps', async () => {
    const accepted = { ...employer, status: 'accepted' as const, decidedAt: '2027-01-04T05:00:00.000Z', decidedById: 'p-union', decidedByName: 'Anh Minh' };
    const status: ArticleNegotiation = {
      ...openArticle('ot'),
      status: 'agreed',
      history: [
        { type: 'accepted', side: 'union', byName: 'Anh Minh', at: '2027-01-04T05:00:00.000Z', note: 'e1' },
        { type: 'reopen_requested', side: 'union', byName: 'Anh Minh', at: '2027-01-05T02:00:00.000Z', note: 'Cần thêm mức ca đêm.' },
        { type: 'reopen_declined', side: 'employer', byName: 'Chị Lan', at: '2027-01-05T03:00:00.000Z', note: null },
      ],
    };
    await i18n.changeLanguage('vi');
    const html = markup(<ArticleLedger clauseId="ot" status={status} suggestions={noSuggestions} />, viewOf([accepted, union], 'reviewer'));
    const entries = [...html.matchAll(/data-entry="([a-z_]+)"/g)].map((match) => match[1]);
    expect(entries).toEqual(['position', 'position', 'accepted', 'reopen_requested', 'reopen_declined']);
    const text = visibleText(html);
    expect(text).toContain('Chị Lan đã đáp lại bằng một đề xuất khác lúc 11:00 04/01/2027');
    expect(text).toContain('Anh Minh đã chấp nhận lúc 12:00 04/01/2027');
    expect(text).toContain('Anh Minh chấp nhận đề xuất của Chị Lan: hai bên thống nhất');
    expect(text).toContain('Anh Minh đề nghị mở lại điều đã thống nhất');
    expect(text).toContain('Cần thêm mức ca đêm.');
    expect(text).toContain('Chị Lan không đồng ý mở lại');
    expect(text.indexOf('150%')).toBeLessThan(text.indexOf('180%'));
    expect(html).not.toMatch(/\{\{|ot_rate_weekday|"e1"|>e1</);
  });

  it('lists this person’s drafts against the article now, to propose or discard', async () => {
    const draft: DraftProposal = {
      id: 'd1',
      clauseId: 'meals',
      kind: 'values',
      article: null,
      values: { meal_allowance_per_shift: 40_000 },
      origin: 'late_edit',
      createdAt: '2027-01-04T09:15:00.000Z',
    };
    await i18n.changeLanguage('en');
    const html = markup(<DraftsList drafts={[draft]} onDiscard={() => Promise.resolve()} />, viewOf([], 'employer'));
    const text = visibleText(html);
    expect(text).toContain('My drafts (1)');
    expect(text).toContain('A change you typed at 04/01/2027, 16:15');
    expect(text).toContain('Value of the mid-shift meal');
    expect(text).toContain('Propose it…');
    expect(text).toContain('Discard the draft');
    expect(html).not.toMatch(/\{\{|meal_allowance_per_shift|d1/);
  });
});

describe('the negotiation’s words', () => {
  // Every literal key the negotiation's interface asks for, in both languages.
  const folders = ['renderer/negotiation', 'renderer/editor', 'renderer/variables', 'renderer/pages'];
  const sources = folders.flatMap((folder) =>
    readdirSync(join(process.cwd(), folder))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(join(process.cwd(), folder, file), 'utf8')),
  );
  const keys = [
    ...new Set(sources.flatMap((source) => [...source.matchAll(/\bt\('((?:negotiation|variables)\.[A-Za-z_.]+)'/g)].map((match) => match[1] ?? ''))),
  ];

  it('are all there, in Vietnamese and in English', () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const language of ['vi', 'en']) {
      const missing = keys.filter((key) => !i18n.exists(key, { lng: language, count: 2 }));
      expect(missing, language).toEqual([]);
    }
    // The actions on a position and on a whole package (their keys are put together).
    for (const key of ['accept', 'reject', 'counter', 'withdraw', 'rejectReason', 'withdrawConfirm']) {
      for (const language of ['vi', 'en']) {
        expect(i18n.exists(`negotiation.${key}`, { lng: language })).toBe(true);
        expect(i18n.exists(`negotiation.package.${key}`, { lng: language })).toBe(true);
      }
    }
  });

  it('shows a comment’s mentions as the names of the people mentioned, marks the reader’s own, and lists mentions without a place in the text after it', async () => {
    const thread: Thread = {
      id: 't1',
      clauseId: 'meals',
      visibility: 'public',
      createdAt: '2027-01-04T03:00:00.000Z',
      resolvedAt: null,
      resolvedByName: null,
      comments: [
        {
          id: 'c1',
          authorId: 'p-union',
          authorName: 'Anh Minh',
          side: 'union',
          body: `Nhờ ${mentionToken('p-employer')} xem; ${mentionToken('p-nobody')} gõ tay.`,
          mentions: ['p-employer'],
          createdAt: '2027-01-04T03:00:00.000Z',
        },
        {
          id: 'c2',
          authorId: 'p-union',
          authorName: 'Anh Minh',
          side: 'union',
          body: 'Ý kiến hai bên?',
          mentions: ['p-hoa', 'p-employer'],
          createdAt: '2027-01-04T03:05:00.000Z',
        },
      ],
    };
    const names = new Map([
      ['p-employer', 'Chị Lan'],
      ['p-hoa', 'Bà Hoa'],
      ['p-union', 'Anh Minh'],
    ]);
    const actions = { reply: () => Promise.resolve(), setResolved: () => Promise.resolve() };
    for (const language of ['vi', 'en'] as const) {
      await i18n.changeLanguage(language);
      const html = markup(
        <ThreadView
          thread={thread}
          phrase={undefined}
          onShowPhrase={() => {}}
          names={names}
          mentionable={[{ id: 'p-hoa', name: 'Bà Hoa' }]}
          canReply
          canResolve
          actions={actions}
        />,
        viewOf([], 'employer', 'p-employer'),
      );
      const text = visibleText(html);
      // Only the token the comment lists is a mention; one typed by hand stays as typed.
      expect(text).toContain(`Nhờ @Chị Lan xem; ${mentionToken('p-nobody')} gõ tay.`);
      expect(text).toContain('Ý kiến hai bên?@Bà Hoa @Chị Lan');
      expect(html.match(/<span class="mention me"[^>]*>@Chị Lan<\/span>/g)).toHaveLength(2);
      expect(html).toContain('<span class="mention" data-testid="mention" data-participant-id="p-hoa">@Bà Hoa</span>');
      expect(html.match(/class="comment mentions-me"/g)).toHaveLength(2);
      expect(text).toContain(language === 'vi' ? 'nhắc đến bạn' : 'mentions you');
      expect(text).toContain(language === 'vi' ? 'Gõ @ rồi tên để nhắc một người' : 'Type @ and a name to mention someone');
      expect(html).not.toContain('p-employer]');
    }
    // Read by someone else, nothing is marked as theirs.
    const other = markup(
      <ThreadView
        thread={thread}
        phrase={undefined}
        onShowPhrase={() => {}}
        names={names}
        mentionable={[]}
        canReply={false}
        canResolve={false}
        actions={actions}
      />,
      viewOf([], 'union', 'p-union'),
    );
    expect(other).not.toMatch(/mention me|mentions-me/);
    expect(other).not.toContain('phrase-quote');
  });

  it('a thread on words shows them as quoted, offers to show them in the text, and says when they were deleted', async () => {
    const thread: Thread = {
      id: 't1',
      clauseId: 'meals',
      anchor: { start: 'AcPFrL8EBwA=', end: 'AcPFrL8EHv8B', quote: 'một bữa ăn giữa ca' },
      visibility: 'union',
      createdAt: '2027-01-04T03:00:00.000Z',
      resolvedAt: null,
      resolvedByName: null,
      comments: [
        { id: 'c1', authorId: 'p-union', authorName: 'Anh Minh', side: 'union', body: 'Giữ cụm này', mentions: [], createdAt: '2027-01-04T03:00:00.000Z' },
      ],
    };
    const actions = { reply: () => Promise.resolve(), setResolved: () => Promise.resolve() };
    const shown = (phrase: 'here' | 'gone') =>
      visibleText(
        markup(
          <ThreadView
            thread={thread}
            phrase={phrase}
            onShowPhrase={() => {}}
            names={new Map()}
            mentionable={[]}
            canReply={false}
            canResolve={false}
            actions={actions}
          />,
          viewOf([], 'union', 'p-union'),
        ),
      );
    await i18n.changeLanguage('vi');
    expect(shown('here')).toContain('Về đoạnmột bữa ăn giữa caXem đoạn này trong văn bản');
    expect(shown('gone')).toContain('Về đoạnmột bữa ăn giữa caĐoạn này đã bị xoá khỏi văn bản; ý kiến vẫn gắn với điều.');
    await i18n.changeLanguage('en');
    expect(shown('here')).toContain('On the wordsmột bữa ăn giữa caShow these words in the text');
    expect(shown('gone')).toContain('These words were deleted from the text; the comment stays on its article.');
    for (const text of [shown('here'), shown('gone')]) expect(text).not.toMatch(/AcPFrL8E/);
  });

  it('shows what each wage position costs, and the article’s positions compared with the chart, in both languages; without a scale it says so', async () => {
    const raise = position({
      id: 'r1',
      kind: 'values',
      values: { annual_raise_percent: 7 },
      previousValues: { annual_raise_percent: 5 },
      status: 'superseded',
    });
    const counter = position({
      id: 'r2',
      kind: 'values',
      side: 'employer',
      authorName: 'Chị Lan',
      values: { annual_raise_percent: 6 },
      previousValues: { annual_raise_percent: 5 },
      answers: 'r1',
      createdAt: '2027-01-04T04:00:00.000Z',
    });
    const base = viewOf([raise, counter], 'union');
    const workforce = [{ grade: 'A1', step: 1, headcount: 200, monthlyWage: 7_000_000, regularAllowances: 0, irregularAllowances: 0 }];
    const values = { annual_raise_percent: 5, effective_date: '2027-01-01', term_years: '1', region: 'I' };
    const view: NegotiationView = { ...base, costing: { ...base.costing, values, workforce } };
    for (const language of ['vi', 'en'] as const) {
      await i18n.changeLanguage(language);
      // +2 % on 200 × 7,000,000 for 12 months: 336,000,000 + 23.5 % = 414,960,000; the counter's +1 %: 207,480,000 (50 %).
      const card = visibleText(markup(<ProposalCard proposal={raise} />, view));
      expect(card).toMatch(language === 'vi' ? /Chi phí: 414\.960\.000\s₫ mỗi năm/ : /Cost: ₫414,960,000 a year/);
      expect(card).toContain(language === 'vi' ? 'theo thang lương (200 người)' : 'on the salary scale (200 workers)');
      const ledger = markup(<ArticleLedger clauseId="ot" status={undefined} suggestions={noSuggestions} />, view);
      expect(visibleText(ledger)).toMatch(
        language === 'vi'
          ? /Đề xuất của người sử dụng lao động tốn 207\.480\.000\s₫ mỗi năm, bằng 50\s?% đề xuất của công đoàn\./
          : /The employer’s position costs ₫207,480,000 a year, 50% of the union’s position\./,
      );
      expect(ledger).toContain('data-testid="cost-chart"');
      expect(ledger.match(/<rect /g)).toHaveLength(2);
      expect(ledger).not.toMatch(/\{\{|annual_raise_percent/);
      const bare = visibleText(markup(<ProposalCard proposal={raise} />, base));
      expect(bare).toContain(language === 'vi' ? 'văn bản chưa có thang lương' : 'the document has no salary scale');
    }
    // A position on no wage variable shows no cost at all.
    const leave = position({ id: 'l1', kind: 'values', values: { annual_leave_days: 14 }, previousValues: { annual_leave_days: 12 } });
    expect(markup(<ProposalCard proposal={leave} />, view)).not.toContain('position-cost');

    // Then the union suggests 8 % right in the text (decision 0029): the comparison weighs that as
    // its position, +3 % = 622,440,000 a year, and the employer's counter as a third of it.
    const suggested: SuggestionPosition = {
      clauseId: 'ot',
      side: 'union',
      authorNames: ['Anh Minh'],
      latestAt: '2027-01-05T04:00:00.000Z',
      ids: ['s1'],
      values: { annual_raise_percent: 8 },
      previousValues: { annual_raise_percent: 5 },
    };
    for (const language of ['vi', 'en'] as const) {
      await i18n.changeLanguage(language);
      const ledger = markup(<ArticleLedger clauseId="ot" status={undefined} suggestions={{ positions: [suggested], history: [] }} />, view);
      const compared = visibleText(/<section class="cost-comparison"[\s\S]*?<\/section>/.exec(ledger)?.[0] ?? '');
      expect(compared).toMatch(
        language === 'vi' ? /Gợi ý sửa của công đoàn tốn 622\.440\.000\s₫ mỗi năm\./ : /The union’s suggestions cost ₫622,440,000 a year\./,
      );
      expect(compared).toMatch(
        language === 'vi'
          ? /Đề xuất của người sử dụng lao động tốn 207\.480\.000\s₫ mỗi năm, bằng 33\s?% đề xuất của công đoàn\./
          : /The employer’s position costs ₫207,480,000 a year, 33% of the union’s position\./,
      );
      expect(compared).not.toMatch(/414\.960\.000|414,960,000 a year\./);
    }
  });
});
