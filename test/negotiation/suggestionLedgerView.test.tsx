import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleElement } from '#shared/document/nodes';
import { defaultCostingSettings } from '#shared/costing/positionCost';
import { openArticle, type ArticleNegotiation, type Proposal } from '#shared/negotiation/model';
import type { SuggestionHistoryEntry, SuggestionPosition } from '#shared/negotiation/suggestionPositions';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { ArticleControls } from '../../renderer/negotiation/ArticleControls';
import { ArticleLedger } from '../../renderer/negotiation/ArticleLedger';
import { NegotiationViewContext, type NegotiationView } from '../../renderer/negotiation/negotiationView';
import type { ApiClient } from '#shared/api/client';
import { suggestionRecord } from '../helpers/suggestionRecord';

// Decision 0029 as the interface shows it: a side's pending suggestions are a position in the
// article's ledger, beside its formal proposal, and its history tells each suggestion and decision
// with the proposals, in order, in Vietnam's time, in both languages, without an id.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } });
});

/** The wage article as the editor holds it: the union suggests replacing "tối thiểu" by "cao nhất". */
const marked: ArticleElement = {
  type: 'article',
  clauseId: 'wage',
  children: [
    { type: 'article-title', children: [{ text: 'Tiền lương' }] },
    {
      type: 'paragraph',
      children: [{ text: 'Lương ' }, { text: 'tối thiểu', suggestDelete: 'thay-muc' }, { text: 'cao nhất', suggestInsert: 'thay-muc' }, { text: ' vùng.' }],
    },
  ],
};
const plainText = 'Tiền lương\nLương tối thiểu vùng.';

const history: SuggestionHistoryEntry[] = [
  {
    record: suggestionRecord('bo-vung', {
      createdAt: '2027-01-04T02:00:00.000Z',
      status: 'rejected',
      decidedAt: '2027-01-04T02:30:00.000Z',
      decidedByName: 'Chị Lan',
    }),
    clauseId: 'wage',
    inserted: '',
    deleted: 'vùng',
  },
  { record: suggestionRecord('thay-muc'), clauseId: 'wage', inserted: 'cao nhất', deleted: 'tối thiểu' },
];
const positions: SuggestionPosition[] = [
  { clauseId: 'wage', side: 'union', authorNames: ['Anh Minh'], latestAt: '2027-01-04T03:00:00.000Z', ids: ['thay-muc'], values: {}, previousValues: {} },
];

const proposal: Proposal = {
  id: 'p-union-1',
  clauseId: 'wage',
  kind: 'replace',
  side: 'union',
  authorId: 'p-union',
  authorName: 'Anh Minh',
  rationale: 'Giá sinh hoạt tăng.',
  article: {
    ...marked,
    children: [
      { type: 'article-title', children: [{ text: 'Tiền lương' }] },
      { type: 'paragraph', children: [{ text: 'Lương gấp rưỡi tối thiểu vùng.' }] },
    ],
  },
  values: {},
  previousValues: {},
  baseText: plainText,
  status: 'open',
  createdAt: '2027-01-04T02:45:00.000Z',
  answers: null,
  supersededBy: null,
  decidedAt: null,
  decidedById: null,
  decidedByName: null,
  reason: null,
  packageId: null,
};

function viewOf(proposals: Proposal[]): NegotiationView {
  const refuse = () => Promise.reject(new Error('not in this test'));
  return {
    positions: {
      proposal: (id) => proposals.find((candidate) => candidate.id === id),
      article: (clauseId) => (clauseId === 'wage' ? marked : null),
      values: {},
    },
    proposals,
    articleLabel: () => 'Điều 3. Tiền lương',
    articleNumber: () => 3,
    side: 'employer',
    participantId: 'p-employer',
    run: (work) => work().then(() => undefined),
    open: () => undefined,
    accept: refuse,
    reject: refuse,
    withdraw: refuse,
    costing: { values: {}, workforce: [], settings: defaultCostingSettings, today: '2027-01-04' },
    exportCosting: refuse,
  };
}

const markup = (element: React.ReactElement, view: NegotiationView): string =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <NegotiationViewContext.Provider value={view}>{element}</NegotiationViewContext.Provider>
    </I18nextProvider>,
  );

