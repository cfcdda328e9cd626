import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TopLevelBlock, VariableElement } from '#shared/document/nodes';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { forEachTextBlock, suggestionsInBody } from '#shared/negotiation/suggestions';
import type { RevisionSegment, TrackedParagraph } from '#main/import/wordRevisions';
import { applyWordSuggestions, planWordSuggestions } from '#main/negotiation/wordSuggestions';
import { article, clause, paragraph } from '../editor/builders';
import { sequentialIds } from '../export/agreementFixture';

// Decision 0030: how a paragraph's tracked changes land on the block that reads as it did before
// them — offsets past variables and pending suggestions, and the paragraphs refused whole.

const wage: VariableElement = { type: 'variable', variableId: 'luong_toi_thieu', children: [{ text: '' }] };

function documentOf(blocks: TopLevelBlock[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeInitialContent({ blocks }));
  return doc;
}

const body = (): TopLevelBlock[] => [
  paragraph('Căn cứ Bộ luật Lao động năm 2019.'),
  article('dieu-1', 'Phạm vi', clause('Người lao động làm việc tại Công ty.'), paragraph('Lương tối thiểu ', wage, ' mỗi tháng.')),
  article('dieu-2', 'Thời giờ làm việc', clause('Làm việc 8 giờ.'), clause('Làm việc 8 giờ.')),
];

/** The text blocks of a document by their text (pending insertions included). */
function blockReading(doc: Y.Doc, text: string): Y.XmlText {
  let found: Y.XmlText | null = null;
  forEachTextBlock(doc, (block) => {
    if (
      block
        .toString()
        .replace(/<[^>]+>/g, '')
        .includes(text)
    )
      found ??= block;
  });
  if (!found) throw new Error(`no block reading "${text}"`);
  return found;
}

/** A block's runs with their marks, a chip as "chip". */
function runsOf(block: Y.XmlText): [string, Record<string, string>][] {
  return (block.toDelta() as { insert: unknown; attributes?: Record<string, string> }[]).map((part) =>
    typeof part.insert === 'string' ? [part.insert, part.attributes ?? {}] : ['chip', {}],
  );
}

let paragraphNumber = 0;
const tracked = (...segments: [RevisionSegment['change'], string][]): TrackedParagraph => ({
  paragraph: ++paragraphNumber,
  segments: segments.map(([change, text]) => ({ change, text })),
  authors: ['Trần Thị Bình'],
  unmappable: [],
});
const heading = (text: string) => tracked(['none', text]);

function importInto(doc: Y.Doc, paragraphs: TrackedParagraph[]) {
  const plan = planWordSuggestions(doc, paragraphs, () => '4.960.000 đồng', sequentialIds('goi-y'));
  doc.transact(() => applyWordSuggestions(plan.plans));
  return { plan, suggestions: suggestionsInBody(doc).map(({ inserted, deleted, clauseId }) => ({ inserted, deleted, clauseId })) };
}

describe('planning Word tracked changes as suggestions', () => {
  it('maps changes after a clause’s number and after a variable, whose value counts as one place of the block', () => {
    const doc = documentOf(body());
    const { plan, suggestions } = importInto(doc, [
      heading('Điều 1. Phạm vi'),
      // A sentence citing an article is no heading: the next paragraph is still in Điều 1.
      heading('Điều 2 của Thỏa ước quy định thời giờ làm việc.'),
      tracked(['none', '1. Người lao động '], ['insert', 'chính thức '], ['none', 'làm việc tại Công ty.']),
      tracked(['none', 'Lương tối thiểu 4.960.000 đồng mỗi '], ['delete', 'tháng'], ['insert', 'năm'], ['none', '.']),
    ]);
    expect(plan.skipped).toEqual([]);
    expect(suggestions).toEqual([
      { inserted: 'chính thức ', deleted: '', clauseId: 'dieu-1' },
      { inserted: 'năm', deleted: 'tháng', clauseId: 'dieu-1' },
    ]);
    // The replacement: "tháng" marked, "năm" inserted after it, the chip where it was.
    expect(runsOf(blockReading(doc, 'Lương tối thiểu'))).toEqual([
      ['Lương tối thiểu ', {}],
      ['chip', {}],
      [' mỗi ', {}],
      ['tháng', { suggestDelete: 'goi-y0002' }],
      ['năm', { suggestInsert: 'goi-y0002' }],
      ['.', {}],
    ]);
  });

  it('marks a deletion across someone’s pending insertion on either side of it, leaving the insertion as it is', () => {
    const doc = documentOf(body());
    blockReading(doc, 'Người lao động').insert('Người lao động '.length, 'xyz ', { suggestInsert: 'cua-ben-kia' });
    const { plan, suggestions } = importInto(doc, [
      heading('Điều 1. Phạm vi'),
      tracked(['none', '1. Người lao '], ['delete', 'động làm'], ['none', ' việc tại Công ty.']),
    ]);
    expect(plan.skipped).toEqual([]);
    expect(suggestions).toEqual([
      { inserted: '', deleted: 'động làm', clauseId: 'dieu-1' },
      { inserted: 'xyz ', deleted: '', clauseId: 'dieu-1' },
    ]);
    expect(runsOf(blockReading(doc, 'Người lao'))).toEqual([
      ['Người lao ', {}],
      ['động ', { suggestDelete: 'goi-y0001' }],
      ['xyz ', { suggestInsert: 'cua-ben-kia' }],
      ['làm', { suggestDelete: 'goi-y0001' }],
      [' việc tại Công ty.', {}],
    ]);
  });

  it('leaves whole paragraphs unchanged, with the reason: a change inside a value, several blocks alike, text already suggested for deletion, a change in the number', () => {
    const doc = documentOf(body());
    blockReading(doc, 'Người lao động').format('Người lao động làm việc tại '.length, 'Công ty'.length, { suggestDelete: 'da-co' });
    const before = suggestionsInBody(doc);
    const { plan, suggestions } = importInto(doc, [
      heading('Điều 1. Phạm vi'),
      tracked(['none', 'Lương tối thiểu 4.960.'], ['delete', '000'], ['none', ' đồng mỗi tháng.']),
      // The first change alone would map: the paragraph is still left whole.
      tracked(['insert', 'Toàn bộ '], ['none', 'Người lao động làm việc tại '], ['delete', 'Công'], ['none', ' ty.']),
      tracked(['delete', '1'], ['insert', '2'], ['none', '. Người lao động làm việc tại Công ty.']),
      heading('Điều 2. Thời giờ làm việc'),
      tracked(['none', 'Làm việc 8 giờ.'], ['insert', ' mỗi ngày']),
      heading('Điều 9. Không có'),
      tracked(['none', 'Làm việc 8 giờ.'], ['insert', ' mỗi ngày']),
    ]);
    expect(plan.plans).toEqual([]);
    expect(plan.skipped.map(({ reason }) => reason)).toEqual(['in_variable', 'already_suggested', 'outside_text', 'ambiguous_match', 'no_match']);
    expect(suggestions).toEqual(before.map(({ inserted, deleted, clauseId }) => ({ inserted, deleted, clauseId })));
  });
});
