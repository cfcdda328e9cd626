import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { runCli } from '#main/cli/runCli';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { spawnServerWith, type ServerProcess } from '../helpers/serverProcess';

describe('the command line on a hosted deployment (--store postgres://…)', () => {
  let database: TestDatabase;
  let instance: ServerProcess | undefined;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    if (instance && instance.child.exitCode === null) {
      instance.child.kill('SIGTERM');
      await instance.exited;
    }
    instance = undefined;
    await database.drop();
  });

  async function cli(...args: string[]): Promise<{ code: number; output: string }> {
    const printed: string[] = [];
    const code = await runCli(args, (text) => printed.push(text));
    return { code, output: printed.join('\n') };
  }

  it('mints a host token and creates a document in the database, which an instance on it serves', async () => {
    const minted = await cli('admin-token', '--store', database.url, '--label', 'Sở Nội vụ');
    expect(minted.code).toBe(0);
    const token = minted.output.split('\n')[1] ?? '';
    const created = await cli(
      'documents',
      'create',
      '--store',
      database.url,
      '--kind',
      'enterprise_agreement',
      '--title',
      'Thỏa ước Công ty May Hưng Yên',
      '--json',
    );
    expect(created.code).toBe(0);
    const documentId = (JSON.parse(created.output) as { id: string }).id;

    instance = await spawnServerWith(['--port', '0', '--store', database.url], 30_000);
    const host = createApiClient(createHttpTransport({ baseUrl: instance.url, token, fetch }));
    expect((await host.call('documents/list', {})).map((document) => [document.id, document.title])).toEqual([[documentId, 'Thỏa ước Công ty May Hưng Yên']]);
  });

  it('refuses --data with --store, and a --store that is not a PostgreSQL URL, changing nothing', async () => {
    expect(await cli('documents', 'list', '--store', database.url, '--data', '/tmp')).toEqual({
      code: 2,
      output: expect.stringContaining('--data and --store name two places') as unknown,
    });
    expect(await cli('documents', 'list', '--store', 'mysql://db/x')).toEqual({
      code: 2,
      output: expect.stringContaining('must be a postgres:// URL') as unknown,
    });
  });
});
