import { Editor, Transforms, type Operation } from 'slate';
import { describe, expect, it } from 'vitest';
import { article, cursorAt } from './builders';
import { createPeers, syncPeers, type Peer } from './peers';

// Another person's plain typing reaches the editor as typed text (withRemoteTyping), not as a text
// node that normalizing merges back and sends to Yjs again.

const initial = [article('a1', 'Tiền lương', 'Mức lương thấp nhất.', 'Trả vào ngày 10.')];

/** The second peer's operations while the first peer's `edit` reaches it, and the changes it sent back. */
async function watch(peers: Peer[], edit: (editor: Peer['editor']) => void): Promise<{ operations: Operation[]; sentBack: number }> {
  const [typist, watcher] = peers as [Peer, Peer];
  const operations: Operation[] = [];
  const { onChange } = watcher.editor;
  watcher.editor.onChange = (options) => {
    operations.push(...watcher.editor.operations);
    onChange(options);
  };
  let sentBack = 0;
  const countOwn = (_update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') sentBack += 1;
  };
  edit(typist.editor);
  watcher.doc.on('update', countOwn);
  await syncPeers(peers);
  watcher.doc.off('update', countOwn);
  watcher.editor.onChange = onChange;
  return { operations, sentBack };
}

const typesOf = (operations: Operation[]) => operations.filter((operation) => operation.type !== 'set_selection').map((operation) => operation.type);

describe("another person's typing", () => {
  it('arrives at the end of plain text as typed text, and nothing is sent back', async () => {
    const peers = createPeers(initial);
    const { operations, sentBack } = await watch(peers, (editor) => {
      cursorAt(editor, [0, 1], -1);
      editor.insertText(' Từ năm 2027.');
    });
    expect(typesOf(operations)).toEqual(['insert_text']);
    expect(sentBack).toBe(0);
    expect(peers[1]?.editor.children).toEqual(peers[0]?.editor.children);
  });

  it('arrives in the middle of plain text in one piece: the text split for it is joined again at once', async () => {
    const peers = createPeers(initial);
    const { operations, sentBack } = await watch(peers, (editor) => {
      cursorAt(editor, [0, 2], 'Trả vào'.length);
      editor.insertText(' đúng');
    });
    expect(typesOf(operations)).toEqual(['split_node', 'insert_text', 'merge_node']);
    expect(sentBack).toBe(0);
    expect(Editor.string(peers[1]?.editor as Editor, [0, 2])).toBe('Trả vào đúng ngày 10.');
    expect((peers[1]?.editor.children[0] as { children: { children: unknown[] }[] }).children[2]?.children).toHaveLength(1);
    expect(peers[1]?.editor.children).toEqual(peers[0]?.editor.children);
  });

  it("leaves the watcher's caret where it was: before words typed at it, after words typed before it", async () => {
    const peers = createPeers(initial);
    const [, watcher] = peers as [Peer, Peer];
    cursorAt(watcher.editor, [0, 1], -1);
    await watch(peers, (editor) => {
      cursorAt(editor, [0, 1], -1);
      editor.insertText(' Từ năm 2027.');
    });
    expect(watcher.editor.selection?.anchor).toEqual({ path: [0, 1, 0], offset: 'Mức lương thấp nhất.'.length });
    expect(watcher.editor.selection?.focus).toEqual(watcher.editor.selection?.anchor);

    Transforms.select(watcher.editor, { path: [0, 2, 0], offset: 'Trả vào ngày'.length });
    await watch(peers, (editor) => {
      cursorAt(editor, [0, 2], 'Trả vào'.length);
      editor.insertText(' đúng');
    });
    expect(watcher.editor.selection?.anchor).toEqual({ path: [0, 2, 0], offset: 'Trả vào đúng ngày'.length });
  });

  it('in marked text keeps the form whose formatting restates its marks (decision 0024), and converges', async () => {
    const peers = createPeers(initial);
    const { operations } = await watch(peers, (editor) => {
      cursorAt(editor, [0, 1], -1);
      Editor.addMark(editor, 'bold', true);
      editor.insertText(' Có lương.');
    });
    expect(typesOf(operations)).toContain('insert_node');
    expect(typesOf(operations)).not.toContain('insert_text');
    await syncPeers(peers);
    expect(peers[1]?.editor.children).toEqual(peers[0]?.editor.children);
  });
});
