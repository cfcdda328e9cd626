import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestions } from '#shared/document/suggestionMarks';
import { contentRoot, encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { applySuggestionDecisions, checkSuggestionDecision, suggestionsInBody, type SuggestionRecord } from '#shared/negotiation/suggestions';
import { readDocumentAt } from '#shared/versions/snapshotContent';
import { article } from '../editor/builders';

/** The body paragraph of the one article of a document made from `body`. */
function paragraphOf(doc: Y.Doc): Y.XmlText {
  const articleText = (contentRoot(doc).toDelta() as { insert: Y.XmlText }[])[0]?.insert;
  const paragraph = (articleText?.toDelta() as { insert: Y.XmlText }[] | undefined)?.[1]?.insert;
  if (!paragraph) throw new Error('no paragraph');
  return paragraph;
}

function documentWith(text: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, encodeInitialContent({ blocks: [article('a1', 'Tiền lương', text)] }));
  return doc;
}

const bodyOf = (doc: Y.Doc) => paragraphOf(doc).toString();

describe('the suggestion model (decision 0024)', () => {
  it('reads the text as accepted so far: pending insertions left out, deletions kept unmarked, runs joined, chips kept between texts', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { text: 'Lương ', bold: true },
          { text: 'cơ bản ', suggestInsert: 's1' },
          { text: 'tối thiểu', bold: true, suggestDelete: 's2' },
          { text: ' vùng ' },
          { type: 'variable', variableId: 'muc_luong', children: [{ text: '' }] },
          { text: 'thêm', suggestInsert: 's3' },
        ],
      },
    ] as TopLevelBlock[];
    expect(withoutPendingSuggestions(blocks)).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: 'Lương tối thiểu', bold: true },
          { text: ' vùng ' },
          { type: 'variable', variableId: 'muc_luong', children: [{ text: '' }] },
          { text: '' },
        ],
      },
    ]);
  });

  it('accepting and rejecting change the body as the suggestion said; version reading and readContent agree on it', () => {
    const doc = documentWith('Lương tối thiểu vùng.');
    const paragraph = paragraphOf(doc);
    doc.transact(() => {
      paragraph.format(0, 'Lương'.length, { suggestDelete: 'thay' });
      paragraph.insert('Lương'.length, 'Tiền công', { suggestInsert: 'thay' });
      paragraph.insert(paragraph.length - 1, ' cộng 10%', { suggestInsert: 'them' });
    });
    expect(suggestionsInBody(doc)).toEqual([
      { id: 'thay', inserted: 'Tiền công', deleted: 'Lương', clauseId: 'a1' },
      { id: 'them', inserted: ' cộng 10%', deleted: '', clauseId: 'a1' },
    ]);
    expect(readDocumentAt(doc).blocks).toEqual(readContent(doc));
    doc.transact(() => applySuggestionDecisions(doc, new Set(['thay']), new Set(['them'])));
    expect(bodyOf(doc)).toBe('Tiền công tối thiểu vùng.');
    expect(suggestionsInBody(doc)).toEqual([]);
    expect(readDocumentAt(doc).blocks).toEqual(readContent(doc));
  });

  it('the other side accepts or rejects, the author’s side withdraws, a reviewer does neither; only a pending suggestion moves', () => {
    const record: SuggestionRecord = {
      id: 's',
      authorId: 'minh',
      authorName: 'Anh Minh',
      side: 'union',
      createdAt: '2026-12-07T03:00:00.000Z',
      clauseId: 'a1',
      status: 'pending',
      decidedAt: null,
      decidedByName: null,
    };
    const union = { participantId: 'hoa', side: 'union' } as const;
    const employer = { participantId: 'lan', side: 'employer' } as const;
    const reviewer = { participantId: 'hanh', side: 'reviewer' } as const;
    expect(checkSuggestionDecision(record, 'accept', employer)).toBeNull();
    expect(checkSuggestionDecision(record, 'reject', employer)).toBeNull();
    expect(checkSuggestionDecision(record, 'withdraw', union)).toBeNull();
    expect(checkSuggestionDecision(record, 'accept', union)?.reason).toBe('suggestion_decided_by_other_side');
    expect(checkSuggestionDecision(record, 'withdraw', employer)?.reason).toBe('suggestion_withdrawn_by_own_side');
    expect(checkSuggestionDecision(record, 'reject', reviewer)?.reason).toBe('reviewer_does_not_negotiate');
    expect(checkSuggestionDecision({ ...record, status: 'accepted' }, 'reject', employer)?.reason).toBe('suggestion_not_pending');
  });
});
