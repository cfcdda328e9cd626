import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '#main/logger';
import { createServiceEvents } from '#main/kernel/serviceEvents';
import { contentRoot } from '#shared/document/yjsContent';
import { agreementBody, clauseIds, lastParagraphOf } from '../negotiation/negotiationFixture';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

describe('S8 service events: a failing reaction fails neither its emitter nor the other reactions', () => {
  it('logs a listener that throws and runs the others', async () => {
    const logger = createMemoryLogger();
    const events = createServiceEvents(logger);
    const heard: string[] = [];
    events.on('documentChanged', () => {
      throw new Error('disk I/O error');
    });
    events.on('documentChanged', ({ documentId }) => {
      heard.push(documentId);
    });
    await expect(events.emit('documentChanged', { documentId: 'tu-2027' })).resolves.toBeUndefined();
    expect(heard).toEqual(['tu-2027']);
    expect(logger.lines).toMatchObject([{ level: 'error', event: 'events.listener_failed', fields: { event: 'documentChanged' } }]);
  });

  describe('on a server', () => {
    let harness: Harness;
    const clients: SyncClient[] = [];
    afterEach(async () => {
      for (const client of clients.splice(0)) client.destroy();
      await harness.dispose();
    });

    it('a reaction to stored edits that fails (a storage error, say) is logged, and the server serves on', async () => {
      harness = await startHarness();
      const { server } = harness;
      const document = await server.handlers['documents/create'](
        { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', content: agreementBody(), variables: {}, language: 'vi' },
        { kind: 'admin' },
      );
      let reactions = 0;
      server.context.events.on('documentEdited', () => {
        reactions += 1;
        throw new Error('disk I/O error');
      });
      const connect = async (token: string) => {
        const doc = new Y.Doc();
        contentRoot(doc);
        const client = connectClient(server.url, document.id, token, doc);
        clients.push(client);
        await synced(client);
        return client;
      };
      const editor = await connect((await joinAs(server, document.id, 'union', 'Anh Minh')).token);
      const witness = await connect((await joinAs(server, document.id, 'employer', 'Chị Lan')).token);
      lastParagraphOf(editor.doc, clauseIds.wage).insert(0, 'Sửa lần một. ');
      await waitFor(
        () => reactions === 1 && lastParagraphOf(witness.doc, clauseIds.wage).toString().startsWith('Sửa lần một.'),
        'the edit to be relayed and reacted to',
      );
      lastParagraphOf(editor.doc, clauseIds.wage).insert(0, 'Sửa lần hai. ');
      await waitFor(() => lastParagraphOf(witness.doc, clauseIds.wage).toString().startsWith('Sửa lần hai. Sửa lần một.'), 'a later edit to be relayed');
      expect(harness.logger.lines.filter((line) => line.event === 'events.listener_failed')).toHaveLength(2);
      expect(editor.drops + witness.drops).toBe(0);
    });
  });
});
