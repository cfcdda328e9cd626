import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDiffBudget } from '#shared/document/sequenceDiff';
import type { ArticleElement } from '#shared/document/nodes';
import { contentRoot, encodeInitialContent } from '#shared/document/yjsContent';
import { buildMinutes } from '#shared/negotiation/minutes';
import { buildMinutesDocument } from '#shared/export/minutesModel';
import { partyNames } from '#shared/export/parties';
import { builtInVariables } from '#shared/templates/builtInVariables';
import { partyFacts } from '../export/agreementFixture';
import { openArticle, type ArticleNegotiation } from '#shared/negotiation/model';
import { redlineSides } from '#shared/negotiation/positionRedline';
import {
  articleWithSuggestions,
  shownArticleStatus,
  suggestionPositionSides,
  suggestionsAsPositions,
  type SuggestionHistoryEntry,
} from '#shared/negotiation/suggestionPositions';
import { saveSuggestionRecord, type SuggestionRecord } from '#shared/negotiation/suggestions';
import { article, paragraph } from '../editor/builders';
import { suggestionRecord } from '../helpers/suggestionRecord';

// Decision 0029: a side's pending suggestions on an article are its position there; the ledger,
// every status view and the minutes read them from the body and the server's records.

/** The body paragraph of an article of the document (by its place). */
function paragraphOf(doc: Y.Doc, articleIndex: number): Y.XmlText {
  const articleText = (contentRoot(doc).toDelta() as { insert: Y.XmlText }[])[articleIndex]?.insert;
  const paragraph = (articleText?.toDelta() as { insert: Y.XmlText }[] | undefined)?.[1]?.insert;
  if (!paragraph) throw new Error('no paragraph');
  return paragraph;
}

/** Two articles; in the wage one, the union suggests two changes, the employer one; the meal one holds a decided suggestion. */
function negotiatedDocument(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, encodeInitialContent({ blocks: [article('wage', 'Tiền lương', 'Lương tối thiểu vùng.'), article('meals', 'Bữa ăn', 'Mỗi suất.')] }));
  const wage = paragraphOf(doc, 0);
  doc.transact(() => {
    wage.insert('Lương tối thiểu vùng'.length, ' cộng 10%', { suggestInsert: 'u-them' });
    wage.format(0, 'Lương '.length, { suggestDelete: 'u-bo' });
    wage.insert(0, 'Theo quy chế, ', { suggestInsert: 'e-quy-che' });
    // A mark the server never recorded: nobody's position.
    paragraphOf(doc, 1).insert(0, 'Lạ ', { suggestInsert: 'unrecorded' });
    saveSuggestionRecord(doc, suggestionRecord('u-them', { createdAt: '2027-01-04T03:00:00.000Z' }));
    saveSuggestionRecord(doc, suggestionRecord('u-bo', { authorName: 'Chị Hoa', createdAt: '2027-01-04T03:20:00.000Z' }));
    saveSuggestionRecord(
      doc,
      suggestionRecord('e-quy-che', { side: 'employer', authorName: 'Chị Lan', authorId: 'p-employer', createdAt: '2027-01-04T03:10:00.000Z' }),
    );
    saveSuggestionRecord(
      doc,
      suggestionRecord('meal-done', {
        clauseId: 'meals',
        status: 'rejected',
        decidedAt: '2027-01-04T04:00:00.000Z',
        decidedByName: 'Chị Lan',
        decidedText: { inserted: 'hai ', deleted: '' },
      }),
    );
  });
  return doc;
}

const wageWithMarks = (doc: Y.Doc): ArticleElement => {
  // As the editor holds it: Slate nodes with the marks.
  return {
    type: 'article',
    clauseId: 'wage',
    children: [
      { type: 'article-title', children: [{ text: 'Tiền lương' }] },
      {
        type: 'paragraph',
        children: (paragraphOf(doc, 0).toDelta() as { insert: string; attributes?: Record<string, string> }[]).map((run) => ({
          text: run.insert,
          ...run.attributes,
        })),
      },
    ],
  };
};

