import { describe, expect, it } from 'vitest';
import type { ArticleElement } from '#shared/document/nodes';
import { articleTemplateSchema } from '#shared/templates/schema';
import {
  articleBodyBlocks,
  articleTitleText,
  draftFromArticle,
  draftFromEdit,
  parseLabourCodeArticles,
  parseTopics,
  topicIdFromText,
  type DraftFields,
} from '../../renderer/library/templateDraft';

const chip = (variableId: string) => ({ type: 'variable' as const, variableId, children: [{ text: '' }] as [{ text: '' }] });

const article: ArticleElement = {
  type: 'article',
  clauseId: 'a1',
  templateId: 'cla.wages.meals',
  children: [
    { type: 'article-title', children: [{ text: 'Bữa ăn giữa ca ' }, chip('meal_allowance'), { text: '' }] },
    { type: 'paragraph', children: [{ text: 'Mỗi ca được hỗ trợ ', bold: true }, chip('meal_allowance'), { text: '.' }] },
    { type: 'clause', children: [{ text: 'Ca đêm được thêm một bữa phụ.' }] },
    { type: 'point', children: [{ text: '   ' }] },
    {
      type: 'bulleted-list',
      children: [
        { type: 'list-item', children: [{ text: 'Cơm' }] },
        { type: 'list-item', children: [{ text: '' }] },
      ],
    },
    {
      type: 'table',
      children: [
        {
          type: 'table-row',
          children: [
            { type: 'table-cell', header: true, children: [{ text: 'Ca' }] },
            { type: 'table-cell', header: true, children: [{ text: 'Mức' }] },
          ],
        },
        {
          type: 'table-row',
          children: [
            { type: 'table-cell', children: [{ text: 'Đêm' }] },
            { type: 'table-cell', children: [chip('meal_allowance')] },
          ],
        },
        {
          type: 'table-row',
          children: [
            { type: 'table-cell', children: [{ text: '' }] },
            { type: 'table-cell', children: [{ text: '' }] },
          ],
        },
      ],
    },
  ],
};

describe('a template draft from an article of the document', () => {
  it('keeps paragraphs, clauses and points, turns chips into {{placeholders}}, flattens lists and tables, drops empty blocks', () => {
    expect(articleBodyBlocks(article).map((block) => [block.type, block.text.vi])).toEqual([
      ['paragraph', 'Mỗi ca được hỗ trợ {{meal_allowance}}.'],
      ['clause', 'Ca đêm được thêm một bữa phụ.'],
      ['paragraph', '- Cơm'],
      ['paragraph', 'Ca | Mức'],
      ['paragraph', 'Đêm | {{meal_allowance}}'],
    ]);
    expect(articleBodyBlocks(article).every((block) => block.text.en === block.text.vi)).toBe(true);
  });

  it('reads a chip in the title as its value: titles hold no placeholders', () => {
    expect(articleTitleText(article, (id) => (id === 'meal_allowance' ? '30.000 ₫' : id))).toBe('Bữa ăn giữa ca 30.000 ₫');
  });

  it('gives a draft that the template schema accepts, once an id and a version are added', () => {
    const draft = draftFromArticle(article, 'enterprise_agreement', {
      title: { vi: ' Bữa ăn ', en: 'Meals' },
      topics: ['meals', 'meals', 'an_ca'],
      legalBasis: [
        { law: 'LC2019', article: 104 },
        { law: 'LC2019', article: 104 },
      ],
    });
    expect(draft).toMatchObject({
      kinds: ['enterprise_agreement'],
      title: { vi: 'Bữa ăn', en: 'Meals' },
      topics: ['meals', 'an_ca'],
      legalBasis: [{ law: 'LC2019', article: 104 }],
      recommended: false,
      alternatives: [],
    });
    expect(articleTemplateSchema.safeParse({ ...draft, id: 'user.x1', version: 1 }).success).toBe(true);
  });

  it('keeps the body, wordings and kinds of an edited template unless its text is replaced', () => {
    const template = articleTemplateSchema.parse({
      ...draftFromArticle(article, 'labour_regulations', { title: { vi: 'A', en: 'A' }, topics: ['meals'], legalBasis: [{ law: 'LC2019', article: 104 }] }),
      id: 'user.x1',
      version: 3,
    });
    const fields: DraftFields = { title: { vi: 'B', en: 'B (en)' }, topics: ['welfare'], legalBasis: [{ law: 'LC2019', article: 103 }] };
    expect(draftFromEdit(template, fields, null)).toMatchObject({
      kinds: ['labour_regulations'],
      title: { vi: 'B', en: 'B (en)' },
      body: template.body,
      topics: ['welfare'],
    });
    const replacement: ArticleElement = {
      type: 'article',
      clauseId: 'a2',
      children: [
        { type: 'article-title', children: [{ text: 'X' }] },
        { type: 'paragraph', children: [{ text: 'Mới.' }] },
      ],
    };
    expect(draftFromEdit(template, fields, replacement).body).toEqual([{ type: 'paragraph', text: { vi: 'Mới.', en: 'Mới.' } }]);
  });
});

describe('the save form’s fields', () => {
  it('turns typed topics into topic ids, without diacritics', () => {
    expect(topicIdFromText('Phụ cấp ăn ca')).toBe('phu_cap_an_ca');
    expect(topicIdFromText('Đi lại')).toBe('di_lai');
    expect(topicIdFromText('13th-month pay')).toBe('topic_13th_month_pay');
    expect(topicIdFromText('!')).toBeNull();
    expect(parseTopics('đi lại; nhà ở, , ?')).toEqual({ topics: ['di_lai', 'nha_o'], invalid: ['?'] });
    // A library topic's name, in either language, gives the library's topic.
    expect(parseTopics('Kinh phí công đoàn, union fee, phụ cấp ăn ca')).toEqual({ topics: ['union_fee', 'union_fee', 'phu_cap_an_ca'], invalid: [] });
  });

  it('reads Labour Code article numbers and refuses what is not one', () => {
    expect(parseLabourCodeArticles('98, 104 107')).toEqual({ citations: [98, 104, 107].map((article) => ({ law: 'LC2019', article })), invalid: [] });
    expect(parseLabourCodeArticles('0 221 9a')).toEqual({ citations: [], invalid: ['0', '221', '9a'] });
  });
});
