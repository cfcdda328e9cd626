import { Editor, Transforms } from 'slate';
import { Awareness } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articlesOf, articleText } from '#shared/document/articles';
import type { TopLevelBlock } from '#shared/document/nodes';
import { encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { openArticle } from '#shared/negotiation/model';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { AgreedArticles } from '../../renderer/editor/agreedArticles';
import { insertArticle, moveArticle, setBodyBlockType } from '../../renderer/editor/commands';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import { article, chapter, cursorAt } from './builders';
import { settle } from './peers';

// An article both sides agreed is read-only in the editor (the server refuses changes to it
// anyway, and would keep them as the author's draft): typing, deleting, pasting, structure
// commands and moves do nothing to it, while the articles beside it stay editable and the changes
// the server makes to it (an accepted position) still arrive.

const body: TopLevelBlock[] = [
  chapter('c1', 'CHUNG', article('agreed', 'Tiền lương', 'Lương tháng trả trước ngày 10.'), article('free', 'Thưởng', 'Thưởng Tết một tháng lương.')),
  chapter('c2', 'KHÁC', article('other', 'Nghỉ', 'Nghỉ hằng năm 12 ngày.')),
];

/** A document whose first article both sides agreed, open in the app's editor. */
function openAgreed() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeInitialContent({ blocks: body }));
  Y.transact(doc, () => negotiationMaps(doc).saveArticle({ ...openArticle('agreed'), status: 'agreed' }), 'server');
  const lock = new AgreedArticles(doc);
  const editor = createDocumentEditor({
    doc,
    awareness: new Awareness(doc),
    cursor: { name: 'Chị Lan', side: 'employer' },
    onDesync: (error) => {
      throw error;
    },
    lock,
  });
  editor.connect();
  const texts = () => Object.fromEntries(articlesOf(readContent(doc)).map((a) => [a.clauseId, articleText(a)]));
  return { doc, editor, lock, texts };
}

describe('an agreed article in the editor', () => {
  it('takes no typing, deleting, breaking or restructuring, while the next article does', async () => {
    const { editor, texts } = openAgreed();
    const before = texts();
    cursorAt(editor, [0, 1, 1], 5);
    editor.insertText('XYZ');
    editor.deleteBackward('character');
    editor.insertBreak();
    setBodyBlockType(editor, 'clause');
    Transforms.insertText(editor, 'trộm ', { at: { path: [0, 1, 1, 0], offset: 0 } });
    Transforms.removeNodes(editor, { at: [0, 1, 1] });
    await settle();
    expect(texts()).toEqual(before);
    expect(editor.children).toEqual(body);

    cursorAt(editor, [0, 2, 1], 0);
    editor.insertText('Mỗi năm: ');
    await settle();
    expect(texts().free).toBe('Thưởng\nMỗi năm: Thưởng Tết một tháng lương.');
  });

  it('is neither deleted with a selection that reaches into it, nor moved, nor taken away with its chapter', async () => {
    const { doc, editor, texts } = openAgreed();
    const before = texts();
    Transforms.select(editor, { anchor: { path: [0, 1, 1, 0], offset: 3 }, focus: { path: [0, 2, 1, 0], offset: 6 } });
    editor.deleteFragment();
    editor.insertText('x');
    cursorAt(editor, [0, 1, 0], 0);
    expect(moveArticle(editor, 'down')).toBe(true);
    Transforms.removeNodes(editor, { at: [0] });
    Transforms.mergeNodes(editor, { at: [1] });
    await settle();
    expect(texts()).toEqual(before);
    expect(editor.children).toEqual(body);
    // Its neighbours move past it, and a new article may follow it: neither changes it.
    cursorAt(editor, [0, 2, 0], 0);
    moveArticle(editor, 'up');
    cursorAt(editor, [0, 2, 0], 0);
    insertArticle(editor);
    await settle();
    expect(articlesOf(readContent(doc)).map((a) => a.clauseId)).toEqual(['free', 'agreed', expect.any(String), 'other']);
    expect(texts().agreed).toBe(before.agreed);
  });

  it('still receives the server’s change (an accepted position), and is editable again once reopened', async () => {
    const { doc, editor, lock, texts } = openAgreed();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const serverEditor = createDocumentEditor({
      doc: server,
      awareness: new Awareness(server),
      cursor: { name: 'server', side: 'employer' },
      onDesync: (error) => {
        throw error;
      },
      lock: { isLocked: () => false },
    });
    serverEditor.connect();
    Transforms.insertText(serverEditor, ' Được thống nhất.', { at: Editor.end(serverEditor, [0, 1, 1]) });
    await settle();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), 'server');
    await settle();
    expect(texts().agreed).toBe('Tiền lương\nLương tháng trả trước ngày 10. Được thống nhất.');
    expect(editor.children).toEqual(readContent(doc));

    Y.transact(doc, () => negotiationMaps(doc).saveArticle(openArticle('agreed')), 'server');
    expect(lock.isLocked('agreed')).toBe(false);
    cursorAt(editor, [0, 1, 1], 0);
    editor.insertText('Nay: ');
    await settle();
    expect(texts().agreed).toBe('Tiền lương\nNay: Lương tháng trả trước ngày 10. Được thống nhất.');
  });
});
