import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, messageType, syncMessageType } from '#shared/sync/protocol';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { awarenessFrame, openRawSocket, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket';
import { contentText, storedDoc, storedWriters, writersOf } from '../helpers/storedState';

const maxFrameBytes = 16 * 1024;

/**
 * A Yjs update that Y.decodeUpdate accepts but Y.applyUpdate throws on, after having integrated
 * its first item: a string in the body, then an item whose parent is a missing later item of its
 * own client.
 */
function danglingParentUpdate(client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 2); // two structs
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0); // first clock
  encoding.writeUint8(encoder, 4); // a ContentString item with its parent given by name
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, 'content');
  encoding.writeVarString(encoder, '[dangling]');
  encoding.writeUint8(encoder, 8 | 0x20); // a ContentAny item with its parent given by id, and a key
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 100);
  encoding.writeVarString(encoder, 'key');
  encoding.writeVarUint(encoder, 1);
  encoding.writeAny(encoder, 'value');
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

describe('S7 malformed input closes only the connection that sent it', () => {
  let harness: Harness | undefined;
  const clients: SyncClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    await harness?.dispose();
    harness = undefined;
  });

  it('closes with 4400 and a reason on each kind of bad frame, with 1009 on an oversized one; the others keep converging; nothing bad is stored', async () => {
    harness = await startHarness({ maxFrameBytes });
    const { server, logger } = harness;
    const document = await createDocument(server);
    const employer = await joinAs(server, document.id, 'employer', 'Chị Lan (HR)');
    const union = await joinAs(server, document.id, 'union', 'Anh Minh (Công đoàn)');
    const hostile = await joinAs(server, document.id, 'employer', 'Máy khách hỏng');
    const a = connectClient(server.url, document.id, employer.token);
    const b = connectClient(server.url, document.id, union.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);

    const validUpdate = (() => {
      const doc = new Y.Doc();
      doc.getText('content').insert(0, '[valid but truncated]');
      return Y.encodeStateAsUpdate(doc);
    })();
    const garbageYjs = Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03]);
    const dangling = danglingParentUpdate(4242);
    expect(() => Y.decodeUpdate(garbageYjs)).toThrow();
    expect(() => Y.decodeUpdate(dangling)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), dangling)).toThrow();

    const cases: { what: string; frame: Uint8Array | string; code: number; reason: RegExp; logEvent: string }[] = [
      {
        what: 'garbage bytes',
        frame: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00]),
        code: closeCodes.malformed,
        reason: /^malformed message: /,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'a truncated sync message',
        frame: syncUpdateFrame(validUpdate).slice(0, -5),
        code: closeCodes.malformed,
        reason: /^malformed message: truncated/,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'an unknown message type',
        frame: Uint8Array.from([42, 0]),
        code: closeCodes.malformed,
        reason: /unknown message type 42/,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'an unknown sync message type',
        frame: Uint8Array.from([messageType.sync, 7, 0]),
        code: closeCodes.malformed,
        reason: /unknown sync message type 7/,
        logEvent: 'sync.malformed_frame',
      },
      { what: 'a text frame', frame: '{"type":"update"}', code: closeCodes.malformed, reason: /text frames/, logEvent: 'sync.malformed_frame' },
      {
        what: 'a garbage Yjs payload',
        frame: syncUpdateFrame(garbageYjs),
        code: closeCodes.malformed,
        reason: /invalid Yjs update/,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'a Yjs payload that decodes but cannot be applied',
        frame: syncUpdateFrame(dangling),
        code: closeCodes.malformed,
        reason: /invalid Yjs update/,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'a garbage state vector',
        frame: Uint8Array.from([messageType.sync, syncMessageType.step1, 3, 0xff, 0xff, 0xff]),
        code: closeCodes.malformed,
        reason: /invalid state vector/,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'awareness with invalid JSON',
        frame: awarenessFrame([{ clientId: 777, clock: 1, json: '{"user": ' }]),
        code: closeCodes.malformed,
        reason: /invalid awareness update/,
        logEvent: 'sync.malformed_frame',
      },
      {
        what: 'a frame over the limit',
        frame: syncUpdateFrame(new Uint8Array(maxFrameBytes + 1)),
        code: closeCodes.tooBig,
        reason: /^$/,
        logEvent: 'sync.socket_error',
      },
    ];

    const smugglers: Y.Doc[] = [];
    for (const [round, bad] of cases.entries()) {
      const raw = openRawSocket(server.url, document.id, hostile.token);
      sockets.push(raw);
      await raw.greeted();
      const loggedBefore = logger.lines.filter((line) => line.event === bad.logEvent).length;
      // Right behind the bad frame, a valid update: it reaches the server before the socket has
      // finished closing, and must not be applied either.
      const smuggler = new Y.Doc();
      smuggler.getText('content').insert(0, `[smuggled ${round}]`);
      smugglers.push(smuggler);
      raw.socket.send(bad.frame);
      raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(smuggler)));
      // Meanwhile the two stock clients keep editing.
      a.text.insert(0, `[A${round}]`);
      b.text.insert(b.text.length, `[B${round}]`);

      const close = await raw.closed();
      expect(close.code, bad.what).toBe(bad.code);
      expect(close.reason, bad.what).toMatch(bad.reason);
      const newLines = logger.lines.filter((line) => line.event === bad.logEvent).slice(loggedBefore);
      expect(newLines.length, bad.what).toBe(1);
      expect(newLines[0]?.fields.participant, bad.what).toBe(hostile.participant.id);
    }

    const hasEveryEdit = (text: string): boolean => cases.every((_bad, round) => text.includes(`[A${round}]`) && text.includes(`[B${round}]`));
    await textMatches(a, hasEveryEdit, 'A to receive every edit of A and B');
    await textMatches(b, hasEveryEdit, 'B to receive every edit of A and B');
    expect(b.text.toString()).toBe(a.text.toString());
    // Neither stock client was ever disconnected along the way.
    expect([a.drops, b.drops]).toEqual([0, 0]);
    expect(a.text.toString()).not.toMatch(/smuggled|dangling|valid but truncated/);

    const room = server.sync.room(document.id);
    if (!room) throw new Error('the room should be open while clients are connected');
    expect(contentText(room.doc)).toBe(a.text.toString());
    await room.flush();
    const { updates } = server.context.store;
    expect(contentText(await storedDoc(updates, document.id))).toBe(a.text.toString());
    const written = new Set([...writersOf(room.doc), ...(await storedWriters(updates, document.id))]);
    for (const smuggler of smugglers) expect(written.has(smuggler.clientID)).toBe(false);
    expect(written.has(4242)).toBe(false);
    expect([...(await updates.clients(document.id)).values()]).not.toContain(hostile.participant.id);
  });
});
