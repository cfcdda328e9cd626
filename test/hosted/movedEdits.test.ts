import { Awareness } from 'y-protocols/awareness';
import { afterEach, describe, it } from 'vitest';
import type * as Y from 'yjs';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import { moveArticle } from '../../renderer/editor/commands';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import { article, chapter, cursorAt } from '../editor/builders';
import { documentText } from '../editor/documentText';
import { lockingNothing, settle } from '../editor/peers';
import { startCluster, type Cluster } from '../helpers/cluster';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

const textOf = (doc: Y.Doc): string => (contentRoot(doc).length === 0 ? '' : documentText(readContent(doc)));

describe('S31 in hosted mode: the instance that stores the edit carries it into the article another instance moved', () => {
  let cluster: Cluster;
  const clients: SyncClient[] = [];
  const editors: DocumentEditor[] = [];
  afterEach(async () => {
    for (const editor of editors.splice(0)) editor.disconnect();
    for (const client of clients.splice(0)) client.destroy();
    await cluster.dispose();
  });

  it('an offline edit sent to one instance lands once in the article moved through the other, on both instances', async () => {
    cluster = await startCluster(2);
    const host = cluster.client(0);
    const content = [chapter('c1', 'CHUNG', article('a1', 'Phạm vi', 'x'), article('a2', 'Thời giờ làm việc', 'Tám giờ một ngày.'))];
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', variables: {}, content });
    const seat = async (side: 'employer' | 'union', name: string, via: number) => {
      const invitation = await host.call('invitations/create', { documentId: document.id, side });
      const redeemed = await cluster.client(via, null).call('invitations/redeem', { code: invitation.code, displayName: name });
      const client = connectClient(cluster.instances[via]?.url ?? '', document.id, redeemed.token);
      clients.push(client);
      await synced(client);
      const editor = createDocumentEditor({
        doc: client.doc,
        awareness: new Awareness(client.doc),
        cursor: { name, side },
        lock: lockingNothing,
        onDesync: () => undefined,
      });
      editor.connect();
      editors.push(editor);
      return { client, editor };
    };
    const a = await seat('employer', 'Chị Lan', 0);
    const b = await seat('union', 'Anh Minh', 1);
    const observer = await seat('employer', 'Chị Hoa', 1);

    b.client.provider.disconnect();
    cursorAt(b.editor, [0, 2, 1], 'Tám giờ'.length);
    b.editor.insertText(' (không quá 48 giờ một tuần)');
    cursorAt(a.editor, [0, 2, 1], 0);
    moveArticle(a.editor, 'up');
    await settle();
    // Once an observer on the second instance sees the move, that instance holds it.
    await waitFor(() => textOf(observer.client.doc).startsWith('Chương I. CHUNG\nĐiều 1. Thời giờ làm việc'), 'the second instance to hold the move', {
      timeoutMs: 15_000,
    });
    b.client.provider.connect();

    const expected = ['Chương I. CHUNG', 'Điều 1. Thời giờ làm việc', '  ¶ Tám giờ (không quá 48 giờ một tuần) một ngày.', 'Điều 2. Phạm vi', '  ¶ x'].join(
      '\n',
    );
    for (const { client } of [a, b, observer])
      await waitFor(() => textOf(client.doc) === expected, 'both instances’ clients to have the edit in the moved article', { timeoutMs: 15_000 });
  });
});
