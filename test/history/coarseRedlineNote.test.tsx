import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '#shared/api/versions';
import type { ArticleElement } from '#shared/document/nodes';
import { articleLines, type RedlineSide } from '#shared/negotiation/positionRedline';
import { replacementProposal } from '../../bench/lib/hostileDiffs';
import { ComparisonView } from '../../renderer/history/ComparisonView';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { Redline } from '../../renderer/negotiation/Redline';

// The note under a redline compared more coarsely than word by word, as the interface renders it
// in both languages: translated words, no internal identifier among them.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } });
});

/** An article as one side of a position's redline. */
const side = (article: ArticleElement): RedlineSide => ({ lines: articleLines(article), isMarked: true, values: {} });

/** A bare article of a title and one paragraph. */
const short = (text: string): ArticleElement => ({
  type: 'article',
  clauseId: 'a',
  children: [
    { type: 'article-title', children: [{ text: 'Thưởng Tết' }] },
    { type: 'paragraph', children: [{ text }] },
  ],
});

const markup = (element: React.ReactElement): string => renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);

/** What a reader sees: the markup's text, tags dropped. */
const visibleText = (element: React.ReactElement): string => markup(element).replace(/<[^>]+>/g, '');

/** The text of each note under a redline. */
const notes = (element: React.ReactElement): string[] =>
  [...markup(element).matchAll(/<p[^>]*data-testid="coarse-diff-note"[^>]*>([^<]*)<\/p>/g)].map((match) => match[1] ?? '');

describe('the note under a coarse redline', () => {
  const hostile = replacementProposal();
  const proposal = <Redline before={side(hostile.current)} after={side(hostile.proposed)} />;

  it('shows under a 6,000-word proposal, in Vietnamese and in English', async () => {
    await i18n.changeLanguage('vi');
    expect(notes(proposal)).toEqual([vi.redline.sentence]);
    await i18n.changeLanguage('en');
    expect(notes(proposal)).toEqual([en.redline.sentence]);
  });

  it('is not there under a redline compared word by word', async () => {
    await i18n.changeLanguage('en');
    const wordByWord = <Redline before={side(short('Một tháng lương.'))} after={side(short('Hai tháng lương.'))} />;
    expect(notes(wordByWord)).toEqual([]);
    expect(visibleText(wordByWord)).toBe('Thưởng Tết\nMộtHai tháng lương.');
  });

  it('shows in a comparison for each article compared more coarsely, with its own wording', async () => {
    const change = (clauseId: string, granularity: Comparison['articles'][number]['granularity']): Comparison['articles'][number] => ({
      clauseId,
      status: 'changed',
      textChanged: true,
      before: { number: 1, title: 'Tiền lương' },
      after: { number: 1, title: 'Tiền lương' },
      segments: [
        { kind: 'deleted', text: 'cũ' },
        { kind: 'inserted', text: 'mới' },
      ],
      granularity,
      authors: [],
    });
    const at = '2027-01-04T08:30:00.000Z';
    const comparison: Comparison = {
      from: { versionId: 'v1', number: 1, at, kind: 'version' },
      to: { versionId: null, number: null, at, kind: 'current' },
      articles: [change('a', 'word'), change('b', 'paragraph'), change('c', 'article')],
      variables: [],
      counts: { added: 0, removed: 0, moved: 0, changed: 3 },
    };
    await i18n.changeLanguage('vi');
    expect(notes(<ComparisonView comparison={comparison} />)).toEqual([vi.redline.paragraph, vi.redline.article]);
    await i18n.changeLanguage('en');
    expect(notes(<ComparisonView comparison={comparison} />)).toEqual([en.redline.paragraph, en.redline.article]);
  });
});
