import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '#shared/document/yjsContent';
import { runCli } from '#main/cli/runCli';
import { databaseFileName } from '#main/server/dataFolder';
import { waitFor } from '../helpers/waitFor';
import { replaceWords, startHistoryServer, type HistoryServer } from './historyFixture';

let server: HistoryServer;
afterEach(async () => server.dispose());

async function cli(dataFolder: string, ...args: string[]): Promise<{ code: number; output: string }> {
  const printed: string[] = [];
  const code = await runCli(['--data', dataFolder, ...args], (text) => printed.push(text));
  return { code, output: printed.join('\n') };
}

/** Replaces every occurrence of `find` by `replacement` (same UTF-8 length) inside a blob. */
function patchBytes(blob: Buffer, find: string, replacement: string): Buffer {
  const needle = Buffer.from(find, 'utf8');
  const patch = Buffer.from(replacement, 'utf8');
  if (needle.length !== patch.length) throw new Error('a patch must keep the length');
  const copy = Buffer.from(blob);
  let count = 0;
  for (let at = copy.indexOf(needle); at >= 0; at = copy.indexOf(needle, at + 1)) {
    patch.copy(copy, at);
    count += 1;
  }
  if (count === 0) throw new Error(`"${find}" is not in the blob`);
  return copy;
}

describe('S17 signed versions are tamper-evident', () => {
  it('verify recomputes the chain; an edited signed text and a removed signed version are caught (CLI exit code and API report)', async () => {
    server = await startHistoryServer();
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const first = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Bản ký lần 1' });
    expect(first.signed).toEqual({ contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: null });
    const a = await server.connect(lan);
    replaceWords(a.doc, 'dieu-thoi-han', 1, '03 năm', '05 năm');
    await waitFor(async () => JSON.stringify((await server.serverText()).blocks) === JSON.stringify(readContent(a.doc)), 'the edit to reach the server');
    await lan.client.call('versions/create', { documentId: server.documentId, name: 'Sau khi sửa thời hạn' });
    const second = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Bản ký lần 2' });
    expect(second.signed).toEqual({ contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: first.signed?.contentHash });
    const third = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Bản ký lần 3' });
    // The same text signed again hashes the same: the hash is of the text, not of the moment.
    expect(third.signed?.contentHash).toBe(second.signed?.contentHash);

    const clean = await lan.client.call('versions/verify', { documentId: server.documentId });
    expect(clean.ok).toBe(true);
    expect(clean.versions.map((version) => [version.number, version.status])).toEqual([
      [first.number, 'ok'],
      [second.number, 'ok'],
      [third.number, 'ok'],
    ]);
    a.destroy();
    const port = server.harness.server.port;
    await server.harness.stop();
    const { dataFolder } = server.harness;
    const file = join(dataFolder, databaseFileName);
    expect(await cli(dataFolder, 'verify', server.documentId)).toEqual({ code: 0, output: expect.stringContaining('All 3 signed version(s) verified.') });

    // 1. Someone edits the text of the first signed version in the database: "03 năm" → "09 năm".
    const db = new Database(file);
    const checkpoint = db.prepare<[string], { state: Buffer }>('SELECT state FROM checkpoints WHERE document_id = ?').get(server.documentId);
    if (!checkpoint) throw new Error('no checkpoint');
    db.prepare('UPDATE checkpoints SET state = ? WHERE document_id = ?').run(patchBytes(checkpoint.state, '03 năm', '09 năm'), server.documentId);
    db.close();
    const altered = await cli(dataFolder, 'verify', server.documentId);
    expect(altered.code).toBe(1);
    expect(altered.output).toMatch(new RegExp(`#${first.number} .*Bản ký lần 1 +ALTERED`));
    expect(altered.output).toMatch(new RegExp(`#${second.number} .*Bản ký lần 2 +ok`));
    expect(altered.output).toContain('1 of 3 signed version(s) FAILED verification.');
    // The command as people run it (npm run cli runs this file) exits with 1 too.
    const spawned = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli.ts', '--data', dataFolder, 'verify', server.documentId], { encoding: 'utf8' });
    expect({ status: spawned.status, stdout: spawned.stdout }).toEqual({ status: 1, stdout: expect.stringContaining('FAILED verification') });

    // 2. Someone removes the second signed version.
    const db2 = new Database(file);
    db2.prepare('DELETE FROM versions WHERE id = ?').run(second.id);
    db2.close();

    const restarted = await server.harness.restart({ port });
    const report = await restarted.handlers['versions/verify']({ documentId: server.documentId }, { kind: 'admin' });
    expect(report.ok).toBe(false);
    expect(report.versions.map((version) => ({ number: version.number, status: version.status }))).toEqual([
      { number: first.number, status: 'content_mismatch' },
      { number: third.number, status: 'chain_broken' },
    ]);
    expect(report.versions[0]?.recomputedHash).not.toBe(first.signed?.contentHash);
    // The third's text is intact; it names the hash of a signed version that is gone.
    expect(report.versions[1]).toMatchObject({
      recomputedHash: third.signed?.contentHash,
      previousHash: second.signed?.contentHash,
      expectedPreviousHash: first.signed?.contentHash,
    });
    const audit = (await restarted.context.store.audit.listByDocument(server.documentId)).filter((entry) => entry.action === 'version.verified');
    expect(audit.at(-1)?.details).toMatchObject({ ok: false, signed: 2 });
  });

  it('a rewritten chain link or a rewritten hash is caught, though every text is intact', async () => {
    server = await startHistoryServer();
    const first = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Một' });
    const second = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Hai' });
    const third = await server.host.call('versions/sign', { documentId: server.documentId, name: 'Ba' });
    expect(new Set([first.signed?.contentHash, second.signed?.contentHash, third.signed?.contentHash]).size).toBe(1);
    await server.harness.stop();
    const db = new Database(join(server.harness.dataFolder, databaseFileName));
    db.prepare('UPDATE versions SET previous_hash = ? WHERE id = ?').run('f'.repeat(64), third.id);
    db.close();
    const result = await cli(server.harness.dataFolder, 'verify', server.documentId, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.output) as { versions: { number: number; status: string }[] };
    expect(report.versions.map((version) => version.status)).toEqual(['ok', 'ok', 'chain_broken']);

    // A stored hash rewritten: that version no longer matches its text, and the next no longer follows it.
    const db2 = new Database(join(server.harness.dataFolder, databaseFileName));
    db2.prepare('UPDATE versions SET content_hash = ? WHERE id = ?').run('0'.repeat(64), first.id);
    db2.close();
    const again = JSON.parse((await cli(server.harness.dataFolder, 'verify', server.documentId, '--json')).output) as { versions: { status: string }[] };
    expect(again.versions.map((version) => version.status)).toEqual(['content_mismatch', 'chain_broken', 'chain_broken']);
  });
});
