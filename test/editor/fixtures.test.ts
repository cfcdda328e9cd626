/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { documentText } from './documentText';
import type { EditorFixture } from './fixture';
import { contentOf, createPeers, syncPeers } from './peers';

const fixtures = import.meta.glob<{ fixture: EditorFixture }>('./fixtures/*.ts', { eager: true });

describe('editor collaboration fixtures (E1: every peer converges to the expected document)', () => {
  it('has fixtures to run', () => {
    expect(Object.keys(fixtures).length).toBeGreaterThanOrEqual(8);
  });

  for (const [file, { fixture }] of Object.entries(fixtures)) {
    it(`${file.replace('./fixtures/', '')}: ${fixture.description}`, async () => {
      const peers = createPeers(fixture.initial, Math.max(2, fixture.steps.length));
      fixture.steps.forEach((step, index) => {
        const peer = peers[index];
        if (peer) step(peer.editor);
      });
      await syncPeers(peers);
      const [first, ...others] = peers.map(contentOf);
      for (const other of others) expect(other).toEqual(first);
      // Slate states converge too (they may differ from the Yjs form only by empty texts around chips).
      for (const peer of peers) expect(peer.editor.children).toEqual(peers[0]?.editor.children);
      expect(documentText(first ?? [])).toBe(fixture.expected);
      for (const peer of peers) expect(peer.desyncs).toEqual([]);
    });
  }
});
