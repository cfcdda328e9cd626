import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectUpdate } from '#main/sync/updateInspection';

/** A server document and a client that starts from its state; returns the client's next updates. */
function clientOf(server: Y.Doc): { client: Y.Doc; updates: Uint8Array[] } {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  return { client, updates };
}

function effects(server: Y.Doc, update: Uint8Array) {
  const found = inspectUpdate(Y.decodeUpdate(update), server);
  Y.applyUpdate(server, update);
  return { roots: [...found.roots].sort(), mapWrites: found.mapWrites, mapDeletions: found.mapDeletions };
}

describe('which parts of a document an update touches', () => {
  it('follows parents, neighbours and deletions to the root, and reads top-level map writes and deletions with their keys', () => {
    const server = new Y.Doc({ gc: false });
    const { client, updates } = clientOf(server);
    const body = client.get('content', Y.XmlText) as Y.XmlText;

    body.insert(0, 'Điều 1');
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({ roots: ['content'], mapWrites: [], mapDeletions: [] });
    body.insert(6, '. Phạm vi'); // encoded with a left neighbour only: no parent in the update
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({ roots: ['content'], mapWrites: [], mapDeletions: [] });
    body.delete(0, 2);
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({ roots: ['content'], mapWrites: [], mapDeletions: [] });

    const variables = client.getMap('variables');
    variables.set('ot_rate_weekday', 150);
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({
      roots: ['variables'],
      mapWrites: [{ root: 'variables', key: 'ot_rate_weekday', value: 150 }],
      mapDeletions: [],
    });
    variables.set('ot_rate_weekday', 200); // an overwrite names neither the map nor the key, and deletes the value before
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({
      roots: ['variables'],
      mapWrites: [{ root: 'variables', key: 'ot_rate_weekday', value: 200 }],
      mapDeletions: [{ root: 'variables', key: 'ot_rate_weekday' }],
    });
    variables.delete('ot_rate_weekday'); // a removal is a deletion alone
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({
      roots: ['variables'],
      mapWrites: [],
      mapDeletions: [{ root: 'variables', key: 'ot_rate_weekday' }],
    });

    const proposal = new Y.Map<unknown>();
    client.getMap('proposals').set('p1', proposal);
    proposal.set('status', 'accepted');
    const nested = effects(server, updates.shift() as Uint8Array);
    expect(nested.roots).toEqual(['proposals']);
    expect(nested.mapWrites.map((write) => write.key)).toEqual(['p1']);
    proposal.set('status', 'withdrawn'); // nested: its parent is an item already on the server
    expect(effects(server, updates.shift() as Uint8Array)).toEqual({ roots: ['proposals'], mapWrites: [], mapDeletions: [] });
    client.getMap('proposals').delete('p1');
    expect(effects(server, updates.shift() as Uint8Array).roots).toEqual(['proposals']);
  });

  it('counts a value written and removed offline as a deletion of its key: it takes the place of the value the document has', () => {
    const server = new Y.Doc({ gc: false });
    server.getMap('variables').set('vote_in_favour', 700);
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    device.getMap('variables').set('vote_in_favour', 51);
    device.getMap('variables').delete('vote_in_favour');
    // Garbage collection left the device's value as a deleted item: no value, but a new entry for
    // the key (a hostile client may send that alone); and the update deletes the document's value.
    const deletion = { root: 'variables', key: 'vote_in_favour' };
    expect(effects(server, Y.encodeStateAsUpdate(device, Y.encodeStateVector(server)))).toEqual({
      roots: ['variables'],
      mapWrites: [],
      mapDeletions: [deletion, deletion],
    });
    expect(server.getMap('variables').has('vote_in_favour')).toBe(false);
  });

  it('does not count deletions the document already has: a full-state update repeats the whole delete set', () => {
    const server = new Y.Doc({ gc: false });
    server.getMap('articleStatus').set('dieu-1', { status: 'open' });
    server.getMap('articleStatus').set('dieu-1', { status: 'agreed' }); // the server's overwrite deletes the old entry
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const serverVector = Y.encodeStateVector(server);
    (client.get('content', Y.XmlText) as Y.XmlText).insert(0, 'Điều 1');
    // What a reconnecting client sends as sync step 2: its new items and every deletion it knows.
    const stepTwo = Y.encodeStateAsUpdate(client, serverVector);
    expect(Y.decodeUpdate(stepTwo).ds.clients.size).toBe(1);
    expect(effects(server, stepTwo).roots).toEqual(['content']);
    // Deleting what is still there is a write to that part.
    client.getMap('articleStatus').delete('dieu-1');
    expect(effects(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))).roots).toEqual(['articleStatus']);
  });
  it('does not count items the document already has: an offline copy loaded after connecting is sent whole', () => {
    const server = new Y.Doc({ gc: false });
    server.getMap('settings').set('language', 'vi');
    (server.get('content', Y.XmlText) as Y.XmlText).insert(0, 'Điều 1');
    // The device's copy: everything the server had, plus one word typed offline.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    (copy.get('content', Y.XmlText) as Y.XmlText).insert(6, '. Phạm vi');
    // y-indexeddb applies the whole stored copy; the provider relays that update as it is.
    const whole = Y.encodeStateAsUpdate(copy);
    // A decoded top-level item names its root as a string (Yjs types it as a type or an ID).
    const rootOf = (struct: Y.Item): unknown => struct.parent;
    expect(Y.decodeUpdate(whole).structs.some((struct) => struct instanceof Y.Item && rootOf(struct) === 'settings')).toBe(true);
    expect(effects(server, whole)).toEqual({ roots: ['content'], mapWrites: [], mapDeletions: [] });
    // Nothing new at all touches nothing.
    expect(effects(server, Y.encodeStateAsUpdate(copy)).roots).toEqual([]);
  });
});
