import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articlesOf, articleText, readArticle } from '#shared/document/articles';
import type { DocumentNode, TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestions } from '#shared/document/suggestionMarks';
import { contentRoot, encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { applySuggestionDecisions, suggestionsInBody } from '#shared/negotiation/suggestions';
import { articleTypesAt, readDocumentAt } from '#shared/versions/snapshotContent';
import { article, clause } from '../editor/builders';

// Decision 0027: blocks suggested as a whole carry the suggestion's id as an element attribute.

/** The elements a Y.XmlText holds, in order. */
const elementsOf = (parent: Y.XmlText): Y.XmlText[] =>
  (parent.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));

/** Inserts Slate nodes into a Y.XmlText at an element offset (no text stands between elements there). */
function insertAt(parent: Y.XmlText, offset: number, nodes: DocumentNode[]): void {
  parent.applyDelta([...(offset > 0 ? [{ retain: offset }] : []), ...slateNodesToInsertDelta(nodes as unknown as SlateNode[])], { sanitize: false });
}

function documentOf(blocks: TopLevelBlock[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, encodeInitialContent({ blocks }));
  return doc;
}

/** Three articles; the second has two clauses. */
function threeArticles(): Y.Doc {
  return documentOf([
    article('a1', 'Phạm vi', 'Toàn công ty.'),
    article('a2', 'Tiền lương', clause('Lương tháng.'), clause('Lương làm thêm giờ.')),
    article('a3', 'Thưởng', 'Thưởng Tết.'),
  ]);
}

const articleOrder = (doc: Y.Doc) => articlesOf(readContent(doc)).map((found) => found.clauseId);

describe('block suggestions in the model (decision 0027)', () => {
  it('reads the accepted structure: blocks suggested as new left out, blocks suggested for deletion kept unmarked', () => {
    const blocks = [
      { ...article('a1', 'Phạm vi', clause('Một.'), { ...clause('Hai.'), suggestInsert: 'them' }, { ...clause('Ba.'), suggestDelete: 'bo' }) },
      { ...article('a9', 'Mới', 'Điều mới.'), suggestInsert: 'dieu-moi' },
    ] as TopLevelBlock[];
    expect(withoutPendingSuggestions(blocks)).toEqual([article('a1', 'Phạm vi', clause('Một.'), clause('Ba.'))]);
  });

  it('a moved article keeps its clauseId: readers find it where it stands until the move is accepted, then at its new place, once', () => {
    const doc = threeArticles();
    const root = contentRoot(doc);
    const moved = readArticle(doc, 'a3');
    if (!moved) throw new Error('no a3');
    doc.transact(() => {
      elementsOf(root)[2]?.setAttribute('suggestDelete', 'len');
      insertAt(root, 0, [{ ...moved, suggestInsert: 'len' }]);
    });
    expect(articleOrder(doc)).toEqual(['a1', 'a2', 'a3']);
    expect(readDocumentAt(doc).blocks).toEqual(readContent(doc));
    // The copy stands first, yet readers of one article read the one in the accepted text.
    expect(elementsOf(root)[0]?.getAttribute('clauseId')).toBe('a3');
    expect(articleTypesAt(doc).get('a3')).toBe(elementsOf(root)[3]);
    elementsOf(elementsOf(root)[0] as Y.XmlText)[1]?.insert(0, 'Mới: ');
    expect(articleText(readArticle(doc, 'a3') as never)).toBe('Thưởng\nThưởng Tết.');
    expect(suggestionsInBody(doc)).toEqual([
      {
        id: 'len',
        inserted: '',
        deleted: '',
        clauseId: 'a3',
        blocks: [
          { change: 'insert', type: 'article', text: 'Thưởng\nMới: Thưởng Tết.' },
          { change: 'delete', type: 'article', text: 'Thưởng\nThưởng Tết.' },
        ],
      },
    ]);
    doc.transact(() => applySuggestionDecisions(doc, new Set(['len']), new Set()));
    expect(articleOrder(doc)).toEqual(['a3', 'a1', 'a2']);
    expect(elementsOf(root).map((element) => element.getAttribute('clauseId'))).toEqual(['a3', 'a1', 'a2']);
    expect(articleText(readArticle(doc, 'a3') as never)).toBe('Thưởng\nMới: Thưởng Tết.');
    expect(suggestionsInBody(doc)).toEqual([]);
  });

  it('decides block suggestions: a new clause accepted joins, one rejected goes; a deletion accepted goes, one rejected stays; a move rejected leaves the article in place', () => {
    const doc = threeArticles();
    const root = contentRoot(doc);
    const wage = elementsOf(root)[1] as Y.XmlText;
    const first = readArticle(doc, 'a1');
    if (!first) throw new Error('no a1');
    doc.transact(() => {
      insertAt(wage, 3, [{ ...clause('Phụ cấp.'), suggestInsert: 'phu-cap' } as DocumentNode, { ...clause('Ăn ca.'), suggestInsert: 'an-ca' } as DocumentNode]);
      elementsOf(wage)[1]?.setAttribute('suggestDelete', 'bo-luong-thang');
      elementsOf(wage)[2]?.setAttribute('suggestDelete', 'bo-lam-them');
      elementsOf(root)[0]?.setAttribute('suggestDelete', 'xuong');
      insertAt(root, 3, [{ ...first, suggestInsert: 'xuong' }]);
    });
    const wageText = () => articleText(readArticle(doc, 'a2') as never);
    expect(wageText()).toBe('Tiền lương\nLương tháng.\nLương làm thêm giờ.');
    expect(suggestionsInBody(doc).map((found) => [found.id, found.blocks?.map((block) => `${block.change} ${block.type} ${block.text}`)])).toEqual([
      ['xuong', ['delete article Phạm vi\nToàn công ty.', 'insert article Phạm vi\nToàn công ty.']],
      ['bo-luong-thang', ['delete clause Lương tháng.']],
      ['bo-lam-them', ['delete clause Lương làm thêm giờ.']],
      ['phu-cap', ['insert clause Phụ cấp.']],
      ['an-ca', ['insert clause Ăn ca.']],
    ]);
    doc.transact(() => applySuggestionDecisions(doc, new Set(['phu-cap', 'bo-luong-thang']), new Set(['an-ca', 'bo-lam-them', 'xuong'])));
    expect(wageText()).toBe('Tiền lương\nLương làm thêm giờ.\nPhụ cấp.');
    expect(articleOrder(doc)).toEqual(['a1', 'a2', 'a3']);
    expect(elementsOf(root)).toHaveLength(3);
    expect(suggestionsInBody(doc)).toEqual([]);
    expect(readDocumentAt(doc).blocks).toEqual(readContent(doc));
  });
});
