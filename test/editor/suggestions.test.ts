import { describe, expect, it } from 'vitest';
import { Transforms, type Editor, type Element } from 'slate';
import { readContent } from '#shared/document/yjsContent';
import { applySuggestionDecisions, suggestionsInBody } from '#shared/negotiation/suggestions';
import { toggleMark } from '../../renderer/editor/commands';
import { article, cursorAt } from './builders';
import { documentText } from './documentText';
import { settle, syncPeers } from './peers';
import { createSuggesters, marked } from './suggesters';

const wage = () => [article('a1', 'Tiền lương', 'Lương tối thiểu vùng.')];

describe('Suggesting mode in the editor (decision 0024)', () => {
  it('typing inserts one marked run; Backspace marks, and really removes only one’s own pending insertion; typing over a selection is one replacement', async () => {
    const [peer] = createSuggesters(wage(), 1);
    if (!peer) throw new Error('no peer');
    const { editor } = peer;
    cursorAt(editor, [0, 1], 'Lương tối thiểu vùng'.length);
    editor.insertText(' cộng');
    editor.insertText(' 10%');
    expect(marked(editor, true)).toBe('Tiền lương\nLương tối thiểu vùng{+ cộng 10%@p1-1}.');
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    expect(marked(editor)).toBe('Tiền lương\nLương tối thiểu vùng{+ cộng 1}.');
    // Back past the own insertion, into the text: it is marked, not removed; held down, one suggestion.
    for (let i = 0; i < ' cộng 1'.length + ' vùng'.length; i += 1) editor.deleteBackward('character');
    expect(marked(editor)).toBe('Tiền lương\nLương tối thiểu{- vùng}.');
    Transforms.select(editor, { anchor: { path: [0, 1, 0], offset: 0 }, focus: { path: [0, 1, 0], offset: 'Lương'.length } });
    editor.insertText('Tiền công');
    expect(marked(editor)).toBe('Tiền lương\n{-Lương}{+Tiền công} tối thiểu{- vùng}.');
    await settle();
    // One suggestion replaces, one deletes: a word deleted key by key is one suggestion.
    expect(suggestionsInBody(peer.doc).map(({ inserted, deleted }) => [inserted, deleted])).toEqual([
      ['Tiền công', 'Lương'],
      ['', ' vùng'],
    ]);
    // Every reader but the editor reads the text as it stands until someone accepts.
    expect(documentText(readContent(peer.doc))).toBe('Điều 1. Tiền lương\n  ¶ Lương tối thiểu vùng.');
    expect(peer.desyncs).toEqual([]);
  });

  it('in editing mode, typing next to a suggestion is plain text, and deleting does not reach into another’s suggestion', async () => {
    const [author, other] = createSuggesters(wage());
    if (!author || !other) throw new Error('no peers');
    cursorAt(author.editor, [0, 1], 'Lương'.length);
    author.editor.insertText(' cơ bản');
    await syncPeers([author, other]);
    other.state.on = false;
    Transforms.select(other.editor, { path: [0, 1, 1], offset: ' cơ bản'.length });
    other.editor.insertText('!');
    other.editor.deleteBackward('character');
    other.editor.deleteBackward('character');
    expect(marked(other.editor)).toBe('Tiền lương\nLương{+ cơ bản} tối thiểu vùng.');
    await syncPeers([author, other]);
    expect(marked(author.editor)).toBe(marked(other.editor));
  });

  describe('concurrency: every copy converges', () => {
    it('two people suggesting in the same sentence', async () => {
      const peers = createSuggesters(wage());
      const [a, b] = peers;
      if (!a || !b) throw new Error('no peers');
      cursorAt(a.editor, [0, 1], 'Lương tối thiểu'.length);
      a.editor.insertText(' chung');
      Transforms.select(b.editor, { anchor: { path: [0, 1, 0], offset: 'Lương '.length }, focus: { path: [0, 1, 0], offset: 'Lương tối thiểu vùng'.length } });
      b.editor.insertText('cao hơn tối thiểu');
      await syncPeers(peers);
      expect(marked(a.editor, true)).toBe(marked(b.editor, true));
      // The insertion made inside the range the other suggests deleting is covered by that deletion too.
      expect(marked(a.editor)).toBe('Tiền lương\nLương {-tối thiểu}{- chung}{- vùng}{+cao hơn tối thiểu}.');
      expect(suggestionsInBody(a.doc).map(({ id, inserted, deleted }) => [id, inserted, deleted])).toEqual([
        ['p2-1', 'cao hơn tối thiểu', 'tối thiểu chung vùng'],
        ['p1-1', ' chung', ''],
      ]);
      expect(documentText(readContent(a.doc))).toBe('Điều 1. Tiền lương\n  ¶ Lương tối thiểu vùng.');
      for (const peer of peers) expect(peer.desyncs).toEqual([]);
    });

    it('accept racing a new edit inside the suggestion: the copies converge, and what the server accepted is what it held', async () => {
      const peers = createSuggesters(wage(), 3);
      const [author, other, server] = peers;
      if (!author || !other || !server) throw new Error('no peers');
      cursorAt(author.editor, [0, 1], 'Lương'.length);
      author.editor.insertText(' cơ bản');
      await syncPeers(peers);
      // The server accepts what it holds while the author, not yet told, types on inside it.
      server.doc.transact(() => applySuggestionDecisions(server.doc, new Set(['p1-1']), new Set()));
      Transforms.select(author.editor, { path: [0, 1, 1], offset: ' cơ'.length });
      author.editor.insertText(' bậc');
      await syncPeers(peers);
      // Each copy tidies the formatting a remote change left (Yjs), and sends what it removed.
      await syncPeers(peers);
      const outcome = marked(author.editor);
      for (const peer of peers) expect(marked(peer.editor)).toBe(outcome);
      // slate-yjs cannot map this change of marks on the author's screen: the editor is rebuilt from
      // the shared text (withDesyncRecovery), which is what every copy shows.
      expect(author.desyncs.length + other.desyncs.length + server.desyncs.length).toBeLessThanOrEqual(1);
      // The accepted words are plain text; the late words are never plain: they stay marked (a known
      // limit, docs/sync-guarantees.md: their suggestion is decided, so its author withdraws them by deleting).
      expect(outcome).toBe('Tiền lương\nLương cơ{+ bậc} bản tối thiểu vùng.');
      expect(documentText(readContent(other.doc))).toBe('Điều 1. Tiền lương\n  ¶ Lương cơ bản tối thiểu vùng.');
    });

    it('offline suggestions arriving later land where they were made', async () => {
      const peers = createSuggesters(wage());
      const [offline, online] = peers;
      if (!offline || !online) throw new Error('no peers');
      cursorAt(offline.editor, [0, 1], 'Lương'.length);
      offline.editor.insertText(' cơ bản');
      Transforms.select(offline.editor, { path: [0, 1, 2], offset: ' tối thiểu vùng.'.length - 1 });
      offline.editor.deleteBackward('word');
      online.state.on = false;
      cursorAt(online.editor, [0, 1], 0);
      online.editor.insertText('Mức ');
      await syncPeers(peers);
      for (const peer of peers) expect(marked(peer.editor)).toBe('Tiền lương\nMức Lương{+ cơ bản} tối thiểu {-vùng}.');
    });
  });
});

