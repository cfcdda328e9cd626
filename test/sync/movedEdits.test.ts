import { Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Transforms } from 'slate';
import { contentRoot, encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { mapOffset } from '#main/sync/movedEdits';
import { moveArticle } from '../../renderer/editor/commands';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import { documentText } from '../editor/documentText';
import { article, chapter, cursorAt } from '../editor/builders';
import { createPeers, lockingNothing, settle } from '../editor/peers';
import { syncThroughServer } from '../editor/syncServerPeers';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

const initial = [chapter('c1', 'CHUNG', article('a1', 'Phạm vi', 'x'), article('a2', 'Thời giờ làm việc', 'Tám giờ một ngày.'))];

/** The text everyone should end with: the article moved up, the offline typing inside it. */
const expected = ['Chương I. CHUNG', 'Điều 1. Thời giờ làm việc', '  ¶ Tám giờ (không quá 48 giờ một tuần) một ngày.', 'Điều 2. Phạm vi', '  ¶ x'].join('\n');

/** A client's body as documentText prints it ('' before it has synced). */
const textOf = (doc: Y.Doc): string => (contentRoot(doc).length === 0 ? '' : documentText(readContent(doc)));

describe('S31 a move keeps what someone typed inside the moved article meanwhile', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  const editors: DocumentEditor[] = [];
  afterEach(async () => {
    for (const editor of editors.splice(0)) editor.disconnect();
    for (const client of clients.splice(0)) client.destroy();
    await harness.dispose();
  });

  /** A stock client with the application's editor bound to its document, once synced. */
  async function editorFor(documentId: string, token: string): Promise<{ client: SyncClient; editor: DocumentEditor }> {
    const client = connectClient(harness.server.url, documentId, token);
    clients.push(client);
    await synced(client);
    const editor = createDocumentEditor({
      doc: client.doc,
      awareness: new Awareness(client.doc),
      cursor: { name: 'peer', side: 'union' },
      lock: lockingNothing,
      onDesync: () => undefined,
    });
    editor.connect();
    editors.push(editor);
    return { client, editor };
  }

  it('an edit typed offline in an article moved meanwhile is in the moved article on every client, attributed to its author, and after a restart', async () => {
    harness = await startHarness();
    const document = await harness.server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', variables: {}, language: 'vi', content: initial },
      { kind: 'admin' },
    );
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const a = await editorFor(document.id, employer.token);
    const b = await editorFor(document.id, union.token);

    b.client.provider.disconnect();
    cursorAt(b.editor, [0, 2, 1], 'Tám giờ'.length);
    b.editor.insertText(' (không quá 48 giờ một tuần)');
    cursorAt(a.editor, [0, 2, 1], 0);
    moveArticle(a.editor, 'up');
    await settle();
    // The server relays only what it stored: once an observer sees the move, the server has it.
    const observer = connectClient(harness.server.url, document.id, employer.token);
    clients.push(observer);
    await waitFor(() => textOf(observer.doc).startsWith('Chương I. CHUNG\nĐiều 1. Thời giờ làm việc'), 'the server to store the move');
    expect(textOf(observer.doc)).not.toContain('48 giờ');
    b.client.provider.connect();

    for (const { client } of [a, b]) await waitFor(() => textOf(client.doc) === expected, 'the moved article to hold the offline edit', { timeoutMs: 10_000 });
    expect(b.client.denials).toEqual([]);
    const carried = harness.logger.lines.find((line) => line.event === 'sync.moved_edit_carried');
    expect(carried?.fields).toMatchObject({ participant: union.participant.id, characters: ' (không quá 48 giờ một tuần)'.length });

    for (const editor of editors.splice(0)) editor.disconnect();
    for (const client of clients.splice(0)) client.destroy();
    await harness.stop();
    await harness.restart();
    const late = connectClient(harness.server.url, document.id, employer.token);
    clients.push(late);
    await synced(late);
    expect(textOf(late.doc)).toBe(expected);
  });
});

