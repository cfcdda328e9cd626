import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '#shared/document/yjsContent';
import type { Comparison } from '#shared/api/versions';
import { expectApiError } from '../helpers/apiTransports';
import { waitFor } from '../helpers/waitFor';
import { redlineText } from './compareFixture';
import { appendWords, replaceWords, startHistoryServer, type HistoryServer } from './historyFixture';

let server: HistoryServer;
afterEach(async () => server.dispose());

/** Each changed article as clauseId, status, redline, and who inserted / deleted how many characters. */
function outline(comparison: Comparison) {
  return comparison.articles.map((article) => ({
    clauseId: article.clauseId,
    status: article.status,
    redline: redlineText(article.segments),
    authors: article.authors.map((author) => `${author.person.displayName ?? 'host'} +${author.insertedChars} -${author.deletedChars}`),
  }));
}

describe('comparing versions through the API', () => {
  it('shows exactly the changes made after a named version, each with who made it (deleting someone else’s words counts for the deleter)', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const a = await server.connect(lan);
    const b = await server.connect(minh);
    replaceWords(a.doc, 'dieu-thoi-han', 1, '03 năm', '05 năm');
    appendWords(b.doc, 'dieu-tien-luong', 1, ' Trả vào ngày 05 hằng tháng.');
    await waitFor(
      () => JSON.stringify(readContent(a.doc)).includes('Trả vào ngày 05') && JSON.stringify(readContent(b.doc)).includes('05 năm'),
      'both edits to reach both',
    );
    await server.serverHas(a);
    const named = await lan.client.call('versions/create', { documentId: server.documentId, name: 'Đề xuất gửi công đoàn, vòng 2' });
    expect(named).toMatchObject({ kind: 'named', name: 'Đề xuất gửi công đoàn, vòng 2', author: { displayName: 'Chị Lan (Nhân sự)', side: 'employer' } });
    expect(named.summary.changed.map((article) => article.number)).toEqual([2, 3]);
    expect(named.summary.contributors.map((person) => person.displayName).sort()).toEqual(['Anh Minh (Công đoàn)', 'Chị Lan (Nhân sự)']);

    // After the version: Minh rewrites Lan's words, Lan edits another article.
    replaceWords(b.doc, 'dieu-thoi-han', 1, '05 năm', '04 năm');
    replaceWords(a.doc, 'dieu-thuong-tet', 1, 'một tháng', 'hai tháng');
    await waitFor(
      () =>
        JSON.stringify(readContent(a.doc)) === JSON.stringify(readContent(b.doc)) &&
        JSON.stringify(readContent(a.doc)).includes('04 năm') &&
        JSON.stringify(readContent(a.doc)).includes('hai tháng'),
      'the clients to converge',
    );
    await server.serverHas(a);

    const comparison = await minh.client.call('versions/compare', { documentId: server.documentId, from: named.id, to: 'current' });
    expect(outline(comparison)).toEqual([
      {
        clauseId: 'dieu-thoi-han',
        status: 'changed',
        redline: 'Thời hạn\nThỏa ước có hiệu lực [-05-]{+04+} năm kể từ ngày ký.',
        authors: ['Anh Minh (Công đoàn) +6 -6'],
      },
      {
        clauseId: 'dieu-thuong-tet',
        status: 'changed',
        redline: 'Thưởng Tết\nThưởng Tết bằng [-một-]{+hai+} tháng lương.',
        authors: ['Chị Lan (Nhân sự) +9 -9'],
      },
    ]);
    expect(comparison.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 2 });
    expect(comparison.from).toMatchObject({ versionId: named.id, number: named.number, kind: 'version' });
    expect(comparison.to).toMatchObject({ versionId: null, kind: 'current' });

    // Read the other way round: the inverse redline, the same people.
    const backwards = await minh.client.call('versions/compare', { documentId: server.documentId, from: 'current', to: named.id });
    expect(outline(backwards)[0]).toEqual({
      clauseId: 'dieu-thoi-han',
      status: 'changed',
      redline: 'Thời hạn\nThỏa ước có hiệu lực [-04-]{+05+} năm kể từ ngày ký.',
      authors: ['Anh Minh (Công đoàn) +6 -6'],
    });

    // From the text as created (version 1): everything both did.
    const initial = (await lan.client.call('versions/list', { documentId: server.documentId })).versions.at(-1);
    expect(initial).toMatchObject({ number: 1, kind: 'initial' });
    const sinceCreation = await lan.client.call('versions/compare', { documentId: server.documentId, from: initial?.id ?? '', to: 'current' });
    expect(outline(sinceCreation).map((article) => article.clauseId)).toEqual(['dieu-thoi-han', 'dieu-tien-luong', 'dieu-thuong-tet']);
    expect(outline(sinceCreation)[0]?.authors).toEqual(['Anh Minh (Công đoàn) +6 -0', 'Chị Lan (Nhân sự) +0 -6']);
  });

  it('attribution: who wrote each article’s current text, by person and by side', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const a = await server.connect(lan);
    const b = await server.connect(minh);
    appendWords(a.doc, 'dieu-pham-vi', 1, ' Kể cả người học nghề.');
    appendWords(b.doc, 'dieu-pham-vi', 1, ' Và người thử việc.');
    replaceWords(b.doc, 'dieu-thuong-tet', 1, 'một tháng lương', 'một tháng lương và 500.000 đồng');
    await waitFor(
      () =>
        JSON.stringify(readContent(a.doc)) === JSON.stringify(readContent(b.doc)) &&
        JSON.stringify(readContent(a.doc)).includes('người thử việc') &&
        JSON.stringify(readContent(a.doc)).includes('học nghề'),
      'the clients to converge',
    );
    await server.serverHas(a);
    const attribution = await server.host.call('versions/attribution', { documentId: server.documentId });
    const scope = attribution.articles.find((article) => article.clauseId === 'dieu-pham-vi');
    const byName = Object.fromEntries((scope?.shares ?? []).map((share) => [share.person.displayName ?? 'template', share.chars]));
    expect(byName).toEqual({
      template: 'Phạm vi áp dụng'.length + 'Thỏa ước áp dụng cho toàn bộ người lao động của Công ty.'.length,
      'Chị Lan (Nhân sự)': ' Kể cả người học nghề.'.length,
      'Anh Minh (Công đoàn)': ' Và người thử việc.'.length,
    });
    expect(scope?.totalChars).toBe(Object.values(byName).reduce((sum, chars) => sum + chars, 0));
    const bonus = attribution.articles.find((article) => article.clauseId === 'dieu-thuong-tet');
    expect(bonus?.shares.find((share) => share.person.side === 'union')?.chars).toBe('một tháng lương và 500.000 đồng'.length);
    expect(attribution.articles.map((article) => article.number)).toEqual([1, 2, 3, 4]);
    expect(Object.fromEntries(attribution.sides.map((side) => [side.side ?? 'none', side.chars]))).toMatchObject({
      employer: ' Kể cả người học nghề.'.length,
      union: ' Và người thử việc.'.length + 'một tháng lương và 500.000 đồng'.length,
    });
  });

  it('changes since my last visit: what others did after I left, from the visit recorded when I left', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    expect(await lan.client.call('versions/sinceLastVisit', { documentId: server.documentId })).toEqual({ since: null, comparison: null });
    const a = await server.connect(lan);
    const b = await server.connect(minh);
    appendWords(a.doc, 'dieu-pham-vi', 1, ' Kể cả người học nghề.');
    await waitFor(() => JSON.stringify(readContent(b.doc)).includes('học nghề'), 'Lan’s edit to reach Minh');
    a.destroy();
    await waitFor(
      async () => (await server.harness.server.context.store.versions.visit(server.documentId, lan.participant.id)) !== undefined,
      'Lan’s visit to be recorded',
    );
    // Leaving made an automatic version of what Lan did.
    const afterLeaving = await server.host.call('versions/list', { documentId: server.documentId });
    expect(afterLeaving.versions[0]).toMatchObject({
      kind: 'automatic',
      author: { displayName: 'Chị Lan (Nhân sự)' },
      summary: { changed: [{ clauseId: 'dieu-pham-vi', number: 1 }] },
    });

    replaceWords(b.doc, 'dieu-tien-luong', 1, 'thấp nhất', 'không thấp hơn');
    await server.serverHas(b);
    const since = await lan.client.call('versions/sinceLastVisit', { documentId: server.documentId });
    expect(since.since).not.toBeNull();
    expect(outline(since.comparison as Comparison)).toEqual([
      {
        clauseId: 'dieu-tien-luong',
        status: 'changed',
        redline: 'Tiền lương\nMức lương {+không +}thấp [-nhất-]{+hơn+} bằng mức lương tối thiểu vùng.',
        authors: ['Anh Minh (Công đoàn) +14 -9'],
      },
    ]);
    // The client may name the version it last saw instead.
    const sinceVersion = await lan.client.call('versions/sinceLastVisit', { documentId: server.documentId, versionId: afterLeaving.versions[0]?.id ?? '' });
    expect(outline(sinceVersion.comparison as Comparison).map((article) => article.clauseId)).toEqual(['dieu-tien-luong']);
    expect((await lan.client.call('versions/list', { documentId: server.documentId })).lastVisitAt).toBe(since.since);
  });

  it('filters to named versions; refuses other documents’ participants, reviewers’ restores and unknown versions', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const reviewer = await server.join('reviewer', 'Bà Hạnh (Sở LĐ-TB&XH)');
    const named = await lan.client.call('versions/create', { documentId: server.documentId, name: 'Bản họp ngày 04/01' });
    const signed = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Bản ký' });
    const all = await reviewer.client.call('versions/list', { documentId: server.documentId });
    expect(all.versions.map((version) => version.kind)).toEqual(['signed', 'named', 'initial']);
    const namedOnly = await reviewer.client.call('versions/list', { documentId: server.documentId, namedOnly: true });
    expect(namedOnly.versions.map((version) => version.id)).toEqual([signed.id, named.id]);
    expect(signed.signed?.contentHash).toMatch(/^[0-9a-f]{64}$/);

    await expectApiError(reviewer.client.call('versions/restore', { documentId: server.documentId, versionId: named.id }), 'forbidden');
    await expectApiError(reviewer.client.call('versions/create', { documentId: server.documentId, name: 'x' }), 'forbidden');
    await expectApiError(lan.client.call('versions/get', { documentId: server.documentId, versionId: 'khongcoban' }), 'not_found');
    await expectApiError(lan.client.call('versions/sign', { documentId: server.documentId }), 'forbidden');
    const other = await server.host.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy lao động' });
    await expectApiError(lan.client.call('versions/list', { documentId: other.id }), 'forbidden');
    await expectApiError(lan.client.call('versions/compare', { documentId: other.id, from: 'current', to: 'current' }), 'forbidden');
    const entries = (await server.harness.server.context.store.audit.listByDocument(server.documentId)).map((entry) => entry.action);
    expect(entries).toEqual(expect.arrayContaining(['version.named', 'version.signed']));
  });
});
