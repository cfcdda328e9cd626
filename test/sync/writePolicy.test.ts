import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { variablesMap } from '#shared/document/yjsContent';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, deniedAtLeast, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { storedDoc } from '../helpers/storedState';
import { waitFor } from '../helpers/waitFor';

describe('S13 clients change only the body and valid variables through sync', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness.dispose();
  });

  it('refuses writes to server-owned parts and invalid variable values, stores valid ones, and keeps serving everyone', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh');
    const a = connectClient(harness.server.url, document.id, employer.token);
    const b = connectClient(harness.server.url, document.id, union.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);

    // A valid variable value reaches the other side and the database.
    a.doc.getMap('variables').set('ot_rate_weekday', 200);
    await waitFor(() => b.doc.getMap('variables').get('ot_rate_weekday') === 200, 'the valid value to reach B');

    // Outside the variable's range (100–1000 %), of the wrong type, or unknown: refused with a
    // reason, not stored, not relayed. (Lawful but low values are the compliance check's business.)
    a.doc.getMap('variables').set('ot_rate_weekday', 50);
    await deniedAtLeast(a, 1);
    a.doc.getMap('variables').set('night_premium_percent', 'much');
    await deniedAtLeast(a, 2);
    a.doc.getMap('variables').set('favourite_colour', 'blue');
    await deniedAtLeast(a, 3);
    expect(a.denials.slice(0, 3).join('\n')).toMatch(/"ot_rate_weekday"[\s\S]*"night_premium_percent"[\s\S]*unknown variable "favourite_colour"/);

    // The server-owned parts (proposals, statuses, threads) change only through the API.
    const forger = connectClient(harness.server.url, document.id, (await joinAs(harness.server, document.id, 'union', 'Kẻ giả mạo')).token);
    clients.push(forger);
    await synced(forger);
    const forged = new Y.Map<unknown>();
    forger.doc.getMap('proposals').set('p1', forged);
    forged.set('status', 'accepted');
    await deniedAtLeast(forger, 1);
    expect(forger.denials[0]).toContain('"proposals"');

    // Everyone else keeps working (a refused client's later writes depend on what was refused:
    // it must reload, which the application does on a refusal).
    b.text.insert(0, 'vẫn soạn được');
    await textMatches(a, (text) => text.includes('vẫn soạn được'), 'A to receive B’s later edit');
    await textMatches(forger, (text) => text.includes('vẫn soạn được'), 'the refused client to still receive edits');

    const stored = await storedDoc(harness.server.context.store.updates, document.id);
    expect(stored.getMap('variables').toJSON()).toEqual({ ot_rate_weekday: 200 });
    expect(stored.getMap('proposals').size).toBe(0);
    expect(b.doc.getMap('variables').get('ot_rate_weekday')).toBe(200);
  });

  it('refuses a procedural fact from any client — written, overwritten or removed — since only the server writes it, from the lifecycle record', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    // What lifecycle/step writes when the union records the vote (decision 0013).
    await harness.server.sync.withRoom(document.id, (room) =>
      room.change(null, (doc) => {
        variablesMap(doc).set('vote_total_workers', 1250);
        variablesMap(doc).set('vote_in_favour', 700);
      }),
    );
    const connect = async (name: string) => {
      const client = connectClient(harness.server.url, document.id, (await joinAs(harness.server, document.id, 'union', name)).token);
      clients.push(client);
      await synced(client);
      return client;
    };
    const refusal = (id: string) => `the variable "${id}" is filled only from the lifecycle record, when its step is recorded`;

    const overwriter = await connect('Anh Minh');
    overwriter.doc.getMap('variables').set('vote_in_favour', 1250);
    await deniedAtLeast(overwriter, 1);
    const remover = await connect('Chị Hoa');
    remover.doc.getMap('variables').delete('vote_total_workers');
    await deniedAtLeast(remover, 1);
    const inventor = await connect('Anh Tú');
    // Even in one update with a valid value: the update is refused whole.
    inventor.doc.transact(() => {
      inventor.doc.getMap('variables').set('ot_rate_weekday', 200);
      inventor.doc.getMap('variables').set('signing_date', '2027-01-27');
    });
    await deniedAtLeast(inventor, 1);
    expect([overwriter.denials[0], remover.denials[0], inventor.denials[0]]).toEqual([
      refusal('vote_in_favour'),
      refusal('vote_total_workers'),
      refusal('signing_date'),
    ]);

    // Nothing of it is stored or relayed; other values still are.
    const honest = await connect('Chị Lan');
    honest.doc.getMap('variables').set('ot_rate_weekday', 180);
    await waitFor(
      async () => (await storedDoc(harness.server.context.store.updates, document.id)).getMap('variables').get('ot_rate_weekday') === 180,
      'the valid value to be stored',
    );
    expect((await storedDoc(harness.server.context.store.updates, document.id)).getMap('variables').toJSON()).toEqual({
      vote_total_workers: 1250,
      vote_in_favour: 700,
      ot_rate_weekday: 180,
    });
    expect(honest.doc.getMap('variables').toJSON()).toEqual({ vote_total_workers: 1250, vote_in_favour: 700, ot_rate_weekday: 180 });
  });
});
