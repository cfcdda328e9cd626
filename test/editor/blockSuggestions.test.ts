import { describe, expect, it } from 'vitest';
import { Editor, Element, type Node, Text, Transforms, type Path } from 'slate';
import { readContent } from '#shared/document/yjsContent';
import { applySuggestionDecisions, suggestionsInBody } from '#shared/negotiation/suggestions';
import { isSuggestableBlock } from '../../renderer/editor/blockSuggestions';
import { insertArticle, moveArticle } from '../../renderer/editor/commands';
import { article, chapter, clause, cursorAt, paragraph } from './builders';
import { documentText } from './documentText';
import { settle, syncPeers } from './peers';
import { createSuggesters } from './suggesters';

// Decision 0027: blocks added, removed and moved in Suggesting mode, and their concurrency.

/**
 * Each text block of an editor on a line, prefixed "+" when it lies in a block suggested as new
 * and "-" in one suggested for deletion (with the ids when asked); text marks as {+…}.
 */
function blocksOf(editor: Editor, withIds = false): string {
  const lines: string[] = [];
  const walk = (node: Node, path: Path, prefix: string): void => {
    if (!Element.isElement(node)) return;
    let mark = prefix;
    if (isSuggestableBlock(node) && node.suggestInsert !== undefined) mark += `+${withIds ? `${node.suggestInsert} ` : ''}`;
    if (isSuggestableBlock(node) && node.suggestDelete !== undefined) mark += `-${withIds ? `${node.suggestDelete} ` : ''}`;
    if (node.children.every((child) => Text.isText(child) || (Element.isElement(child) && Editor.isInline(editor, child)))) {
      const text = node.children.map((leaf) => (Text.isText(leaf) ? (leaf.suggestInsert !== undefined ? `{+${leaf.text}}` : leaf.text) : '')).join('');
      lines.push(`${mark}${text}`);
      return;
    }
    node.children.forEach((child, index) => walk(child, [...path, index], mark));
  };
  editor.children.forEach((child, index) => walk(child, [index], ''));
  return lines.join('\n');
}

const twoArticles = () => [article('a1', 'Tiền lương', clause('Lương tháng.'), clause('Lương làm thêm.')), article('a2', 'Thưởng', 'Thưởng Tết.')];