describe('S31 what the server carries into a moved copy, and what it does not', () => {
  const twoArticles = [chapter('c1', 'CHUNG', article('a1', 'Phạm vi', 'x'), article('a2', 'Thời giờ làm việc', 'Tám giờ một ngày.'))];

  /** Peer 0 does `mover`, peer 1 types `typed` in Điều 2's paragraph after 'Tám giờ'; both through the server in `arrival` order. */
  async function run(mover: (editor: DocumentEditor) => void, typed: string, arrival: number[]) {
    const seed = encodeInitialContent({ blocks: twoArticles });
    const peers = createPeers(twoArticles, 2, seed);
    const [a, b] = peers;
    if (!a || !b) throw new Error('two peers expected');
    mover(a.editor);
    cursorAt(b.editor, [0, 2, 1], 'Tám giờ'.length);
    b.editor.insertText(typed);
    const outcome = await syncThroughServer(peers, seed, arrival);
    for (const peer of peers) expect(readContent(peer.doc)).toEqual(outcome.served);
    expect(outcome.afterRestart).toEqual(outcome.served);
    return { text: documentText(outcome.served), events: outcome.events };
  }

  const moveUp = (editor: DocumentEditor): void => {
    cursorAt(editor, [0, 2, 1], 0);
    moveArticle(editor, 'up');
  };

  it('carries nothing twice when the typing and the move are sent again', async () => {
    const { text, events } = await run(moveUp, ' (ca ngày)', [1, 0, 1, 0, 1]);
    expect(text).toContain('Điều 1. Thời giờ làm việc\n  ¶ Tám giờ (ca ngày) một ngày.');
    expect(text.split('(ca ngày)')).toHaveLength(2);
    expect(events.filter(({ event }) => event === 'sync.moved_edit_carried')).toHaveLength(1);
  });

  it('keeps the order of two texts typed at one place by two peers before the move arrived', async () => {
    const seed = encodeInitialContent({ blocks: twoArticles });
    const peers = createPeers(twoArticles, 3, seed);
    const [a, b, c] = peers;
    if (!a || !b || !c) throw new Error('three peers expected');
    moveUp(a.editor);
    cursorAt(b.editor, [0, 2, 1], 'Tám giờ'.length);
    b.editor.insertText(' (ca ngày)');
    cursorAt(c.editor, [0, 2, 1], 'Tám giờ'.length);
    c.editor.insertText(' (ca đêm)');
    await settle();
    // The order Yjs gives the two in the old copy, as the typists see it without the move.
    const typists = new Y.Doc();
    for (const update of [seed, Y.encodeStateAsUpdate(b.doc), Y.encodeStateAsUpdate(c.doc)]) Y.applyUpdate(typists, update);
    const paragraph = (blocks: ReturnType<typeof readContent>, articleIndex: number): string => documentText(blocks).split('\n')[articleIndex * 2 + 2] ?? '';
    const outcome = await syncThroughServer(peers, seed, [1, 2, 0]);
    expect(paragraph(outcome.served, 0)).toBe(paragraph(readContent(typists), 1));
    expect(paragraph(outcome.served, 0)).toMatch(/ca ngày.*ca đêm|ca đêm.*ca ngày/);
  });

  it('appends to the end of the moved block, with a log line, text whose place the mover changed on both sides', async () => {
    const moveAndRewrite = (editor: DocumentEditor): void => {
      moveUp(editor);
      // The moved paragraph, now Điều 1's, rewritten at both ends.
      cursorAt(editor, [0, 1, 1], 0);
      editor.deleteForward('character');
      editor.deleteForward('character');
      editor.deleteForward('character');
      editor.insertText('Chín');
      cursorAt(editor, [0, 1, 1], -1);
      editor.insertText(' làm việc');
    };
    const { text, events } = await run(moveAndRewrite, ' bình thường', [1, 0]);
    expect(text).toContain('Điều 1. Thời giờ làm việc\n  ¶ Chín giờ một ngày. làm việc bình thường');
    expect(events.find(({ event }) => event === 'sync.moved_edit_appended')?.fields).toMatchObject({
      participant: 'participant-1',
      characters: ' bình thường'.length,
    });
  });

  it('carries nothing when the article was deleted rather than moved: the typing goes with it', async () => {
    const deleteArticle = (editor: DocumentEditor): void => {
      Transforms.removeNodes(editor, { at: [0, 2] });
    };
    for (const arrival of [
      [1, 0],
      [0, 1],
    ]) {
      const { text, events } = await run(deleteArticle, ' (ca ngày)', arrival);
      expect(text).toBe(['Chương I. CHUNG', 'Điều 1. Phạm vi', '  ¶ x'].join('\n'));
      expect(events.filter(({ event }) => event.startsWith('sync.moved_edit'))).toEqual([]);
    }
  });
});

describe('S22 with S31: text typed into an element a move deleted meanwhile', () => {
  it('is judged by the type the element had: text is accepted, a character no document can hold refused', async () => {
    const twoArticles = [chapter('c1', 'CHUNG', article('a1', 'Phạm vi', 'x'), article('a2', 'Hai', 'y'))];
    const typing = async (typed: string) => {
      const seed = encodeInitialContent({ blocks: twoArticles });
      const peers = createPeers(twoArticles, 2, seed);
      const [a, b] = peers;
      if (!a || !b) throw new Error('two peers expected');
      cursorAt(a.editor, [0, 2, 1], 0);
      moveArticle(a.editor, 'up');
      cursorAt(b.editor, [0, 2, 1], -1);
      b.editor.insertText(typed);
      return documentText((await syncThroughServer(peers, seed, [0, 1])).served);
    };
    expect(await typing(' mới')).toContain('Điều 1. Hai\n  ¶ y mới');
    await expect(typing(' \u0001')).rejects.toThrow(/no document can hold/);
  });
});

describe('mapOffset (where a place of the old copy is in the moved one)', () => {
  it('maps through an unchanged start or end, and gives up when both sides changed', () => {
    expect(mapOffset('Tám giờ một ngày.', 'Tám giờ một ngày.', 7)).toBe(7);
    expect(mapOffset('Tám giờ một ngày.', 'Tám giờ một ngày làm việc.', 7)).toBe(7);
    expect(mapOffset('Tám giờ một ngày.', 'Chín giờ một ngày.', 7)).toBe(8);
    expect(mapOffset('Tám giờ một ngày.', 'Chín giờ một ngày làm việc.', 7)).toBeNull();
  });
});