const visibleText = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('suggestions in the ledger and the article’s status', () => {
  it('shows a side’s pending suggestions as its current position (who, when, the redline), says whether it or the formal proposal is newer, and tells every suggestion in order with the proposals', async () => {
    const status: ArticleNegotiation = {
      ...openArticle('wage'),
      history: [{ type: 'disputed', side: 'employer', byName: 'Chị Lan', at: '2027-01-04T03:30:00Z', note: null }],
    };
    for (const [language, expected] of [
      [
        'vi',
        [
          'Gợi ý sửa trong văn bản: ý kiến hiện tại',
          'Anh Minh · gần nhất 10:00 04/01/2027',
          'Mới hơn đề xuất chính thức của bên này về điều này.',
          'Chị Lan từ chối gợi ý của Anh Minh',
          'bỏ “vùng”',
        ],
      ],
      [
        'en',
        [
          'Suggestions in the text: current position',
          'Anh Minh · latest 04/01/2027, 10:00',
          'Newer than this side’s formal proposal on the article.',
          'Chị Lan rejected the suggestion of Anh Minh',
          'delete “vùng”',
        ],
      ],
    ] as const) {
      await i18n.changeLanguage(language);
      const html = markup(<ArticleLedger clauseId="wage" status={status} suggestions={{ positions, history }} />, viewOf([proposal]));
      const text = visibleText(html);
      for (const phrase of expected) expect(text).toContain(phrase);
      expect(html).not.toMatch(/thay-muc|bo-vung|p-union/);
      // The position's redline: the words suggested for deletion struck, those suggested inserted.
      const position = html.slice(html.indexOf('data-testid="suggestion-positions"'), html.indexOf('data-testid="article-ledger"'));
      expect(position).toMatch(/<del>[^<]*tối thiểu[^<]*<\/del>/);
      expect(position).toMatch(/<ins>[^<]*cao nhất[^<]*<\/ins>/);
    }
    const html = markup(<ArticleLedger clauseId="wage" status={status} suggestions={{ positions, history }} />, viewOf([proposal]));
    expect([...html.matchAll(/data-entry="([a-z_]+)"/g)].map((match) => match[1])).toEqual([
      'suggestion_position',
      'suggestion',
      'suggestion_rejected',
      'position',
      'suggestion',
      'disputed',
    ]);
    // A formal proposal made after the suggestions is the newer one.
    await i18n.changeLanguage('en');
    const later = markup(
      <ArticleLedger clauseId="wage" status={status} suggestions={{ positions, history }} />,
      viewOf([{ ...proposal, createdAt: '2027-01-04T04:00:00.000Z' }]),
    );
    expect(visibleText(later)).toContain('This side’s formal proposal on the article is newer.');
  });

  it('costs a side’s suggested wage values as its position, as a proposal’s, in both languages; a position on no wage variable shows no cost', async () => {
    // The union suggests raising the annual raise from 5 % to 7 %: +2 % on 200 × 7,000,000 for
    // 12 months is 336,000,000, with the employer's contributions (23.5 %) 414,960,000.
    const raise: SuggestionPosition = {
      ...(positions[0] as SuggestionPosition),
      ids: ['thay-muc', 'tang-luong'],
      values: { annual_raise_percent: 7 },
      previousValues: { annual_raise_percent: 5 },
    };
    const base = viewOf([]);
    const workforce = [{ grade: 'A1', step: 1, headcount: 200, monthlyWage: 7_000_000, regularAllowances: 0, irregularAllowances: 0 }];
    const values = { annual_raise_percent: 5, effective_date: '2027-01-01', term_years: '1', region: 'I' };
    const view: NegotiationView = { ...base, costing: { ...base.costing, values, workforce } };
    const positionPart = (html: string): string => html.slice(html.indexOf('data-testid="suggestion-positions"'), html.indexOf('data-testid="article-ledger"'));
    for (const [language, cost, onScale] of [
      ['vi', /Chi phí: 414\.960\.000\s₫ mỗi năm/, 'theo thang lương (200 người)'],
      ['en', /Cost: ₫414,960,000 a year/, 'on the salary scale (200 workers)'],
    ] as const) {
      await i18n.changeLanguage(language);
      const shown = visibleText(positionPart(markup(<ArticleLedger clauseId="wage" status={undefined} suggestions={{ positions: [raise], history }} />, view)));
      expect(shown).toMatch(cost);
      expect(shown).toContain(onScale);
      expect(shown).not.toMatch(/annual_raise_percent|tang-luong/);
    }
    const textOnly = markup(<ArticleLedger clauseId="wage" status={undefined} suggestions={{ positions, history }} />, view);
    expect(textOnly).toContain('data-entry="suggestion_position"');
    expect(textOnly).not.toContain('position-cost');
  });

  it('shows an agreed article holding a pending suggestion as open, reopened by that side’s suggestion, and as agreed without it', async () => {
    await i18n.changeLanguage('en');
    const agreed: ArticleNegotiation = { ...openArticle('wage'), status: 'agreed', agreedText: plainText };
    const client = {} as ApiClient;
    const reopened = markup(<ArticleControls clauseId="wage" status={agreed} suggestingSides={['union']} client={client} documentId="d" />, viewOf([]));
    expect(reopened).toContain('data-status="open"');
    expect(visibleText(reopened)).toContain('Agreed, reopened by a suggestion of Trade union');
    const settled = markup(<ArticleControls clauseId="wage" status={agreed} suggestingSides={[]} client={client} documentId="d" />, viewOf([]));
    expect(settled).toContain('data-status="agreed"');
  });
});
