import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readContent, variablesMap } from '#shared/document/yjsContent';
import { assembleSnapshot } from '#shared/versions/deleteSets';
import { readDocumentAt } from '#shared/versions/snapshotContent';
import { storedDoc } from '../helpers/storedState';
import { waitFor } from '../helpers/waitFor';
import type { SyncClient } from '../helpers/syncClient';
import { appendWords, replaceWords, startHistoryServer, type HistoryServer } from './historyFixture';

let server: HistoryServer;
afterEach(async () => server.dispose());

/** Waits until both clients and the server hold the same body. */
async function converged(a: SyncClient, b: SyncClient): Promise<void> {
  await waitFor(() => JSON.stringify(readContent(a.doc)) === JSON.stringify(readContent(b.doc)), 'the two clients to converge', {
    subscribe: (notify) => {
      a.doc.on('update', notify);
      b.doc.on('update', notify);
      return () => {
        a.doc.off('update', notify);
        b.doc.off('update', notify);
      };
    },
  });
  await server.serverHas(a);
}

describe('S16 versions are rebuilt exactly', () => {
  it('each version equals the text at the moment it was taken, after concurrent edits, compactions and restarts', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const taken: { id: string; number: number; text: Awaited<ReturnType<HistoryServer['serverText']>> }[] = [];

    for (let round = 1; round <= 3; round += 1) {
      // Each round on fresh connections: the room closes between rounds, which compacts the log.
      const a = await server.connect(lan);
      const b = await server.connect(minh);
      // Concurrent: both edit the same paragraph before either hears of the other's edit.
      replaceWords(a.doc, 'dieu-thoi-han', 1, `0${round + 2} năm`, `0${round + 3} năm`);
      appendWords(b.doc, 'dieu-thoi-han', 1, ` Vòng ${round}.`);
      const wage = ['thấp nhất', 'ít nhất', 'tối thiểu', 'cao hơn'];
      replaceWords(b.doc, 'dieu-tien-luong', 1, wage[round - 1] as string, wage[round] as string);
      if (round === 1) appendWords(a.doc, 'dieu-pham-vi', 0, ' và đối tượng');
      variablesMap(a.doc).set('headcount', 100 + round);
      await converged(a, b);
      await waitFor(async () => (await server.serverText()).variables.headcount === 100 + round, 'the variable to reach the server');
      const version = await (round % 2 === 1 ? lan : minh).client.call('versions/create', { documentId: server.documentId, name: `Vòng ${round}` });
      taken.push({ id: version.id, number: version.number, text: await server.serverText() });
      // Edits after the version must not show in it.
      appendWords(a.doc, 'dieu-thuong-tet', 1, ` (sau vòng ${round})`);
      await converged(a, b);
      a.destroy();
      b.destroy();
      await waitFor(() => server.harness.server.sync.stats().openDocuments === 0, 'the room to close (and compact)');
    }
    expect(new Set(taken.map((version) => JSON.stringify(version.text.blocks))).size).toBe(3);
    expect(JSON.stringify(taken[0]?.text.blocks)).toContain('hiệu lực 04 năm kể từ ngày ký. Vòng 1.');

    // Straight through the handlers of whichever server runs now (HTTP is covered elsewhere).
    const check = async () => {
      for (const version of taken) {
        const got = await server.harness.server.handlers['versions/get']({ documentId: server.documentId, versionId: version.id }, { kind: 'admin' });
        expect({ blocks: got.blocks, variables: got.variables }).toEqual(version.text);
      }
    };
    await check();
    // Restarted on the same data folder: everything was compacted into one checkpoint.
    const port = server.harness.server.port;
    await server.harness.stop();
    const restarted = await server.harness.restart({ port });
    expect((await restarted.context.store.updates.load(server.documentId)).tail).toEqual([]);
    await check();

    // The same as Yjs's own reconstruction: a document built from each snapshot over the stored state.
    const stored = await storedDoc(restarted.context.store.updates, server.documentId);
    const headers = await restarted.context.store.versions.list(server.documentId);
    for (const version of taken) {
      const header = headers.find((candidate) => candidate.id === version.id);
      if (!header) throw new Error('version missing');
      const pieces = (await restarted.context.store.versions.snapshotPieces(server.documentId, header.snapshotBase, header.number)).map(
        (piece) => piece.snapshot,
      );
      const snapshot = assembleSnapshot(pieces);
      expect(readContent(Y.createDocFromSnapshot(stored, snapshot))).toEqual(version.text.blocks);
      expect(readDocumentAt(stored, snapshot)).toEqual(version.text);
    }
  });

  it('a named version says what changed since the previous one, and who changed it', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const a = await server.connect(lan);
    appendWords(a.doc, 'dieu-pham-vi', 1, ' Kể cả người học nghề.');
    await server.serverHas(a);
    const version = await lan.client.call('versions/create', { documentId: server.documentId, name: 'Có người học nghề' });
    const got = await lan.client.call('versions/get', { documentId: server.documentId, versionId: version.id });
    expect(got.blocks).toEqual(readContent(a.doc));
    expect(version.summary.changed.map((article) => article.clauseId)).toEqual(['dieu-pham-vi']);
    expect(version.summary.contributors.map((person) => person.displayName)).toEqual(['Chị Lan (Nhân sự)']);
  });
});
