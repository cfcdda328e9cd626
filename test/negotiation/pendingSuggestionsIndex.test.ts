import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, encodeInitialContent } from '#shared/document/yjsContent';
import { saveSuggestionRecord, suggestionRecords, type SuggestionRecord } from '#shared/negotiation/suggestions';
import { PendingSuggestionsIndex, suggestionsIndexOf } from '../../renderer/negotiation/pendingSuggestions';
import { article } from '../editor/builders';

// Decision 0031: the live list of pending suggestions (outline counts, Suggestions tab) is read
// again only after changes that may alter it, never because someone types elsewhere.

const embedded = (element: Y.XmlText): Y.XmlText[] =>
  (element.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));

/** The n-th body block (1 = the first after the title) of the n-th article. */
const blockOf = (doc: Y.Doc, articleIndex: number, blockIndex: number): Y.XmlText => {
  const block = embedded(embedded(contentRoot(doc))[articleIndex] as Y.XmlText)[blockIndex];
  if (!block) throw new Error('no such block');
  return block;
};

const record = (id: string, clauseId: string): SuggestionRecord => ({
  id,
  authorId: 'minh',
  authorName: 'Anh Minh',
  side: 'union',
  createdAt: '2026-12-07T03:00:00.000Z',
  clauseId,
  status: 'pending',
  decidedAt: null,
  decidedByName: null,
});

/** Two articles; the first holds the union's suggestion `them` in its second paragraph. */
function documentWithSuggestion(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    encodeInitialContent({
      blocks: [article('a1', 'Tiền lương', 'Mức lương thấp nhất.', 'Trả vào ngày 10.'), article('a2', 'Nghỉ lễ', 'Nghỉ theo luật.')],
    }),
  );
  doc.transact(() => {
    blockOf(doc, 0, 2).insert('Trả vào ngày 10'.length, ' hằng tháng', { suggestInsert: 'them' });
    saveSuggestionRecord(doc, record('them', 'a1'));
  });
  return doc;
}

function watched(doc: Y.Doc): { index: PendingSuggestionsIndex; stale: () => number; stop: () => void } {
  const index = new PendingSuggestionsIndex(doc);
  index.current();
  let stale = 0;
  const stop = index.watch(() => (stale += 1));
  return { index, stale: () => stale, stop };
}

describe('the live list of pending suggestions', () => {
  it('reads the recorded pending suggestions with their article', () => {
    const { index } = watched(documentWithSuggestion());
    expect(index.current().map(({ id, inserted, clauseId, record: { side } }) => ({ id, inserted, clauseId, side }))).toEqual([
      { id: 'them', inserted: ' hằng tháng', clauseId: 'a1', side: 'union' },
    ]);
  });

  it('stays as it was, without reading the body again, while someone types outside suggestions, even in the block holding one', () => {
    const doc = documentWithSuggestion();
    const { index, stale } = watched(doc);
    const before = index.current();
    blockOf(doc, 1, 1).insert(0, 'Người lao động ');
    blockOf(doc, 0, 1).delete(0, 4);
    blockOf(doc, 0, 2).insert(0, 'Công ty ');
    blockOf(doc, 0, 2).insert(blockOf(doc, 0, 2).length, '.');
    expect(stale()).toBe(0);
    expect(index.current()).toBe(before);
  });

  it('is read again after typing inside a suggestion, a new suggestion mark, a block removed, or a decision', () => {
    const doc = documentWithSuggestion();
    const { index, stale } = watched(doc);
    const summary = () => index.current().map(({ id, inserted, deleted }) => `${id}:${inserted}/${deleted}`);

    blockOf(doc, 0, 2).insert('Trả vào ngày 10 hằng'.length, ' mỗi', { suggestInsert: 'them' });
    expect(stale()).toBe(1);
    expect(summary()).toEqual(['them: hằng mỗi tháng/']);

    doc.transact(() => {
      blockOf(doc, 1, 1).format(0, 'Nghỉ'.length, { suggestDelete: 'bo' });
      saveSuggestionRecord(doc, record('bo', 'a2'));
    });
    expect(stale()).toBe(2);
    expect(summary()).toEqual(['them: hằng mỗi tháng/', 'bo:/Nghỉ']);

    // The whole second article goes: its suggestion with it.
    contentRoot(doc).delete(1, 1);
    expect(stale()).toBe(3);
    expect(summary()).toEqual(['them: hằng mỗi tháng/']);

    const decided = suggestionRecords(doc).get('them') as SuggestionRecord;
    saveSuggestionRecord(doc, { ...decided, status: 'rejected', decidedAt: '2026-12-07T04:00:00.000Z', decidedByName: 'Chị Lan' });
    expect(stale()).toBe(4);
    expect(summary()).toEqual([]);
  });

  it('is read again after typing plain text in a block suggested as a whole, whose text the list shows', () => {
    const doc = documentWithSuggestion();
    doc.transact(() => {
      blockOf(doc, 1, 1).setAttribute('suggestDelete', 'bo-khoan');
      saveSuggestionRecord(doc, record('bo-khoan', 'a2'));
    });
    const { index, stale } = watched(doc);
    const shown = () => index.current().flatMap(({ blocks }) => blocks?.map(({ change, text }) => `${change}:${text}`) ?? []);
    expect(shown()).toEqual(['delete:Nghỉ theo luật.']);
    blockOf(doc, 1, 1).insert(0, 'Được ');
    expect(stale()).toBe(1);
    expect(shown()).toEqual(['delete:Được Nghỉ theo luật.']);
  });

  it('is shared by its watchers: a change tells each, one reading serves all, and stopping one leaves the others watching', () => {
    const doc = documentWithSuggestion();
    const index = suggestionsIndexOf(doc);
    expect(suggestionsIndexOf(doc)).toBe(index);
    index.current();
    let outline = 0;
    let ledger = 0;
    const stopOutline = index.watch(() => (outline += 1));
    const stopLedger = index.watch(() => (ledger += 1));
    blockOf(doc, 0, 2).insert(0, 'Mới ', { suggestInsert: 'moi' });
    expect([outline, ledger]).toEqual([1, 1]);
    const first = index.reading();
    expect(index.reading()).toBe(first);
    expect(first.inBody.map(({ id }) => id)).toEqual(['moi', 'them']);
    stopOutline();
    saveSuggestionRecord(doc, record('moi', 'a1'));
    expect([outline, ledger]).toEqual([1, 2]);
    expect(index.current().map(({ id }) => id)).toEqual(['moi', 'them']);
    stopLedger();
  });

  it('counts a change made between its last reading and the start of watching, and nothing once stopped', () => {
    const doc = documentWithSuggestion();
    const index = new PendingSuggestionsIndex(doc);
    expect(index.current()).toHaveLength(1);
    blockOf(doc, 0, 2).delete('Trả vào ngày 10'.length, ' hằng tháng'.length);
    let stale = 0;
    const stop = index.watch(() => (stale += 1));
    expect(stale).toBe(1);
    expect(index.current()).toEqual([]);
    stop();
    blockOf(doc, 0, 1).insert(0, 'Mới ', { suggestInsert: 'moi' });
    saveSuggestionRecord(doc, record('moi', 'a1'));
    expect(stale).toBe(1);
  });
});
