/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { documentText } from './documentText';
import type { EditorFixture } from './fixture';
import { contentOf, createPeers, syncPeers } from './peers';
import { syncThroughServer } from './syncServerPeers';

const fixtures = import.meta.glob<{ fixture: EditorFixture }>('./fixtures/*.ts', { eager: true });

describe('editor collaboration fixtures (E1: every peer converges to the expected document)', () => {
  it('has fixtures to run', () => {
    expect(Object.keys(fixtures).length).toBeGreaterThanOrEqual(8);
  });

  for (const [file, { fixture }] of Object.entries(fixtures)) {
    it(`${file.replace('./fixtures/', '')}: ${fixture.description}`, async () => {
      const seed = encodeInitialContent({ blocks: fixture.initial });
      const peers = createPeers(fixture.initial, Math.max(2, fixture.steps.length), seed);
      fixture.steps.forEach((step, index) => {
        const peer = peers[index];
        if (peer) step(peer.editor);
      });
      const outcome = fixture.arrivalAtServer ? await syncThroughServer(peers, seed, fixture.arrivalAtServer) : null;
      if (!outcome) await syncPeers(peers);
      const [first, ...others] = peers.map(contentOf);
      // What the server served is what it stored: a restart reads the same body back.
      if (outcome) expect([outcome.served, outcome.afterRestart]).toEqual([first, first]);
      for (const other of others) expect(other).toEqual(first);
      // Slate states converge too (they may differ from the Yjs form only by empty texts around chips).
      for (const peer of peers) expect(peer.editor.children).toEqual(peers[0]?.editor.children);
      expect(documentText(first ?? [])).toBe(fixture.expected);
      for (const peer of peers) expect(peer.desyncs).toEqual([]);
    });
  }
});
