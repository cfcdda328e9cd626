import { Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import { moveArticle } from '../../renderer/editor/commands';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import { documentText } from '../editor/documentText';
import { article, chapter, cursorAt } from '../editor/builders';
import { lockingNothing, settle } from '../editor/peers';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

const initial = [chapter('c1', 'CHUNG', article('a1', 'Phạm vi', 'x'), article('a2', 'Thời giờ làm việc', 'Tám giờ một ngày.'))];

/** The text everyone should end with: the article moved up, the offline typing inside it. */
const expected = [
  'Chương I. CHUNG',
  'Điều 1. Thời giờ làm việc',
  '  ¶ Tám giờ (không quá 48 giờ một tuần) một ngày.',
  'Điều 2. Phạm vi',
  '  ¶ x',
].join('\n');

/** A client's body as documentText prints it ('' before it has synced). */
const textOf = (doc: Y.Doc): string => (contentRoot(doc).length === 0 ? '' : documentText(readContent(doc)));

describe('S29 a move keeps what someone typed inside the moved article meanwhile', () => {
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
    const editor = createDocumentEditor({ doc: client.doc, awareness: new Awareness(client.doc), cursor: { name: 'peer', side: 'union' }, lock: lockingNothing, onDesync: () => undefined });
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
