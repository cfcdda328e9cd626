import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/waitFor';
import { appendWords, startHistoryServer, type HistoryServer } from './historyFixture';

let server: HistoryServer;
afterEach(async () => server.dispose());

const idleMs = 180_000;

async function versionKinds(): Promise<string[]> {
  const { versions } = await server.host.call('versions/list', { documentId: server.documentId });
  return versions.map((version) => `${version.kind}:${version.author.displayName ?? 'host'}`);
}

describe('automatic versions group each person’s edits', () => {
  it('after a few minutes without edits from that person (the timer waits again when they kept editing)', async () => {
    server = await startHistoryServer({ idleMs });
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const a = await server.connect(lan);
    appendWords(a.doc, 'dieu-pham-vi', 1, ' Kể cả');
    await server.serverHas(a);
    expect(server.timers.waiting).toBe(1);

    server.clock.advance(idleMs - 1_000);
    expect(server.timers.runDue()).toBe(0);
    appendWords(a.doc, 'dieu-pham-vi', 1, ' người học nghề.');
    await server.serverHas(a);
    // The first timer comes due, but Lan edited 2 s ago: it waits for the rest of the time.
    server.clock.advance(2_000);
    expect(server.timers.runDue()).toBe(1);
    expect(await versionKinds()).toEqual(['initial:host']);
    server.clock.advance(idleMs - 2_000);
    expect(server.timers.runDue()).toBe(1);
    // The timer starts the version; the version is written through the (asynchronous) store.
    await waitFor(async () => (await server.harness.server.context.store.versions.list(server.documentId)).length === 2, 'Lan’s automatic version');
    const { versions } = await server.host.call('versions/list', { documentId: server.documentId });
    expect(versions.map((version) => version.kind)).toEqual(['automatic', 'initial']);
    expect(versions[0]).toMatchObject({
      author: { displayName: 'Chị Lan (Nhân sự)', side: 'employer' },
      createdAt: new Date(server.clock.now()).toISOString(),
      summary: { changed: [{ clauseId: 'dieu-pham-vi', number: 1, title: 'Phạm vi áp dụng' }] },
    });
    const text = await server.host.call('versions/get', { documentId: server.documentId, versionId: versions[0]?.id ?? '' });
    expect(JSON.stringify(text.blocks)).toContain('Kể cả người học nghề.');
    expect(server.timers.waiting).toBe(0);
  });

  it('at once when a person leaves, one version per person, and none for someone who only read', async () => {
    server = await startHistoryServer({ idleMs });
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const minh = await server.join('union', 'Anh Minh (Công đoàn)');
    const hoa = await server.join('union', 'Chị Hoa (Tổ trưởng)');
    const a = await server.connect(lan);
    const b = await server.connect(minh);
    const reader = await server.connect(hoa);
    appendWords(a.doc, 'dieu-pham-vi', 1, ' Kể cả người học nghề.');
    appendWords(b.doc, 'dieu-thuong-tet', 1, ' Chi trước ngày 20 tháng Chạp.');
    await waitFor(() => server.timers.waiting === 2, 'both people’s edits to be stored');

    b.destroy();
    await waitFor(async () => (await server.harness.server.context.store.versions.list(server.documentId)).length === 2, 'Minh’s version on leaving');
    expect(await versionKinds()).toEqual(['automatic:Anh Minh (Công đoàn)', 'initial:host']);
    expect(server.timers.waiting).toBe(1);

    reader.destroy();
    await waitFor(
      async () => (await server.harness.server.context.store.versions.visit(server.documentId, hoa.participant.id)) !== undefined,
      'Hoa’s visit to be recorded',
    );
    expect(await versionKinds()).toEqual(['automatic:Anh Minh (Công đoàn)', 'initial:host']);

    // Minh's version holds what was in the text when he left, Lan's words too (she is named with him).
    const minhs = (await server.host.call('versions/list', { documentId: server.documentId })).versions[0];
    expect(minhs?.summary.changed.map((article) => article.clauseId)).toEqual(['dieu-pham-vi', 'dieu-thuong-tet']);
    expect(minhs?.summary.contributors.map((person) => person.displayName).sort()).toEqual(['Anh Minh (Công đoàn)', 'Chị Lan (Nhân sự)']);

    appendWords(a.doc, 'dieu-thoi-han', 1, ' Gia hạn khi hai bên đồng ý.');
    await server.serverHas(a);
    a.destroy();
    await waitFor(async () => (await server.harness.server.context.store.versions.list(server.documentId)).length === 3, 'Lan’s version on leaving');
    const { versions } = await server.host.call('versions/list', { documentId: server.documentId });
    expect(versions.map((version) => `${version.kind}:${version.author.displayName}`)).toEqual([
      'automatic:Chị Lan (Nhân sự)',
      'automatic:Anh Minh (Công đoàn)',
      'initial:null',
    ]);
    // Each version's summary says what changed since the one before it.
    expect(versions[0]?.summary.changed.map((article) => article.clauseId)).toEqual(['dieu-thoi-han']);
    expect(versions[0]?.summary.contributors.map((person) => person.displayName)).toEqual(['Chị Lan (Nhân sự)']);
    expect(server.timers.waiting).toBe(0);
    // Nothing changed after the last version: a timer or a leave would make no empty version.
    expect(server.timers.runDue()).toBe(0);
  });
});