describe('S33 formatting in Suggesting mode (decision 0028)', () => {
  /** The runs of the wage paragraph: text with its marks, suggestion marks included. */
  const runsOf = (editor: Editor) => (editor.children[0] as Element).children[1];

  it('S33 Ctrl+B over a selection suggests bold, recording the formatting before; toggled back, the suggestion is gone; one’s own insertion is formatted directly', async () => {
    const [peer] = createSuggesters(wage(), 1);
    if (!peer) throw new Error('no peer');
    const { editor } = peer;
    Transforms.select(editor, { anchor: { path: [0, 1, 0], offset: 'Lương '.length }, focus: { path: [0, 1, 0], offset: 'Lương tối thiểu'.length } });
    toggleMark(editor, 'bold');
    expect(runsOf(editor)).toEqual({
      type: 'paragraph',
      children: [{ text: 'Lương ' }, { text: 'tối thiểu', bold: true, suggestFormat: 'p1-1', suggestFormatFrom: 'plain' }, { text: ' vùng.' }],
    });
    // Italic on the same words belongs to the same suggestion, still recording "plain" as before.
    toggleMark(editor, 'italic');
    await settle();
    expect(suggestionsInBody(peer.doc)).toEqual([
      { id: 'p1-1', inserted: '', deleted: '', clauseId: 'a1', format: { text: 'tối thiểu', added: ['bold', 'italic'], removed: [] } },
    ]);
    expect(documentText(readContent(peer.doc))).toBe('Điều 1. Tiền lương\n  ¶ Lương tối thiểu vùng.');
    expect(JSON.stringify(readContent(peer.doc))).not.toMatch(/bold|italic/);
    toggleMark(editor, 'italic');
    toggleMark(editor, 'bold');
    expect(runsOf(editor)).toEqual({ type: 'paragraph', children: [{ text: 'Lương tối thiểu vùng.' }] });
    // Typed as a suggestion, then made bold: the insertion is what is suggested, formatted as typed.
    cursorAt(editor, [0, 1], 'Lương'.length);
    editor.insertText(' cơ bản');
    Transforms.select(editor, { anchor: { path: [0, 1, 1], offset: 0 }, focus: { path: [0, 1, 1], offset: ' cơ bản'.length } });
    toggleMark(editor, 'bold');
    expect(marked(editor, true)).toBe('Tiền lương\nLương{+ cơ bản@p1-2} tối thiểu vùng.');
    expect((runsOf(editor) as Element).children[1]).toMatchObject({ bold: true, suggestInsert: 'p1-2' });
    expect(JSON.stringify(runsOf(editor))).not.toContain('suggestFormat');
    expect(peer.desyncs).toEqual([]);
  });

  it('S33 another’s format suggestion is left as it is: formatting over it suggests only the rest, and Editing mode does not delete into it', async () => {
    const [author, other] = createSuggesters(wage());
    if (!author || !other) throw new Error('no peers');
    Transforms.select(author.editor, { anchor: { path: [0, 1, 0], offset: 0 }, focus: { path: [0, 1, 0], offset: 'Lương'.length } });
    toggleMark(author.editor, 'bold');
    await syncPeers([author, other]);
    Transforms.select(other.editor, { anchor: { path: [0, 1, 0], offset: 0 }, focus: { path: [0, 1, 1], offset: ' tối'.length } });
    toggleMark(other.editor, 'underline');
    expect((runsOf(other.editor) as Element).children).toEqual([
      { text: 'Lương', bold: true, suggestFormat: 'p1-1', suggestFormatFrom: 'plain' },
      { text: ' tối', underline: true, suggestFormat: 'p2-1', suggestFormatFrom: 'plain' },
      { text: ' thiểu vùng.' },
    ]);
    other.state.on = false;
    Transforms.select(other.editor, { path: [0, 1, 1], offset: 0 });
    other.editor.deleteBackward('character');
    await syncPeers([author, other]);
    expect(marked(author.editor, true)).toBe(marked(other.editor, true));
    expect(suggestionsInBody(author.doc).map(({ id, format }) => [id, format?.text])).toEqual([
      ['p1-1', 'Lương'],
      ['p2-1', ' tối'],
    ]);
  });
});
