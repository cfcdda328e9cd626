import { Element, Node, Path, Text, type Operation } from 'slate';
import type { DocumentEditor } from './customTypes';

/**
 * Whether an operation changes text inside blocks and nothing more: text typed or deleted, the
 * selection, or text nodes inserted, removed, split or merged. Another person's typing in marked
 * text arrives in that last form (slate-yjs applies a remote insertion as a new text node, which
 * normalizing then merges; plain text is typed text, withRemoteTyping.ts), so it counts as typing
 * too: none of these adds, removes or moves a block or a chip.
 */
export function isTextLevelOperation(operation: Operation): boolean {
  switch (operation.type) {
    case 'set_selection':
    case 'insert_text':
    case 'remove_text':
      return true;
    case 'insert_node':
    case 'remove_node':
      return Text.isText(operation.node);
    case 'split_node':
    case 'merge_node':
      // A text's properties are its marks; every element of the document has a type.
      return !('type' in operation.properties);
    default:
      return false;
  }
}

/** Anyone's typing in a paragraph, clause or point: no title, number or structure changes. */
export function isBodyTextOperation(editor: DocumentEditor, operation: Operation): boolean {
  if (operation.type === 'set_selection') return true;
  if (!isTextLevelOperation(operation)) return false;
  const blockPath = Path.parent(operation.path);
  if (!Node.has(editor, blockPath)) return false;
  const block = Node.get(editor, blockPath);
  return Element.isElement(block) && block.type !== 'article-title' && block.type !== 'chapter-title';
}
