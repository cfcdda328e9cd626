import { Editor, Transforms, type BaseRange, type Path } from 'slate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { threadsRootName } from '#shared/negotiation/model';
import { anchorOfRange, bodyOf, phraseAnchorInputSchema, placePhrase, quoteOf, type PhraseAnchorInput } from '#shared/negotiation/phraseAnchor';
import { article, chapter, paragraph } from '../editor/builders';
import { createPeers, syncPeers, type Peer } from '../editor/peers';

// Comments on a phrase: the anchor's two ends are Yjs relative positions that follow the words as
// anyone edits the article, and that name no place outside this document's body.

const wagePath: Path = [1, 1, 1];
const wageText = 'Mức lương thấp nhất bằng mức lương tối thiểu vùng cộng 7%.';

function agreement() {
  return [
    paragraph('Căn cứ Bộ luật Lao động năm 2019.'),
    chapter(
      'chuong-luong',
      'TIỀN LƯƠNG',
      article('dieu-luong', 'Tiền lương', wageText, 'Lương được trả vào ngày 5 hằng tháng.'),
      article(
        'dieu-thuong',
        'Thưởng',
        'Thưởng Tết bằng một tháng lương.',
        paragraph('Mức thưởng ', { type: 'variable', variableId: 'tet_bonus', children: [{ text: '' }] }, ' tháng.'),
      ),
    ),
  ];
}

/** The range of `words` in the text block at `path`. */
function rangeOf(peer: Peer, path: Path, words: string): BaseRange {
  const text = Editor.string(peer.editor, path);
  const at = text.indexOf(words);
  if (at === -1) throw new Error(`"${words}" is not in "${text}"`);
  return { anchor: { path: [...path, 0], offset: at }, focus: { path: [...path, 0], offset: at + words.length } };
}

/** What the anchor covers now, read on a peer's own copy (null: the phrase is gone). */
function phraseOn(peer: Peer, anchor: PhraseAnchorInput): string | null {
  const place = placePhrase(peer.doc, peer.editor, anchor);
  return place ? quoteOf(peer.editor, place.range) : null;
}

