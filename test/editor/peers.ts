import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import type { SuggestingState } from '../../renderer/editor/suggestingMode';

/** Peers here edit freely: which articles are agreed is the business of the negotiation tests. */
export const lockingNothing = { isLocked: (): boolean => false };

export interface Peer {
  doc: Y.Doc;
  editor: DocumentEditor;
  desyncs: unknown[];
}

/** Peers editing one document, each with its own Y.Doc and editor, seeded from the same state (`seed`, when given). */
export function createPeers(initial: TopLevelBlock[], count = 2, seed = encodeInitialContent({ blocks: initial })): Peer[] {
  return Array.from({ length: count }, (_unused, index) => createPeer(seed, index));
}

/** The `index`-th peer (from 0; the first is the employer's), on a copy of `seed`, in Suggesting mode when given its state. */
export function createPeer(seed: Uint8Array, index: number, suggesting?: SuggestingState): Peer {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seed);
  const desyncs: unknown[] = [];
  const editor = createDocumentEditor({
    doc,
    awareness: new Awareness(doc),
    cursor: { name: `peer ${index + 1}`, side: index === 0 ? 'employer' : 'union' },
    onDesync: (error) => desyncs.push(error),
    lock: lockingNothing,
    ...(suggesting ? { suggesting } : {}),
  });
  editor.connect();
  return { doc, editor, desyncs };
}

/** Lets Slate flush pending local operations into Yjs (slate-yjs flushes on onChange). */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Exchanges every missing update between all peers, as a server would. */
export async function syncPeers(peers: readonly { doc: Y.Doc }[]): Promise<void> {
  await settle();
  for (const from of peers) {
    for (const to of peers) {
      if (from !== to) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
    }
  }
  await settle();
}

export function contentOf(peer: Peer): TopLevelBlock[] {
  return readContent(peer.doc);
}
