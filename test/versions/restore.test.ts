import { afterEach, describe, expect, it } from 'vitest';
import { articlesOf, removeArticle } from '#shared/document/articles';
import { readContent } from '#shared/document/yjsContent';
import { articleStatusRootName } from '#shared/negotiation/model';
import { expectApiError } from '../helpers/apiTransports';
import { waitFor } from '../helpers/waitFor';
import type { SyncClient } from '../helpers/syncClient';
import { appendWords, replaceWords, startHistoryServer, type HistoryServer } from './historyFixture';

let server: HistoryServer;
afterEach(async () => server.dispose());

const bodyOf = (client: SyncClient): string => JSON.stringify(readContent(client.doc));

function hasBody(client: SyncClient, expected: unknown, what: string): Promise<void> {
  return waitFor(() => bodyOf(client) === JSON.stringify(expected), what, {
    subscribe: (notify) => {
      client.doc.on('update', notify);
      return () => client.doc.off('update', notify);
    },
  });
}

describe('restoring a past version', () => {
  it('makes the past text current as a new change, keeps every version, and reaches the other client', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const a = await server.connect(lan);
    const b = await server.connect(minh);
    replaceWords(a.doc, 'dieu-thoi-han', 1, '03 năm', '02 năm');
    await server.serverHas(a);
    const proposal = await lan.client.call('versions/create', { documentId: server.documentId, name: 'Đề xuất của bên sử dụng lao động' });
    const proposalText = await server.serverText();

    // Both go on: Minh rewrites two articles, and removes the bonus article.
    replaceWords(b.doc, 'dieu-thoi-han', 1, '02 năm', '03 năm');
    appendWords(b.doc, 'dieu-tien-luong', 1, ' Tăng 7% mỗi năm.');
    removeArticle(b.doc, 'dieu-thuong-tet');
    await hasBody(a, readContent(b.doc), 'Minh’s edits to reach Lan');
    await server.serverHas(a);
    const counter = await minh.client.call('versions/create', { documentId: server.documentId, name: 'Phương án của công đoàn' });
    const seqBefore = await server.harness.server.context.store.updates.lastSeq(server.documentId);
    const listBefore = await server.host.call('versions/list', { documentId: server.documentId });

    const restored = await lan.client.call('versions/restore', { documentId: server.documentId, versionId: proposal.id });
    expect(restored).toMatchObject({
      kind: 'restore',
      restoredFrom: { id: proposal.id, number: proposal.number },
      author: { displayName: 'Chị Lan (Nhân sự)' },
    });
    expect(restored.summary).toMatchObject({
      added: [{ clauseId: 'dieu-thuong-tet', number: 4 }],
      changed: [{ clauseId: 'dieu-thoi-han' }, { clauseId: 'dieu-tien-luong' }],
    });

    // The other client receives the restored text; so does the first.
    await hasBody(b, proposalText.blocks, 'the restored text to reach Minh');
    await hasBody(a, proposalText.blocks, 'the restored text to reach Lan');
    // A new change: the log grew, and every version is still there and still reads as it did.
    expect(await server.harness.server.context.store.updates.lastSeq(server.documentId)).toBeGreaterThan(seqBefore);
    const listAfter = await server.host.call('versions/list', { documentId: server.documentId });
    expect(listAfter.versions.slice(1).map((version) => version.id)).toEqual(listBefore.versions.map((version) => version.id));
    const counterNow = await server.host.call('versions/get', { documentId: server.documentId, versionId: counter.id });
    expect(JSON.stringify(counterNow.blocks)).toContain('Tăng 7% mỗi năm.');
    expect(articlesOf(counterNow.blocks).map((article) => article.clauseId)).not.toContain('dieu-thuong-tet');

    // Articles the restore left as they were keep their authors: only what differed was rewritten.
    const attribution = await server.host.call('versions/attribution', { documentId: server.documentId });
    const scope = attribution.articles.find((article) => article.clauseId === 'dieu-pham-vi');
    expect(scope?.shares.map((share) => share.person.participantId)).toEqual([null]);

    // Restoring the text the document already has changes nothing, and says so.
    await expectApiError(lan.client.call('versions/restore', { documentId: server.documentId, versionId: restored.id }), 'conflict');
    const entries = (await server.harness.server.context.store.audit.listByDocument(server.documentId)).map((entry) => entry.action);
    expect(entries).toContain('version.restored');
  });

  it('keeps the text as it was before a restore in a version of its own, so that the restore can be undone', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const a = await server.connect(lan);
    const initial = (await server.host.call('versions/list', { documentId: server.documentId })).versions[0];
    replaceWords(a.doc, 'dieu-thoi-han', 1, '03 năm', '02 năm');
    await server.serverHas(a);
    const beforeRestore = await server.serverText();
    const restored = await lan.client.call('versions/restore', { documentId: server.documentId, versionId: initial?.id ?? '' });
    const { versions } = await lan.client.call('versions/list', { documentId: server.documentId });
    expect(versions.map((version) => version.kind)).toEqual(['restore', 'automatic', 'initial']);
    expect(restored.summary.changed.map((article) => article.clauseId)).toEqual(['dieu-thoi-han']);
    const kept = versions[1];
    expect((await lan.client.call('versions/get', { documentId: server.documentId, versionId: kept?.id ?? '' })).blocks).toEqual(beforeRestore.blocks);
    await lan.client.call('versions/restore', { documentId: server.documentId, versionId: kept?.id ?? '' });
    await waitFor(() => bodyOf(a) === JSON.stringify(beforeRestore.blocks), 'the restore to be undone');
  });

  it('copies one article back from a past version, in place or where it stood, and nothing else', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const a = await server.connect(lan);
    const b = await server.connect(minh);
    const initial = (await server.host.call('versions/list', { documentId: server.documentId })).versions[0];
    if (!initial) throw new Error('no initial version');
    replaceWords(a.doc, 'dieu-thuong-tet', 1, 'một tháng', 'nửa tháng');
    replaceWords(a.doc, 'dieu-thoi-han', 1, '03 năm', '01 năm');
    removeArticle(a.doc, 'dieu-tien-luong');
    await hasBody(b, readContent(a.doc), 'Lan’s edits to reach Minh');
    await server.serverHas(a);

    // In place: the bonus article's text comes back; the term article keeps Lan's edit.
    await minh.client.call('versions/restoreArticle', { documentId: server.documentId, versionId: initial.id, clauseId: 'dieu-thuong-tet' });
    await waitFor(() => bodyOf(a).includes('một tháng lương'), 'the article to come back for Lan');
    expect(bodyOf(a)).toContain('01 năm');
    // Where it stood: the removed wage article goes back after the article that preceded it.
    const back = await minh.client.call('versions/restoreArticle', { documentId: server.documentId, versionId: initial.id, clauseId: 'dieu-tien-luong' });
    expect(back.summary.added).toEqual([{ clauseId: 'dieu-tien-luong', number: 3, title: 'Tiền lương' }]);
    await waitFor(() => bodyOf(a).includes('Mức lương thấp nhất'), 'the removed article to come back for Lan');
    expect(articlesOf(readContent(a.doc)).map((article) => article.clauseId)).toEqual(['dieu-pham-vi', 'dieu-thoi-han', 'dieu-tien-luong', 'dieu-thuong-tet']);
    await expectApiError(
      minh.client.call('versions/restoreArticle', { documentId: server.documentId, versionId: initial.id, clauseId: 'khong-co' }),
      'not_found',
    );
  });

  it('S23 a restore that would change an agreed article is refused, naming it, by anyone, the host included; nothing changes; a restore of other articles goes through', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const a = await server.connect(lan);
    const initial = (await server.host.call('versions/list', { documentId: server.documentId })).versions[0];
    replaceWords(a.doc, 'dieu-thuong-tet', 1, 'một tháng', 'hai tháng');
    await server.serverHas(a);
    await lan.client.call('articles/agree', { documentId: server.documentId, clauseId: 'dieu-thuong-tet' });
    await minh.client.call('articles/agree', { documentId: server.documentId, clauseId: 'dieu-thuong-tet' });
    const status = () => (a.doc.getMap(articleStatusRootName).get('dieu-thuong-tet') as { status?: string } | undefined)?.status;
    await waitFor(() => status() === 'agreed', 'the article to be agreed');
    const before = await server.serverText();
    const versionsBefore = await server.host.call('versions/list', { documentId: server.documentId });
    for (const restore of [
      () => minh.client.call('versions/restore', { documentId: server.documentId, versionId: initial?.id ?? '' }),
      () => server.host.call('versions/restore', { documentId: server.documentId, versionId: initial?.id ?? '' }),
      () => lan.client.call('versions/restoreArticle', { documentId: server.documentId, versionId: initial?.id ?? '', clauseId: 'dieu-thuong-tet' }),
    ]) {
      await expectApiError(restore(), 'conflict', /what both sides agreed \(Điều 4 \(Thưởng Tết\)\)/);
    }
    expect(await server.serverText()).toEqual(before);
    expect(await server.host.call('versions/list', { documentId: server.documentId })).toEqual(versionsBefore);
    expect(status()).toBe('agreed');
    // Another article, not agreed, comes back as before.
    replaceWords(a.doc, 'dieu-thoi-han', 1, '03 năm', '02 năm');
    await server.serverHas(a);
    await lan.client.call('versions/restoreArticle', { documentId: server.documentId, versionId: initial?.id ?? '', clauseId: 'dieu-thoi-han' });
    await waitFor(() => bodyOf(a).includes('03 năm'), 'the article to come back');
  });
});