describe('anchors of comments on a phrase', () => {
  it('an anchor is two encoded relative positions that find the selected words and their article, on any copy', async () => {
    const [employer, union] = createPeers(agreement()) as [Peer, Peer];
    const range = rangeOf(employer, wagePath, 'mức lương tối thiểu vùng');
    const anchor = anchorOfRange(employer.doc, employer.editor, range);
    expect(phraseAnchorInputSchema.parse(anchor)).toEqual(anchor);
    expect(quoteOf(employer.editor, range)).toBe('mức lương tối thiểu vùng');
    // A selection made backwards is the same phrase.
    expect(anchorOfRange(employer.doc, employer.editor, { anchor: range.focus, focus: range.anchor })).toEqual(anchor);
    await syncPeers([employer, union]);
    expect(placePhrase(union.doc, union.editor, anchor)).toEqual({ range, clauseId: 'dieu-luong' });
    // The server reads the body from the Y.Doc alone, without an editor.
    expect(placePhrase(union.doc, bodyOf(union.doc), anchor)).toEqual({ range, clauseId: 'dieu-luong' });
  });

  it('the phrase follows the words: text typed before it, just before it, just after it and after it stays out; text typed inside it is in', async () => {
    const [employer, union] = createPeers(agreement()) as [Peer, Peer];
    const anchor = anchorOfRange(employer.doc, employer.editor, rangeOf(employer, wagePath, 'mức lương tối thiểu vùng'));
    await syncPeers([employer, union]);
    Transforms.insertText(union.editor, 'Kể từ năm 2026, ', { at: { path: [...wagePath, 0], offset: 0 } });
    await syncPeers([employer, union]);
    expect(phraseOn(employer, anchor)).toBe('mức lương tối thiểu vùng');
    const start = Editor.string(union.editor, wagePath).indexOf('mức lương tối thiểu');
    Transforms.insertText(union.editor, 'hai lần ', { at: { path: [...wagePath, 0], offset: start } });
    Transforms.insertText(employer.editor, ' (vùng I)', { at: { path: [...wagePath, 0], offset: start + 'mức lương tối thiểu vùng'.length } });
    await syncPeers([employer, union]);
    expect(Editor.string(union.editor, wagePath)).toBe('Kể từ năm 2026, Mức lương thấp nhất bằng hai lần mức lương tối thiểu vùng (vùng I) cộng 7%.');
    expect(phraseOn(union, anchor)).toBe('mức lương tối thiểu vùng');
    expect(phraseOn(employer, anchor)).toBe('mức lương tối thiểu vùng');
    const inside = Editor.string(union.editor, wagePath).indexOf('tối thiểu');
    Transforms.insertText(union.editor, 'chung ', { at: { path: [...wagePath, 0], offset: inside } });
    await syncPeers([employer, union]);
    expect(phraseOn(employer, anchor)).toBe('mức lương chung tối thiểu vùng');
  });

  it('the phrase shrinks as some of its words are deleted and is gone once all are, or its paragraph, or its article', async () => {
    const [employer, union] = createPeers(agreement()) as [Peer, Peer];
    const anchor = anchorOfRange(employer.doc, employer.editor, rangeOf(employer, wagePath, 'mức lương tối thiểu vùng'));
    const second = anchorOfRange(employer.doc, employer.editor, rangeOf(employer, [1, 1, 2], 'ngày 5'));
    const bonus = anchorOfRange(employer.doc, employer.editor, rangeOf(employer, [1, 2, 1], 'một tháng lương'));
    await syncPeers([employer, union]);
    Transforms.delete(union.editor, { at: rangeOf(union, wagePath, 'mức lương ') });
    await syncPeers([employer, union]);
    expect(phraseOn(employer, anchor)).toBe('tối thiểu vùng');
    Transforms.delete(union.editor, { at: rangeOf(union, wagePath, 'bằng tối thiểu vùng cộng') });
    await syncPeers([employer, union]);
    expect(Editor.string(employer.editor, wagePath)).toBe('Mức lương thấp nhất  7%.');
    expect(phraseOn(employer, anchor)).toBeNull();

    expect(phraseOn(employer, second)).toBe('ngày 5');
    Transforms.removeNodes(union.editor, { at: [1, 1, 2] });
    await syncPeers([employer, union]);
    expect(phraseOn(employer, second)).toBeNull();

    expect(phraseOn(employer, bonus)).toBe('một tháng lương');
    Transforms.removeNodes(employer.editor, { at: [1, 2] });
    await syncPeers([employer, union]);
    expect(phraseOn(union, bonus)).toBeNull();
  });

  it('a quote shows a variable’s chip as an ellipsis, never its id, and keeps each block on its line', () => {
    const [employer] = createPeers(agreement()) as [Peer];
    const chip: BaseRange = { anchor: { path: [1, 2, 2, 0], offset: 0 }, focus: { path: [1, 2, 2, 2], offset: 7 } };
    expect(quoteOf(employer.editor, chip)).toBe('Mức thưởng … tháng.');
    const acrossBlocks: BaseRange = { anchor: { path: [1, 2, 1, 0], offset: 16 }, focus: { path: [1, 2, 2, 0], offset: 10 } };
    expect(quoteOf(employer.editor, acrossBlocks)).toBe('một tháng lương.\nMức thưởng');
  });

  it('an anchor naming no phrase of this article’s body is not one: garbage, another document, another part of this one, reversed, empty, across articles', () => {
    const [employer] = createPeers(agreement()) as [Peer];
    const doc = employer.doc;
    const good = anchorOfRange(doc, employer.editor, rangeOf(employer, wagePath, 'mức lương'));
    const place = (anchor: PhraseAnchorInput) => placePhrase(doc, employer.editor, anchor);
    expect(place(good)).not.toBeNull();

    expect(place({ ...good, start: 'AAAA' })).toBeNull();
    expect(place({ ...good, end: '////////' })).toBeNull();

    // Another document with the same text: its characters are other items.
    const other = new Y.Doc();
    Y.applyUpdate(other, encodeInitialContent({ blocks: agreement() }));
    const [elsewhere] = createPeers(agreement(), 1) as [Peer];
    expect(place(anchorOfRange(elsewhere.doc, elsewhere.editor, rangeOf(elsewhere, wagePath, 'mức lương')))).toBeNull();

    // The threads root of this document, a root named by a name, an element's attribute.
    doc.getMap(threadsRootName).set('t1', { id: 't1' });
    const inThreads = Y.createRelativePositionFromTypeIndex(doc.getMap(threadsRootName), 0);
    const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
    expect(place({ start: encode(inThreads), end: good.end })).toBeNull();
    const byName = encode(Y.createRelativePositionFromTypeIndex(other.getText('unheard-of'), 0));
    expect(place({ start: byName, end: good.end })).toBeNull();
    expect(doc.share.has('unheard-of')).toBe(false);

    // Reversed, empty, across two articles.
    expect(place({ start: good.end, end: good.start })).toBeNull();
    const empty = anchorOfRange(doc, employer.editor, { anchor: { path: [...wagePath, 0], offset: 3 }, focus: { path: [...wagePath, 0], offset: 3 } });
    expect(place(empty)).toBeNull();
    const across = anchorOfRange(doc, employer.editor, { anchor: { path: [...wagePath, 0], offset: 3 }, focus: { path: [1, 2, 1, 0], offset: 3 } });
    expect(place(across)).toBeNull();
    // Within one article, across its blocks, is a phrase.
    const twoBlocks = anchorOfRange(doc, employer.editor, { anchor: { path: [...wagePath, 0], offset: 3 }, focus: { path: [1, 1, 2, 0], offset: 5 } });
    expect(place(twoBlocks)?.clauseId).toBe('dieu-luong');
  });
});
