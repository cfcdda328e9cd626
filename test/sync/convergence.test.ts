import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';

describe('S1 convergence through the sync server', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness.dispose();
  });

  it('two clients editing at once converge; a third joining later gets everything; a restart serves the same text', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const a = connectClient(harness.server.url, document.id, employer.token);
    const b = connectClient(harness.server.url, document.id, union.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);

    for (let i = 0; i < 50; i += 1) {
      a.text.insert(0, 'a');
      b.text.insert(b.text.length, 'b');
    }
    await textMatches(a, (t) => t.length === 100, 'client A to see 100 characters');
    await textMatches(b, (t) => t.length === 100, 'client B to see 100 characters');
    expect(a.text.toString()).toBe(b.text.toString());

    const late = await joinAs(harness.server, document.id, 'reviewer', 'Ông Tuấn (Sở Nội vụ)');
    const c = connectClient(harness.server.url, document.id, late.token);
    clients.push(c);
    await synced(c);
    await textMatches(c, (t) => t === a.text.toString(), 'the late client to receive everything');

    const expected = a.text.toString();
    for (const client of clients.splice(0)) client.destroy();
    await harness.stop();
    const server = await harness.restart();
    const d = connectClient(server.url, document.id, employer.token, new Y.Doc());
    clients.push(d);
    await synced(d);
    expect(d.text.toString()).toBe(expected);
  });
});
