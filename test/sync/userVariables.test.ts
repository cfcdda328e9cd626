import { afterEach, describe, expect, it } from 'vitest';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, deniedAtLeast, synced, type SyncClient } from '../helpers/syncClient';
import { storedDoc } from '../helpers/storedState';
import { packFile, samplePack } from '../helpers/templateFixtures';
import { waitFor } from '../helpers/waitFor';

/** Waits until a client sees a variable with the given value. */
function variableIs(client: SyncClient, id: string, value: unknown): Promise<void> {
  return waitFor(() => client.doc.getMap('variables').get(id) === value, `${id} to be ${String(value)}`, {
    subscribe: (notify) => {
      client.doc.on('update', notify);
      return () => client.doc.off('update', notify);
    },
  });
}

describe('S13 values of user-defined variables (from imported template packs) through sync', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness.dispose();
  });

  async function connect(documentId: string, token: string): Promise<SyncClient> {
    const client = connectClient(harness.server.url, documentId, token);
    clients.push(client);
    await synced(client);
    return client;
  }

  it('are unknown before the import, checked against their definition after it, and still known after a restart', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh');
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan');
    const watcher = await connect(document.id, employer.token);

    // Before any pack defines it, a user variable is as unknown as any other name.
    const early = await connect(document.id, union.token);
    early.doc.getMap('variables').set('user.meal_per_shift', 30_000);
    await deniedAtLeast(early, 1);
    expect(early.denials[0]).toBe('unknown variable "user.meal_per_shift"');

    // Connected before the import: the server learns the new variables without a reconnection.
    const writer = await connect(document.id, union.token);
    await harness.server.handlers['templates/importPack']({ packJson: packFile(samplePack(1)) }, { kind: 'admin' });
    writer.doc.getMap('variables').set('user.meal_per_shift', 45_000);
    await variableIs(watcher, 'user.meal_per_shift', 45_000);

    // Outside the definition's range (15,000 to 200,000 ₫), or not an option of the enum: refused.
    writer.doc.getMap('variables').set('user.meal_per_shift', 5_000);
    await deniedAtLeast(writer, 1);
    expect(writer.denials[0]).toMatch(/^invalid value for the variable "user\.meal_per_shift": Mid-shift meal allowance: must be a whole number between/);
    const chooser = await connect(document.id, union.token);
    chooser.doc.getMap('variables').set('user.canteen_mode', 'buffet');
    await deniedAtLeast(chooser, 1);
    expect(chooser.denials[0]).toMatch(/"user\.canteen_mode": How meals are provided: must be one of: a staff canteen; cash/);

    const valid = await connect(document.id, union.token);
    valid.doc.getMap('variables').set('user.canteen_mode', 'cash');
    await variableIs(watcher, 'user.canteen_mode', 'cash');
    const stored = await storedDoc(harness.server.context.store.updates, document.id);
    expect(stored.getMap('variables').toJSON()).toEqual({ 'user.meal_per_shift': 45_000, 'user.canteen_mode': 'cash' });

    // A new process reads the user variables from the database.
    for (const client of clients.splice(0)) client.destroy();
    await harness.stop();
    await harness.restart();
    const afterRestart = await connect(document.id, union.token);
    const otherSide = await connect(document.id, employer.token);
    afterRestart.doc.getMap('variables').set('user.meal_per_shift', 50_000);
    await variableIs(otherSide, 'user.meal_per_shift', 50_000);
    expect(afterRestart.denials).toEqual([]);
  });
});
