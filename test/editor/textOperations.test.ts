import { Editor, Transforms, type Operation } from 'slate';
import { describe, expect, it } from 'vitest';
import type { TopLevelBlock } from '#shared/document/nodes';
import { NumberingStore } from '../../renderer/editor/numberingStore';
import { isBodyTextOperation, isTextLevelOperation } from '../../renderer/editor/textOperations';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import { article, cursorAt } from './builders';
import { createPeers, settle, syncPeers, type Peer } from './peers';

// What the panels that follow the text (numbers, outline, variables) may skip: anyone's typing.
// slate-yjs applies another person's typing in marked text as text nodes inserted, split and
// merged, not as typed text, so "typing" cannot be told by the operations' type alone.

const initial = [article('a1', 'Tiền lương', 'Mức lương thấp nhất.', 'Trả vào ngày 10.'), article('a2', 'Nghỉ lễ', 'Nghỉ theo luật.')];

/** The operations each change brings to `peer`'s editor, one list per change. */
function changesSeenBy(peer: Peer): Operation[][] {
  const changes: Operation[][] = [];
  const onChange = peer.editor.onChange;
  peer.editor.onChange = (options) => {
    if (peer.editor.operations.length > 0) changes.push([...peer.editor.operations]);
    onChange(options);
  };
  return changes;
}

/** Makes `edit` in the first peer's editor, syncs the peers, and returns the operations the second peer's editor saw. */
function typingBetween(peers: Peer[]): (edit: (editor: DocumentEditor) => void) => Promise<Operation[]> {
  const [typist, watcher] = peers as [Peer, Peer];
  const seen = changesSeenBy(watcher);
  return async (edit) => {
    const before = seen.length;
    edit(typist.editor);
    await syncPeers(peers);
    return seen.slice(before).flat();
  };
}

describe('operations that only change text', () => {
  it("counts another person's typing, inserting and deleting, as text-level", async () => {
    const peers = createPeers(initial);
    const typeAndSync = typingBetween(peers);
    const atEnd = await typeAndSync((editor) => {
      cursorAt(editor, [0, 1], -1);
      editor.insertText(' hằng tháng');
    });
    const inMiddle = await typeAndSync((editor) => {
      cursorAt(editor, [0, 2], 'Trả vào'.length);
      editor.insertText(' đúng');
    });
    const deleted = await typeAndSync((editor) => {
      cursorAt(editor, [1, 1], -1);
      editor.deleteBackward('character');
    });
    const bold = await typeAndSync((editor) => {
      cursorAt(editor, [1, 1], -1);
      Editor.addMark(editor, 'bold', true);
      editor.insertText(' Có lương.');
    });
    const remote = [...atEnd, ...inMiddle, ...deleted, ...bold];
    // Plain words come as typed text (withRemoteTyping), bold ones in the remote form, which a rule
    // on typed text alone would have taken for a change of structure.
    expect(new Set(remote.map((operation) => operation.type))).toEqual(new Set(['insert_text', 'insert_node', 'split_node', 'merge_node', 'remove_text']));
    expect(remote.filter((operation) => !isTextLevelOperation(operation))).toEqual([]);
    expect(peers.map((peer) => peer.editor.children)).toEqual([peers[0]?.editor.children, peers[0]?.editor.children]);
  });

  it('counts a block split, added or removed, and a chip, as more than text', async () => {
    const typeAndSync = typingBetween(createPeers(initial));
    const split = await typeAndSync((editor) => {
      cursorAt(editor, [0, 1], 'Mức lương'.length);
      editor.insertBreak();
    });
    const added = await typeAndSync((editor) => Transforms.insertNodes(editor, article('a3', 'Thưởng', 'Thưởng Tết.'), { at: [2] }));
    const removed = await typeAndSync((editor) => Transforms.removeNodes(editor, { at: [1] }));
    const chip = await typeAndSync((editor) => {
      cursorAt(editor, [0, 2], -1);
      Transforms.insertNodes(editor, { type: 'variable', variableId: 'muc_luong_toi_thieu', children: [{ text: '' }] });
    });
    for (const change of [split, added, removed, chip]) expect(change.some((operation) => !isTextLevelOperation(operation))).toBe(true);
  });

  it('counts a paragraph split or joined here, where Slate splits and merges the elements themselves, as more than text', async () => {
    const [typist] = createPeers(initial) as [Peer];
    const seen = changesSeenBy(typist);
    const changeOf = async (edit: () => void): Promise<Operation[]> => {
      const before = seen.length;
      edit();
      await settle();
      return seen.slice(before).flat();
    };
    const broken = await changeOf(() => {
      cursorAt(typist.editor, [0, 1], 'Mức lương'.length);
      typist.editor.insertBreak();
    });
    const joined = await changeOf(() => {
      cursorAt(typist.editor, [0, 2], 0);
      typist.editor.deleteBackward('character');
    });
    expect(broken.find((operation) => operation.type === 'split_node' && 'type' in operation.properties)).toBeDefined();
    expect(joined.find((operation) => operation.type === 'merge_node' && 'type' in operation.properties)).toBeDefined();
    for (const change of [broken, joined]) expect(change.some((operation) => !isTextLevelOperation(operation))).toBe(true);
  });

  it("tells another person's typing in an article's title, which the outline shows, from typing in its body", async () => {
    const peers = createPeers(initial);
    const [, watcher] = peers as [Peer, Peer];
    const typeAndSync = typingBetween(peers);
    const inBody = await typeAndSync((editor) => {
      cursorAt(editor, [0, 1], -1);
      editor.insertText(' vùng I');
    });
    const inTitle = await typeAndSync((editor) => {
      cursorAt(editor, [1, 0], -1);
      editor.insertText(' và Tết');
    });
    expect(inBody.every((operation) => isBodyTextOperation(watcher.editor, operation))).toBe(true);
    expect(inTitle.some((operation) => operation.type !== 'set_selection')).toBe(true);
    expect(inTitle.filter((operation) => isBodyTextOperation(watcher.editor, operation) && operation.type !== 'set_selection')).toEqual([]);
  });

  it('leaves the article numbers alone while another person types, and follows an article added', async () => {
    const peers = createPeers(initial);
    const [, watcher] = peers as [Peer, Peer];
    const typeAndSync = typingBetween(peers);
    const numbering = new NumberingStore();
    numbering.update(watcher.editor.children as TopLevelBlock[], null);
    let notified = 0;
    numbering.subscribe(() => (notified += 1));
    const follow = (operations: Operation[]) => numbering.update(watcher.editor.children as TopLevelBlock[], operations);

    follow(
      await typeAndSync((editor) => {
        cursorAt(editor, [1, 0], -1);
        editor.insertText(' và Tết');
      }),
    );
    expect(notified).toBe(0);

    follow(await typeAndSync((editor) => Transforms.insertNodes(editor, article('a0', 'Phạm vi', 'Áp dụng cho mọi người.'), { at: [0] })));
    expect(notified).toBe(1);
    expect([numbering.articleNumber('a0'), numbering.articleNumber('a1'), numbering.articleNumber('a2')]).toEqual([1, 2, 3]);
  });
});
