import { Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import { cursorBroadcastIntervalMs } from '../../renderer/editor/plugins/withCursorBroadcast';
import { article, cursorAt } from './builders';
import { createPeers, syncPeers, type Peer } from './peers';

const initial = [article('a1', 'Tiền lương', 'Mức lương thấp nhất.', 'Trả vào ngày 10.')];

/** Waits past the throttle of cursor broadcasts, so that a cursor held back is sent. */
const pastThrottle = () => new Promise((resolve) => setTimeout(resolve, cursorBroadcastIntervalMs * 2));

/** How many times `peer` publishes its cursor while `during` runs. */
async function publishedBy(peer: Peer, during: () => Promise<void>): Promise<number> {
  let published = 0;
  const count = (_change: unknown, origin: unknown) => {
    if (origin === 'local') published += 1;
  };
  peer.editor.awareness.on('update', count);
  await during();
  await pastThrottle();
  peer.editor.awareness.off('update', count);
  return published;
}

describe('cursor broadcast', () => {
  it('sends nobody an unmoved cursor while another person types, and a moved one at once', async () => {
    const peers = createPeers(initial);
    const [typist, watcher] = peers as [Peer, Peer];
    cursorAt(watcher.editor, [0, 2], 'Trả vào'.length);
    await pastThrottle();

    const whileTyping = await publishedBy(watcher, async () => {
      cursorAt(typist.editor, [0, 1], -1);
      for (const word of [' Từ', ' năm', ' 2027.']) {
        typist.editor.insertText(word);
        await syncPeers(peers);
        await pastThrottle();
      }
    });
    expect(whileTyping).toBe(0);

    const afterMoving = await publishedBy(watcher, async () => {
      Transforms.move(watcher.editor, { distance: 3 });
      await syncPeers(peers);
    });
    expect(afterMoving).toBe(1);
  });
});