describe('block suggestions in the editor (decision 0027)', () => {
  it('Enter at a block’s end suggests a new block, typed into under its id; Backspace in it empty withdraws it; whole blocks deleted are marked; a new article and a move are suggestions', async () => {
    const [peer] = createSuggesters(twoArticles(), 1);
    if (!peer) throw new Error('no peer');
    const { editor } = peer;
    cursorAt(editor, [0, 1], -1);
    editor.insertBreak();
    editor.insertText('Phụ cấp.');
    editor.insertBreak();
    expect(blocksOf(editor, true)).toBe('Tiền lương\nLương tháng.\n+p1-1 {+Phụ cấp.}\n+p1-1 \nLương làm thêm.\nThưởng\nThưởng Tết.');
    editor.deleteBackward('character');
    expect(blocksOf(editor)).toBe('Tiền lương\nLương tháng.\n+{+Phụ cấp.}\nLương làm thêm.\nThưởng\nThưởng Tết.');
    // Backspace inside one's own new block removes, as it is all one's suggestion.
    editor.deleteBackward('character');
    expect(blocksOf(editor)).toBe('Tiền lương\nLương tháng.\n+{+Phụ cấp}\nLương làm thêm.\nThưởng\nThưởng Tết.');
    // Selecting a whole clause and deleting it marks the clause.
    Transforms.select(editor, { anchor: Editor.start(editor, [0, 3]), focus: Editor.end(editor, [0, 3]) });
    editor.deleteFragment();
    expect(blocksOf(editor)).toBe('Tiền lương\nLương tháng.\n+{+Phụ cấp}\n-Lương làm thêm.\nThưởng\nThưởng Tết.');
    // ▼ on the second article has nowhere to go; ▲ moves it as a suggestion: a copy, marked, keeping its id.
    cursorAt(editor, [1, 1], 0);
    expect(moveArticle(editor, 'up')).toBe(true);
    expect(blocksOf(editor)).toBe('+Thưởng\n+Thưởng Tết.\nTiền lương\nLương tháng.\n+{+Phụ cấp}\n-Lương làm thêm.\n-Thưởng\n-Thưởng Tết.');
    expect(editor.children.map((node) => (Element.isElement(node) && node.type === 'article' ? node.clauseId : null))).toEqual(['a2', 'a1', 'a2']);
    cursorAt(editor, [1, 0], -1);
    insertArticle(editor);
    editor.insertText('Phúc lợi');
    expect(blocksOf(editor).split('\n').slice(6, 8)).toEqual(['+{+Phúc lợi}', '+']);
    await settle();
    // Nothing of it is in the accepted text yet.
    expect(documentText(readContent(peer.doc))).toBe('Điều 1. Tiền lương\n  1. Lương tháng.\n  2. Lương làm thêm.\nĐiều 2. Thưởng\n  ¶ Thưởng Tết.');
    const found = suggestionsInBody(peer.doc).map(({ id, blocks }) => [id, blocks?.map((block) => `${block.change} ${block.type} ${block.text}`)]);
    expect(found).toEqual([
      ['p1-3', ['insert article Thưởng\nThưởng Tết.', 'delete article Thưởng\nThưởng Tết.']],
      ['p1-1', ['insert clause Phụ cấp']],
      ['p1-2', ['delete clause Lương làm thêm.']],
      ['p1-4', ['insert article Phúc lợi\n']],
    ]);
    // Accepted, the move and the new article are the text; the article moved is there once.
    peer.doc.transact(() => applySuggestionDecisions(peer.doc, new Set(['p1-3', 'p1-4', 'p1-1', 'p1-2']), new Set()));
    await settle();
    expect(documentText(readContent(peer.doc))).toBe(
      'Điều 1. Thưởng\n  ¶ Thưởng Tết.\nĐiều 2. Tiền lương\n  1. Lương tháng.\n  2. Phụ cấp\nĐiều 3. Phúc lợi\n  ¶ ',
    );
    expect(peer.desyncs).toEqual([]);
  });

  describe('concurrency: every copy converges', () => {
    it('two people suggesting blocks in one article', async () => {
      const peers = createSuggesters(twoArticles());
      const [a, b] = peers;
      if (!a || !b) throw new Error('no peers');
      cursorAt(a.editor, [0, 1], -1);
      a.editor.insertBreak();
      a.editor.insertText('Phụ cấp.');
      Transforms.select(b.editor, { anchor: Editor.start(b.editor, [0, 1]), focus: Editor.end(b.editor, [0, 2]) });
      b.editor.deleteFragment();
      cursorAt(b.editor, [0, 2], -1);
      b.editor.insertBreak();
      b.editor.insertText('Ăn ca.');
      await syncPeers(peers);
      expect(blocksOf(a.editor, true)).toBe(blocksOf(b.editor, true));
      const lines = blocksOf(a.editor).split('\n');
      expect(lines.slice(0, 1)).toEqual(['Tiền lương']);
      expect(lines.filter((line) => line.startsWith('-'))).toEqual(['-Lương tháng.', '-Lương làm thêm.']);
      expect(lines.filter((line) => line.startsWith('+')).sort()).toEqual(['+{+Phụ cấp.}', '+{+Ăn ca.}'].sort());
      expect(documentText(readContent(a.doc))).toBe(documentText(readContent(b.doc)));
      for (const peer of peers) expect(peer.desyncs).toEqual([]);
    });

    it('accept racing typing inside the suggested block: the copies converge, and the late words are not accepted unseen', async () => {
      const peers = createSuggesters(twoArticles(), 3);
      const [author, other, server] = peers;
      if (!author || !other || !server) throw new Error('no peers');
      cursorAt(author.editor, [0, 2], -1);
      author.editor.insertBreak();
      author.editor.insertText('Phụ cấp');
      await syncPeers(peers);
      server.doc.transact(() => applySuggestionDecisions(server.doc, new Set(['p1-1']), new Set()));
      author.editor.insertText(' độc hại');
      await syncPeers(peers);
      await syncPeers(peers);
      const outcome = blocksOf(author.editor);
      for (const peer of peers) expect(blocksOf(peer.editor)).toBe(outcome);
      expect(outcome).toContain('\nPhụ cấp{+ độc hại}\n');
      expect(documentText(readContent(other.doc))).toContain('  3. Phụ cấp\n');
    });

    it('a block suggested offline arrives later, where it was made, beside text typed meanwhile', async () => {
      const peers = createSuggesters(twoArticles());
      const [offline, online] = peers;
      if (!offline || !online) throw new Error('no peers');
      cursorAt(offline.editor, [0, 1], -1);
      offline.editor.insertBreak();
      offline.editor.insertText('Phụ cấp.');
      cursorAt(offline.editor, [1, 1], 0);
      expect(moveArticle(offline.editor, 'up')).toBe(true);
      online.state.on = false;
      cursorAt(online.editor, [0, 1], 0);
      online.editor.insertText('Mức ');
      cursorAt(online.editor, [1, 1], 0);
      online.editor.insertText('Tiền ');
      await syncPeers(peers);
      expect(blocksOf(offline.editor)).toBe(blocksOf(online.editor));
      expect(blocksOf(online.editor)).toBe('+Thưởng\n+Thưởng Tết.\nTiền lương\nMức Lương tháng.\n+{+Phụ cấp.}\nLương làm thêm.\n-Thưởng\n-Tiền Thưởng Tết.');
      // The move's copy is of what its author saw; the words typed meanwhile make it stale to decide as shown.
      expect(
        suggestionsInBody(online.doc)
          .find((found) => found.id === 'p1-2')
          ?.blocks?.map((block) => block.text),
      ).toEqual(['Thưởng\nThưởng Tết.', 'Thưởng\nTiền Thưởng Tết.']);
    });
  });
});

describe('normalizing in Suggesting mode', () => {
  it('repairs the shape as it is, suggesting nothing: a paragraph loose in a chapter is wrapped in an article, not suggested twice', async () => {
    const loose = chapter('c1', 'Tiền lương', article('a1', 'Lương', 'Lương tháng.'));
    (loose.children as Node[]).push(paragraph('Đoạn lạc chỗ.'));
    const [peer] = createSuggesters([loose], 1);
    if (!peer) throw new Error('no peer');
    await settle();
    expect(blocksOf(peer.editor)).toBe('Tiền lương\nLương\nLương tháng.\n\nĐoạn lạc chỗ.');
    expect(suggestionsInBody(peer.doc)).toEqual([]);
    expect(peer.desyncs).toEqual([]);
  });
});
