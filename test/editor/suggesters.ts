import { Awareness } from 'y-protocols/awareness';
import { Editor, Element, Text } from 'slate';
import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import type { SuggestingState } from '../../renderer/editor/suggestingMode';
import { lockingNothing, settle } from './peers';

// Editors in Suggesting mode for the suggestion fixtures (decisions 0024, 0027).

/** A participant's editor with its own Suggesting mode: ids it made are its own. */
export interface Suggester {
  doc: Y.Doc;
  editor: DocumentEditor;
  state: SuggestingState & { on: boolean };
  desyncs: unknown[];
}

export function createSuggesters(initial: TopLevelBlock[], count = 2): Suggester[] {
  const seed = encodeInitialContent({ blocks: initial });
  return Array.from({ length: count }, (_unused, index) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    const own = new Set<string>();
    let next = 0;
    const state = {
      on: true,
      isSuggesting: () => state.on,
      isOwn: (id: string) => own.has(id),
      newSuggestionId: () => {
        next += 1;
        const id = `p${index + 1}-${next}`;
        own.add(id);
        return id;
      },
    };
    const desyncs: unknown[] = [];
    const editor = createDocumentEditor({
      doc,
      awareness: new Awareness(doc),
      cursor: { name: `peer ${index + 1}`, side: index === 0 ? 'employer' : 'union' },
      onDesync: (error) => desyncs.push(error),
      lock: lockingNothing,
      suggesting: state,
    });
    editor.connect();
    return { doc, editor, state, desyncs };
  });
}

export async function exchange(peers: readonly { doc: Y.Doc }[]): Promise<void> {
  await settle();
  for (const from of peers) {
    for (const to of peers) if (from !== to) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
  }
  await settle();
}

/** Each text block of an editor on a line, insertions as {+…}, deletions as {-…} (with their ids when asked). */
export function marked(editor: Editor, withIds = false): string {
  return [...Editor.nodes(editor, { at: [], match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) && node.children.every(Text.isText) })]
    .map(([block]) =>
      (block as Element).children
        .map((leaf) => {
          if (!Text.isText(leaf)) return '';
          if (leaf.suggestDelete) return `{-${leaf.text}${withIds ? `@${leaf.suggestDelete}` : ''}}`;
          if (leaf.suggestInsert) return `{+${leaf.text}${withIds ? `@${leaf.suggestInsert}` : ''}}`;
          return leaf.text;
        })
        .join(''),
    )
    .join('\n');
}
