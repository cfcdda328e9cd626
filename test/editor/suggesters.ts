import { Editor, Element, Text } from 'slate';
import type * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { encodeInitialContent } from '#shared/document/yjsContent';
import type { DocumentEditor } from '../../renderer/editor/customTypes';
import type { SuggestingState } from '../../renderer/editor/suggestingMode';
import { createPeer } from './peers';

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
    return { ...createPeer(seed, index, state), state };
  });
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
