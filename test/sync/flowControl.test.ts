import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, messageType, syncMessageType } from '#shared/sync/protocol';
import { agreementBody, clauseIds, lastParagraphOf } from '../negotiation/negotiationFixture';
import { openRawSocket, syncStep1Frame, type RawSocket } from '../helpers/rawSocket';
import { joinAs, startHarness, type Harness, type HarnessOptions } from '../helpers/serverHarness';
import { connectSyncedClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

/** Whole states (sync step 2) among the frames a raw socket received. */
function fullStates(raw: RawSocket): number {
  return raw.frames.filter((frame) => frame[0] === messageType.sync && frame[1] === syncMessageType.step2).length;
}

describe('S21 flow control: no socket makes the server hold more than its share', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    await harness.dispose();
  });

  async function documentWithText(options: HarnessOptions, textBytes: number) {
    harness = await startHarness(options);
    const { server } = harness;
    const document = await server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', content: agreementBody(), variables: {}, language: 'vi' },
      { kind: 'admin' },
    );
    const writer = await connect(document.id, (await joinAs(server, document.id, 'union', 'Anh Minh')).token);
    if (textBytes > 0) {
      const text = 'Người lao động làm thêm giờ. '.repeat(Math.ceil(textBytes / 30));
      lastParagraphOf(writer.doc, clauseIds.scope).insert(0, text);
      await waitFor(
        async () => (await server.sync.withRoom(document.id, (room) => lastParagraphOf(room.doc, clauseIds.scope).length)) > text.length,
        'the text to reach the server',
      );
    }
    return { document, writer, reader: await joinAs(server, document.id, 'employer', 'Chị Lan') };
  }

  const connect = (documentId: string, token: string): Promise<SyncClient> => connectSyncedClient(harness.server.url, documentId, token, clients);

  async function rawSocket(documentId: string, token: string): Promise<RawSocket> {
    const raw = openRawSocket(harness.server.url, documentId, token);
    sockets.push(raw);
    await raw.greeted();
    return raw;
  }

  it('a flood of sync step 1 from a socket that does not read gets one whole state at a time, at a limited rate, the requests made meanwhile folded into one', async () => {
    const { document, writer, reader } = await documentWithText(
      { connectionLimits: { maxBufferedBytes: 64 * 1024 * 1024, fullStateBurst: 2, fullStateIntervalMs: 300 } },
      1_000_000,
    );
    const flooder = await rawSocket(document.id, reader.token);
    flooder.socket.pause();
    for (let index = 0; index < 60; index += 1) flooder.socket.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
    // The others are served meanwhile.
    const witness = await connect(document.id, reader.token);
    lastParagraphOf(writer.doc, clauseIds.wage).insert(0, 'Vẫn soạn được. ');
    await waitFor(() => lastParagraphOf(witness.doc, clauseIds.wage).toString().startsWith('Vẫn soạn được.'), 'a later edit to reach a witness');
    await new Promise((resolve) => setTimeout(resolve, 700));
    flooder.socket.resume();
    await waitFor(() => fullStates(flooder) >= 2, 'the answers to arrive');
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The first at once; those asked while it was on its way, folded into one (or a few, as they
    // arrived): not sixty.
    expect(fullStates(flooder)).toBeGreaterThanOrEqual(2);
    expect(fullStates(flooder)).toBeLessThanOrEqual(4);
    expect(flooder.socket.readyState).toBe(flooder.socket.OPEN);
  });

  it('a socket whose unsent frames pile up past the limit is closed with 4508 and a reason; the others go on', async () => {
    const { document, writer, reader } = await documentWithText(
      { connectionLimits: { maxBufferedBytes: 512 * 1024, fullStateBurst: 4, fullStateIntervalMs: 2_000 } },
      0,
    );
    const stalled = await rawSocket(document.id, reader.token);
    stalled.socket.pause();
    const closed = stalled.closed(20_000);
    // Far more than the system's socket buffers take in (a few megabytes on loopback).
    for (let round = 0; round < 40; round += 1)
      lastParagraphOf(writer.doc, clauseIds.scope).insert(0, `[${round}] ${'Thời giờ làm việc bình thường. '.repeat(20_000)}`);
    await waitFor(() => harness.logger.lines.some((line) => line.event === 'sync.slow_peer'), 'the server to give up on the stalled socket');
    stalled.socket.resume();
    expect(await closed).toEqual({ code: closeCodes.tooSlow, reason: 'the connection does not read what the server sends; reconnect' });
    const witness = await connect(document.id, reader.token);
    expect(lastParagraphOf(witness.doc, clauseIds.scope).toString()).toContain('[39]');
  });

  it('a socket that stops reading is closed with 4508 at the next ping', async () => {
    const { document, reader } = await documentWithText(
      { pingIntervalMs: 1_000, connectionLimits: { maxBufferedBytes: 256 * 1024 * 1024, fullStateBurst: 40, fullStateIntervalMs: 10 } },
      2_000_000,
    );
    const stalled = await rawSocket(document.id, reader.token);
    stalled.socket.pause();
    const closed = stalled.closed(10_000);
    // Whole states until the system's socket buffers are full and frames wait in the server.
    for (let index = 0; index < 20; index += 1) stalled.socket.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => harness.logger.lines.some((line) => line.event === 'sync.slow_peer'), 'the server to give up on the stalled socket');
    stalled.socket.resume();
    expect((await closed).code).toBe(closeCodes.tooSlow);
  });

  it('a participant’s connections beyond the limit are refused with 4429 and a reason', async () => {
    const { document, reader } = await documentWithText({ maxConnectionsPerParticipant: 3 }, 0);
    for (let index = 0; index < 3; index += 1) await rawSocket(document.id, reader.token);
    const extra = openRawSocket(harness.server.url, document.id, reader.token);
    sockets.push(extra);
    expect(await extra.closed()).toEqual({
      code: closeCodes.tooManyConnections,
      reason: 'this participant already has 3 connections to the document; close one first',
    });
    sockets[0]?.socket.close();
    await waitFor(() => harness.server.sync.stats().connections === 3, 'one connection to close');
    await rawSocket(document.id, reader.token);
  });
});
