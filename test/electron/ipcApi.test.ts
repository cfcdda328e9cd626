import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '#main/logger';
import { createIpcApiHandler } from '#main/electron/ipcApi';
import { startHarness, type Harness } from '../helpers/serverHarness';

describe('the desktop IPC channel', () => {
  let harness: Harness;
  afterEach(async () => harness.dispose());

  it('serves the API contract as the host to the app window only, validating every input', async () => {
    harness = await startHarness();
    const logger = createMemoryLogger();
    const handle = createIpcApiHandler(harness.server.handlers, () => harness.server.url, logger);

    const created = await handle(`${harness.server.url}/#/`, 'documents/create', { kind: 'labour_regulations', title: 'Nội quy 2027' });
    expect(created).toMatchObject({ ok: true, result: { kind: 'labour_regulations', title: 'Nội quy 2027' } });

    expect(await handle('https://evil.example/', 'documents/list', {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'calls are only accepted from the application window' } });
    expect(await handle(undefined, 'documents/list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(logger.lines.filter((line) => line.event === 'ipc.refused_sender')).toHaveLength(2);

    expect(await handle(harness.server.url, 42, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle(harness.server.url, 'documents/create', { kind: 'poem', title: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle(harness.server.url, 'shell/exec', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const listed = await handle(harness.server.url, 'documents/list', {});
    expect(listed.ok && (listed.result as unknown[]).length).toBe(1);
  });
});
