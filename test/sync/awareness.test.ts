import { afterEach, describe, expect, it } from 'vitest';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, cutSocket, presenceMatches, remoteStates, synced, type SyncClient } from '../helpers/syncClient';
import { awarenessFrame, openRawSocket, type RawSocket } from '../helpers/rawSocket';

/** Far below y-protocols' 30 s awareness timeout: a removal seen within this came from the server. */
const atOnceMs = 2_000;

describe('presence (awareness) through the sync server', () => {
  let harness: Harness | undefined;
  const clients: SyncClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    await harness?.dispose();
    harness = undefined;
  });

  async function setUp(options: { pingIntervalMs?: number } = {}) {
    harness = await startHarness(options);
    const document = await createDocument(harness.server);
    const employer = await joinAs(harness.server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(harness.server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const reviewer = await joinAs(harness.server, document.id, 'reviewer', 'Ông Tuấn (Sở Nội vụ)');
    return { server: harness.server, logger: harness.logger, document, employer, union, reviewer };
  }

  function connect(url: string, documentId: string, token: string): SyncClient {
    const client = connectClient(url, documentId, token);
    clients.push(client);
    return client;
  }

  function raw(url: string, documentId: string, token: string): RawSocket {
    const socket = openRawSocket(url, documentId, token);
    sockets.push(socket);
    return socket;
  }

  it('S9 the presence of a client whose socket closes disappears for the others at once', async () => {
    const { server, document, employer, union, reviewer } = await setUp();
    const a = connect(server.url, document.id, employer.token);
    const b = connect(server.url, document.id, union.token);
    a.provider.awareness.setLocalStateField('cursor', 12);
    await Promise.all([synced(a), synced(b)]);
    const closing = raw(server.url, document.id, reviewer.token);
    const dropped = raw(server.url, document.id, reviewer.token);
    await Promise.all([closing.greeted(), dropped.greeted()]);
    closing.socket.send(awarenessFrame([{ clientId: 9001, clock: 1, json: '{"cursor":4}' }]));
    dropped.socket.send(awarenessFrame([{ clientId: 9002, clock: 1, json: '{"cursor":5}' }]));
    await presenceMatches(b, (states) => [a.doc.clientID, 9001, 9002].every((id) => states.has(id)), 'B to see A and both raw clients');

    // None of them says goodbye (an awareness update with a null state): the server must.
    cutSocket(a);
    await presenceMatches(b, (states) => !states.has(a.doc.clientID), "the cut client's presence to disappear for B", atOnceMs);
    closing.socket.close(1000);
    await presenceMatches(b, (states) => !states.has(9001), "the closed socket's presence to disappear for B", atOnceMs);
    dropped.socket.terminate();
    await presenceMatches(b, (states) => !states.has(9002), "the dropped socket's presence to disappear for B", atOnceMs);
    expect(remoteStates(b).size).toBe(0);
    expect(server.sync.stats().connections).toBe(1);
  });

  it('S10 a peer that stops answering pings is dropped and its presence removed; live peers stay', async () => {
    const { server, logger, document, employer, union } = await setUp({ pingIntervalMs: 250 });
    const b = connect(server.url, document.id, union.token);
    await synced(b);
    const dead = raw(server.url, document.id, employer.token);
    await dead.greeted();
    dead.socket.send(awarenessFrame([{ clientId: 9002, clock: 1, json: '{"cursor":7}' }]));
    await presenceMatches(b, (states) => states.has(9002), "B to see the soon-dead peer's presence");
    expect(server.sync.stats().connections).toBe(2);

    // Stops reading its socket: pings go unanswered, as with a laptop whose lid was closed.
    dead.socket.pause();
    await presenceMatches(b, (states) => !states.has(9002), "the dead peer's presence to disappear", 5_000);
    expect(logger.lines.filter((line) => line.event === 'sync.dead_peer').map((line) => line.fields.participant)).toEqual([employer.participant.id]);
    expect(server.sync.stats().connections).toBe(1);
    // The stock client answered every ping and was never dropped.
    expect(b.drops).toBe(0);
    expect(b.provider.wsconnected).toBe(true);
  });

  it("S11 a connection cannot overwrite or remove another connection's presence", async () => {
    const { server, document, employer, union, reviewer } = await setUp();
    const a = connect(server.url, document.id, employer.token);
    const b = connect(server.url, document.id, union.token);
    a.provider.awareness.setLocalStateField('cursor', 5);
    await Promise.all([synced(a), synced(b)]);
    await presenceMatches(b, (states) => states.get(a.doc.clientID)?.cursor === 5, "B to see A's cursor");

    const impostor = raw(server.url, document.id, reviewer.token);
    await impostor.greeted();
    const victim = a.doc.clientID;
    impostor.socket.send(awarenessFrame([{ clientId: victim, clock: 1_000, json: '{"cursor":666}' }]));
    impostor.socket.send(awarenessFrame([{ clientId: victim, clock: 1_001, json: 'null' }]));
    // Its own presence, sent last: once B sees it, the server has handled the forged entries.
    impostor.socket.send(awarenessFrame([{ clientId: 9003, clock: 1, json: '{"cursor":1}' }]));
    await presenceMatches(b, (states) => states.has(9003), "B to see the impostor's own presence");
    expect(remoteStates(b).get(victim)?.cursor).toBe(5);
    expect(remoteStates(b).get(victim)?.participant).toEqual({ id: employer.participant.id, name: 'Chị Lan (HR)', side: 'employer' });

    // A's own updates still go through.
    a.provider.awareness.setLocalStateField('cursor', 6);
    await presenceMatches(b, (states) => states.get(victim)?.cursor === 6, "B to see A's next cursor");
  });

  it('S11 every relayed presence carries the participant the server verified, whatever the client claims', async () => {
    const { server, document, employer, union, reviewer } = await setUp();
    const a = connect(server.url, document.id, employer.token);
    const r = connect(server.url, document.id, reviewer.token);
    const b = connect(server.url, document.id, union.token);
    a.provider.awareness.setLocalStateField('cursor', 1);
    b.provider.awareness.setLocalStateField('cursor', 0);
    // The reviewer claims to be the employer's director.
    r.provider.awareness.setLocalState({ cursor: 2, participant: { id: employer.participant.id, name: 'Giám đốc', side: 'employer' } });
    await Promise.all([synced(a), synced(r), synced(b)]);
    const impostor = raw(server.url, document.id, reviewer.token);
    await impostor.greeted();
    impostor.socket.send(awarenessFrame([{ clientId: 9004, clock: 1, json: '{"cursor":3,"participant":{"id":"x","name":"Chủ tịch","side":"union"}}' }]));

    const expected = new Map([
      [a.doc.clientID, { cursor: 1, participant: { id: employer.participant.id, name: 'Chị Lan (HR)', side: 'employer' } }],
      [r.doc.clientID, { cursor: 2, participant: { id: reviewer.participant.id, name: 'Ông Tuấn (Sở Nội vụ)', side: 'reviewer' } }],
      [9004, { cursor: 3, participant: { id: reviewer.participant.id, name: 'Ông Tuấn (Sở Nội vụ)', side: 'reviewer' } }],
    ]);
    await presenceMatches(b, (states) => [...expected.keys()].every((id) => states.has(id)), 'B to see everyone');
    expect(Object.fromEntries(remoteStates(b))).toEqual(Object.fromEntries(expected));

    // A change relayed later is stamped too, and so is what a late joiner is greeted with.
    r.provider.awareness.setLocalState({ cursor: 20, participant: { id: 'someone-else', name: 'Ai đó', side: 'union' } });
    await presenceMatches(b, (states) => states.get(r.doc.clientID)?.cursor === 20, "B to see the reviewer's new cursor");
    expect(remoteStates(b).get(r.doc.clientID)?.participant).toEqual(expected.get(r.doc.clientID)?.participant);
    const late = connect(server.url, document.id, union.token);
    await presenceMatches(
      late,
      (states) => [...expected.keys()].every((id) => states.has(id)) && states.get(r.doc.clientID)?.cursor === 20,
      'the late joiner to see everyone',
    );
    const participants = new Map([...expected].map(([clientId, state]) => [clientId, state.participant]));
    participants.set(b.doc.clientID, { id: union.participant.id, name: 'Anh Minh (Công đoàn)', side: 'union' });
    expect(new Map([...remoteStates(late)].map(([clientId, state]) => [clientId, state.participant]))).toEqual(participants);
  });
});
