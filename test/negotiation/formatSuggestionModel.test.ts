import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle } from '#shared/document/articles';
import { checkBodyShape } from '#shared/document/bodyShape';
import type { TopLevelBlock, VariableElement } from '#shared/document/nodes';
import { formatCode, marksOfCode, withoutPendingSuggestions } from '#shared/document/suggestionMarks';
import { contentRoot, encodeInitialContent, readContent } from '#shared/document/yjsContent';
import {
  applySuggestionDecisions,
  pendingSuggestionsByArticle,
  saveSuggestionRecord,
  suggestionsInBody,
  type SuggestionRecord,
} from '#shared/negotiation/suggestions';
import { readDocumentAt } from '#shared/versions/snapshotContent';
import { article, paragraph } from '../editor/builders';

// S33 (decision 0028): the model of formatting and value suggestions, without a server.

function documentWith(...articles: ReturnType<typeof article>[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, encodeInitialContent({ blocks: articles }));
  return doc;
}

/** The body paragraph (after the title) of the article at `index`. */
function paragraphOf(doc: Y.Doc, index = 0): Y.XmlText {
  const articleText = (contentRoot(doc).toDelta() as { insert: Y.XmlText }[])[index]?.insert;
  const found = (articleText?.toDelta() as { insert: Y.XmlText }[] | undefined)?.[1]?.insert;
  if (!found) throw new Error('no paragraph');
  return found;
}

const runs = (doc: Y.Doc) => paragraphOf(doc).toDelta() as unknown[];

describe('S33 the formatting and value suggestion model', () => {
  it('S33 format codes are canonical: one string per formatting, anything else is no code', () => {
    expect(formatCode({})).toBe('plain');
    expect(formatCode({ underline: true, bold: true })).toBe('bold+underline');
    expect(marksOfCode('bold+underline')).toEqual(['bold', 'underline']);
    expect(marksOfCode('plain')).toEqual([]);
    for (const wrong of ['underline+bold', 'bold+bold', 'strike', '', 'bold+', 3, null]) expect(marksOfCode(wrong), String(wrong)).toBeNull();
    expect(() => checkBodyShape([paragraph({ text: 'x', bold: true, suggestFormat: 'f1', suggestFormatFrom: 'bold+bold' })])).toThrow(/suggestFormatFrom/);
  });

  it('S33 readers see the formatting a run had before its pending format suggestion, joined with its neighbours', () => {
    const blocks = [
      paragraph(
        { text: 'Lương ', bold: true },
        { text: 'tối thiểu', italic: true, suggestFormat: 'f1', suggestFormatFrom: 'bold' },
        { text: ' vùng', bold: true, suggestFormat: 'f1', suggestFormatFrom: 'bold' },
        { text: '.' },
      ),
    ] as TopLevelBlock[];
    expect(withoutPendingSuggestions(blocks)).toEqual([paragraph({ text: 'Lương tối thiểu vùng', bold: true }, { text: '.' })]);
  });

  it('S33 accepting keeps the suggested formatting and drops the marks; declining gives back the formatting it had; the agreed reading never changes before', () => {
    const doc = documentWith(article('a1', 'Tiền lương', 'Lương tối thiểu vùng.'));
    const paragraph = paragraphOf(doc);
    doc.transact(() => {
      paragraph.format(0, 'Lương'.length, { bold: true, suggestFormat: 'dam', suggestFormatFrom: 'plain' });
      paragraph.format('Lương '.length, 'tối thiểu'.length, { italic: true });
      paragraph.format('Lương '.length, 'tối thiểu'.length, { italic: null, underline: true, suggestFormat: 'gach', suggestFormatFrom: 'italic' });
    });
    expect(suggestionsInBody(doc)).toEqual([
      { id: 'dam', inserted: '', deleted: '', clauseId: 'a1', format: { text: 'Lương', added: ['bold'], removed: [] } },
      { id: 'gach', inserted: '', deleted: '', clauseId: 'a1', format: { text: 'tối thiểu', added: ['underline'], removed: ['italic'] } },
    ]);
    const before = readArticle(doc, 'a1');
    expect(JSON.stringify(before)).not.toMatch(/bold|underline|suggest/);
    expect(readDocumentAt(doc).blocks).toEqual(readContent(doc));
    doc.transact(() => applySuggestionDecisions(doc, new Set(['dam']), new Set(['gach'])));
    expect(runs(doc)).toEqual([
      { insert: 'Lương', attributes: { bold: true } },
      { insert: ' ' },
      { insert: 'tối thiểu', attributes: { italic: true } },
      { insert: ' vùng.' },
    ]);
    expect(suggestionsInBody(doc)).toEqual([]);
  });

  it('S33 a pending value suggestion counts in every article showing its variable, and no longer once decided', () => {
    const chip: VariableElement = { type: 'variable', variableId: 'min_wage_monthly', children: [{ text: '' }] };
    const doc = documentWith(
      article('a1', 'Tiền lương', paragraph('Lương thấp nhất ', chip, '.')),
      article('a2', 'Thưởng', 'Thưởng Tết một tháng lương.'),
      article('a3', 'Làm thêm', paragraph('Tính trên ', chip, '.')),
    );
    const record: SuggestionRecord = {
      id: 'v1',
      authorId: 'minh',
      authorName: 'Anh Minh',
      side: 'union',
      createdAt: '2026-12-07T03:00:00.000Z',
      clauseId: 'a1',
      status: 'pending',
      decidedAt: null,
      decidedByName: null,
      value: { variableId: 'min_wage_monthly', from: 4_960_000, to: 5_200_000 },
    };
    saveSuggestionRecord(doc, record);
    expect(Object.fromEntries(pendingSuggestionsByArticle(doc))).toEqual({ a1: { employer: 0, union: 1 }, a3: { employer: 0, union: 1 } });
    saveSuggestionRecord(doc, { ...record, status: 'rejected' });
    expect(pendingSuggestionsByArticle(doc).size).toBe(0);
  });
});