/** The minutes of a session on the wage article alone (open), telling these suggestions. */
const wageMinutes = (suggestions: SuggestionHistoryEntry[]) =>
  buildMinutes({
    documentTitle: 'Thỏa ước 2027',
    blocks: [article('wage', 'Tiền lương', 'Lương tối thiểu vùng.')],
    proposals: [],
    articles: [openArticle('wage')],
    participants: [],
    round: { leftOut: [] },
    since: '2027-01-04T02:00:00Z',
    now: '2027-01-04T09:00:00.000Z',
    publishedScenarios: [],
    suggestions,
  });

/** The text of the minutes as printed in Vietnamese, with the built-in variables' names. */
const minutesPaper = (minutes: ReturnType<typeof buildMinutes>): string =>
  JSON.stringify(
    buildMinutesDocument({
      minutes,
      kind: 'enterprise_agreement',
      parties: partyNames(partyFacts),
      language: 'vi',
      lookupVariable: (id) => builtInVariables().find((variable) => variable.id === id),
    }).blocks,
  );

describe('suggestions as positions (decision 0029)', () => {
  it('groups the pending suggestions of the body by article and side: authors, the latest time, the ids; an unrecorded or decided one is no position', () => {
    expect(suggestionsAsPositions(negotiatedDocument()).positions).toEqual([
      {
        clauseId: 'wage',
        side: 'employer',
        authorNames: ['Chị Lan'],
        latestAt: '2027-01-04T03:10:00.000Z',
        ids: ['e-quy-che'],
        values: {},
        previousValues: {},
      },
      {
        clauseId: 'wage',
        side: 'union',
        authorNames: ['Chị Hoa', 'Anh Minh'],
        latestAt: '2027-01-04T03:20:00.000Z',
        ids: ['u-bo', 'u-them'],
        values: {},
        previousValues: {},
      },
    ]);
  });

  it('a suggested value is a position of its side in every article showing its variable, carrying the value as a proposal does, and no longer once decided', () => {
    const doc = new Y.Doc({ gc: false });
    const showing = (clauseId: string, title: string): ArticleElement => ({
      ...article(clauseId, title),
      children: [
        { type: 'article-title', children: [{ text: title }] },
        paragraph('Mức lương thấp nhất là ', { type: 'variable', variableId: 'luong_toi_thieu', children: [{ text: '' }] }, '.'),
      ],
    });
    Y.applyUpdate(
      doc,
      encodeInitialContent({ blocks: [showing('wage', 'Tiền lương'), article('meals', 'Bữa ăn', 'Mỗi suất.'), showing('trial', 'Thử việc')] }),
    );
    const value = suggestionRecord('v-luong', { value: { variableId: 'luong_toi_thieu', from: 4_960_000, to: 5_200_000 } });
    saveSuggestionRecord(doc, value);
    const carried = { values: { luong_toi_thieu: 5_200_000 }, previousValues: { luong_toi_thieu: 4_960_000 } };
    expect(suggestionsAsPositions(doc).positions).toEqual([
      { clauseId: 'wage', side: 'union', authorNames: ['Anh Minh'], latestAt: value.createdAt, ids: ['v-luong'], ...carried },
      { clauseId: 'trial', side: 'union', authorNames: ['Anh Minh'], latestAt: value.createdAt, ids: ['v-luong'], ...carried },
    ]);
    // The position's redline shows the suggested value in its chip, the text now the value now.
    const [wagePosition] = suggestionsAsPositions(doc).positions;
    if (!wagePosition) throw new Error('no position');
    const sides = suggestionPositionSides(wagePosition, showing('wage', 'Tiền lương'), { luong_toi_thieu: 4_960_000 });
    expect(sides.before.values).toEqual({ luong_toi_thieu: 4_960_000 });
    expect(sides.after.values).toEqual({ luong_toi_thieu: 5_200_000 });
    // Its record is told in the history of the article it was made for (the value itself is not).
    expect(suggestionsAsPositions(doc).history).toEqual([{ record: value, clauseId: 'wage', inserted: '', deleted: '' }]);
    // A value none had before changes nothing the costing reads as before.
    saveSuggestionRecord(doc, { ...value, value: { variableId: 'luong_toi_thieu', from: null, to: 5_200_000 } });
    expect(suggestionsAsPositions(doc).positions[0]).toMatchObject({ values: { luong_toi_thieu: 5_200_000 }, previousValues: {} });
    saveSuggestionRecord(doc, { ...value, status: 'accepted', decidedAt: '2027-01-04T04:00:00.000Z', decidedByName: 'Chị Lan' });
    expect(suggestionsAsPositions(doc).positions).toEqual([]);
  });

  it('redlines a side’s position: the accepted text against the text with that side’s suggestions accepted, the other side’s left out', () => {
    const doc = negotiatedDocument();
    const marked = wageWithMarks(doc);
    const union = suggestionsAsPositions(doc).positions.find((position) => position.side === 'union');
    if (!union) throw new Error('no union position');
    const texts = (node: ArticleElement) => node.children.map((child) => child.children.map((run) => ('text' in run ? run.text : '')).join(''));
    expect(texts(articleWithSuggestions(marked, new Set(union.ids)))).toEqual(['Tiền lương', 'tối thiểu vùng cộng 10%.']);
    expect(texts(articleWithSuggestions(marked, new Set(['e-quy-che'])))).toEqual(['Tiền lương', 'Theo quy chế, Lương tối thiểu vùng.']);
    const sides = suggestionPositionSides(union, marked, {});
    const reading = { lookup: () => undefined, language: 'vi' as const, labelLanguage: 'vi' as const };
    const segments = redlineSides(sides.before, sides.after, reading, createDiffBudget()).segments.map((segment) => ({
      kind: segment.kind,
      text: segment.parts.map((part) => ('text' in part ? part.text : part.chip)).join(''),
    }));
    expect(segments.filter(({ kind }) => kind === 'deleted').map(({ text }) => text.trim())).toEqual(['Lương']);
    expect(segments.filter(({ kind }) => kind === 'inserted').map(({ text }) => text.trim())).toEqual(['cộng 10%']);
    expect(JSON.stringify(segments)).not.toContain('quy chế');
  });

  it('a side’s position accepts its own new and deleted blocks and formatting, and leaves the other side’s out', () => {
    const marked: ArticleElement = {
      type: 'article',
      clauseId: 'wage',
      children: [
        { type: 'article-title', children: [{ text: 'Tiền lương' }] },
        { type: 'paragraph', children: [{ text: 'Lương tháng', bold: true, suggestFormat: 'u-dam', suggestFormatFrom: 'plain' }, { text: '.' }] },
        { ...paragraph('Khoản của công đoàn.'), suggestInsert: 'u-khoan' },
        { ...paragraph('Khoản công đoàn muốn bỏ.'), suggestDelete: 'u-bo-khoan' },
        { ...paragraph('Khoản của công ty.'), suggestInsert: 'e-khoan' },
      ],
    };
    expect(articleWithSuggestions(marked, new Set(['u-dam', 'u-khoan', 'u-bo-khoan'])).children).toEqual([
      { type: 'article-title', children: [{ text: 'Tiền lương' }] },
      { type: 'paragraph', children: [{ text: 'Lương tháng', bold: true }, { text: '.' }] },
      paragraph('Khoản của công đoàn.'),
    ]);
  });

  it('an agreed article holding pending suggestions reads open, reopened by their sides; without them, as recorded', () => {
    const agreed: ArticleNegotiation = { ...openArticle('wage'), status: 'agreed' };
    expect(shownArticleStatus(agreed, ['union'])).toEqual({ status: 'open', reopenedBySuggestion: ['union'] });
    expect(shownArticleStatus(agreed, [])).toEqual({ status: 'agreed', reopenedBySuggestion: [] });
    expect(shownArticleStatus({ ...agreed, status: 'disputed' }, ['employer'])).toEqual({ status: 'disputed', reopenedBySuggestion: [] });
  });

  it('tells every suggestion in an article in the order made: pending ones with their text now, decided ones with the text decided', () => {
    const { history } = suggestionsAsPositions(negotiatedDocument());
    expect(history.map(({ record: { id, status }, clauseId, inserted, deleted }) => [id, status, clauseId, inserted, deleted])).toEqual([
      ['u-them', 'pending', 'wage', ' cộng 10%', ''],
      ['meal-done', 'rejected', 'meals', 'hai ', ''],
      ['e-quy-che', 'pending', 'wage', 'Theo quy chế, ', ''],
      ['u-bo', 'pending', 'wage', '', 'Lương '],
    ]);
  });

  it('the minutes tell suggestions made and decided during the session with the positions, and an agreed article held open by one is not listed as agreed', () => {
    const suggestion = (id: string, fields: Partial<SuggestionRecord>, inserted: string, deleted = ''): SuggestionHistoryEntry => ({
      record: suggestionRecord(id, fields),
      clauseId: fields.clauseId ?? 'wage',
      inserted,
      deleted,
    });
    const minutes = buildMinutes({
      documentTitle: 'Thỏa ước 2027',
      blocks: [article('wage', 'Tiền lương', 'Lương tối thiểu vùng.'), article('meals', 'Bữa ăn', 'Mỗi suất.')],
      proposals: [],
      articles: [
        { ...openArticle('wage'), status: 'agreed' },
        { ...openArticle('meals'), status: 'agreed' },
      ],
      participants: [],
      round: { leftOut: [] },
      since: '2027-01-04T02:00:00Z',
      now: '2027-01-04T09:00:00.000Z',
      publishedScenarios: [],
      suggestions: [
        // Made and decided before the session: not this session's.
        suggestion('old', { status: 'accepted', createdAt: '2027-01-03T03:00:00.000Z', decidedAt: '2027-01-03T04:00:00.000Z', decidedByName: 'Chị Lan' }, 'cũ'),
        suggestion('them', { status: 'accepted', decidedAt: '2027-01-04T05:00:00.000Z', decidedByName: 'Chị Lan' }, ' cộng 10%'),
        suggestion(
          'rut',
          { status: 'withdrawn', createdAt: '2027-01-04T03:30:00.000Z', decidedAt: '2027-01-04T03:40:00.000Z', decidedByName: 'Anh Minh' },
          '',
          'vùng',
        ),
        suggestion('cho', { clauseId: 'meals', side: 'employer', authorName: 'Chị Lan', createdAt: '2027-01-04T06:00:00.000Z' }, 'hai '),
      ],
    });
    expect(minutes.agreed.map((article) => article.clauseId)).toEqual(['wage']);
    const byArticle = new Map(minutes.ledger.map((article) => [article.clauseId, article]));
    expect(byArticle.get('meals')?.standing).toBe('open');
    expect(byArticle.get('wage')?.entries.map((entry) => [entry.at, entry.side, entry.byName, entry.step, entry.outcome])).toEqual([
      ['2027-01-04T03:00:00.000Z', 'union', 'Anh Minh', { suggestion: { inserted: ' cộng 10%', deleted: '' } }, { status: 'accepted', byName: 'Chị Lan' }],
      ['2027-01-04T03:30:00.000Z', 'union', 'Anh Minh', { suggestion: { inserted: '', deleted: 'vùng' } }, { status: 'withdrawn', byName: 'Anh Minh' }],
      [
        '2027-01-04T03:40:00.000Z',
        'union',
        'Anh Minh',
        { suggestionDecision: { status: 'withdrawn', authorName: 'Anh Minh', authorSide: 'union', inserted: '', deleted: 'vùng' } },
        null,
      ],
      [
        '2027-01-04T05:00:00.000Z',
        'employer',
        'Chị Lan',
        { suggestionDecision: { status: 'accepted', authorName: 'Anh Minh', authorSide: 'union', inserted: ' cộng 10%', deleted: '' } },
        null,
      ],
    ]);
    expect(byArticle.get('meals')?.entries.map((entry) => entry.outcome)).toEqual([{ status: 'open', byName: null }]);
  });

  it('the history and the minutes tell a formatting suggestion with its change: from the body while pending, from the record once decided', () => {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, encodeInitialContent({ blocks: [article('wage', 'Tiền lương', 'Lương tối thiểu vùng.')] }));
    const format = { text: 'Lương', added: ['bold' as const], removed: [] };
    doc.transact(() => {
      paragraphOf(doc, 0).format(0, 'Lương'.length, { bold: true, suggestFormat: 'dam', suggestFormatFrom: 'plain' });
      saveSuggestionRecord(doc, suggestionRecord('dam'));
      saveSuggestionRecord(
        doc,
        suggestionRecord('nghieng', {
          status: 'rejected',
          createdAt: '2027-01-04T03:10:00.000Z',
          decidedAt: '2027-01-04T03:20:00.000Z',
          decidedByName: 'Chị Lan',
          decidedText: { inserted: '', deleted: '', format: { text: 'vùng', added: ['italic'], removed: [] } },
        }),
      );
    });
    const { history } = suggestionsAsPositions(doc);
    expect(history.map(({ record: { id }, format: change }) => [id, change])).toEqual([
      ['dam', format],
      ['nghieng', { text: 'vùng', added: ['italic'], removed: [] }],
    ]);
    const minutes = wageMinutes(history);
    const paper = minutesPaper(minutes);
    expect(paper).toContain('Gợi ý sửa ngay trong văn bản: in đậm “Lương”');
    expect(paper).toContain('in nghiêng “vùng”');
  });

  it('the history and the minutes tell a block suggestion with its blocks, a chip by its variable’s name, never its id', () => {
    const decided = suggestionRecord('dieu-moi', {
      status: 'accepted',
      decidedAt: '2027-01-04T04:00:00.000Z',
      decidedByName: 'Chị Lan',
      decidedText: { inserted: '', deleted: '', blocks: [{ change: 'insert', type: 'clause', text: 'Lương không thấp hơn {{min_wage_monthly}}.\nDòng hai' }] },
    });
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, encodeInitialContent({ blocks: [article('wage', 'Tiền lương', 'Lương tối thiểu vùng.')] }));
    saveSuggestionRecord(doc, decided);
    const { history } = suggestionsAsPositions(doc);
    expect(history.map((entry) => entry.blocks)).toEqual([decided.decidedText?.blocks]);
    const minutes = wageMinutes(history);
    const paper = minutesPaper(minutes);
    expect(paper).toMatch(/Gợi ý sửa ngay trong văn bản: thêm khoản “Lương không thấp hơn \[[^\]{}]+\]\.”/);
    expect(paper).not.toContain('min_wage_monthly');
  });

  it('the minutes tell a suggested value with its change, and the paper does not leave an empty text after the step', () => {
    const value = suggestionRecord('gia-tri', {
      value: { variableId: 'min_wage_monthly', from: 4_960_000, to: 5_200_000 },
      createdAt: '2027-01-04T03:00:00.000Z',
    });
    const minutes = wageMinutes([{ record: value, clauseId: 'wage', inserted: '', deleted: '' }]);
    const [entry] = minutes.ledger.find((article) => article.clauseId === 'wage')?.entries ?? [];
    expect(entry?.values).toEqual([{ variableId: 'min_wage_monthly', from: 4_960_000, to: 5_200_000 }]);
    const paper = minutesPaper(minutes);
    expect(paper).toMatch(/Gợi ý sửa ngay trong văn bản\. [^"]*4\.960\.000[^"]*→[^"]*5\.200\.000/);
    expect(paper).not.toContain('Gợi ý sửa ngay trong văn bản:');
  });
});
