import { Editor, Element, Node, Path, type BaseOperation, type Location } from 'slate';
import { isSuggestedBlockType } from '#shared/document/elementRules';
import type { DocumentElement } from '#shared/document/nodes';
import { withoutPendingSuggestionsIn } from '#shared/document/suggestionMarks';
import type { SuggestingState } from './suggestingMode';

/** Whether a node is a block a suggestion adds, removes or moves as a whole (decision 0027). */
export function isSuggestableBlock(node: Node): node is DocumentElement & { suggestInsert?: string; suggestDelete?: string } {
  return Element.isElement(node) && isSuggestedBlockType(node.type);
}

/** The id of the block suggested as new that a location lies in (the block itself, or one holding it), or null. */
export function insertionAround(editor: Editor, at: Location): string | null {
  const entry = Editor.above(editor, { at, mode: 'lowest', match: (node) => isSuggestableBlock(node) && node.suggestInsert !== undefined });
  const own = Path.isPath(at) && Node.has(editor, at) ? Node.get(editor, at) : null;
  if (own && isSuggestableBlock(own) && own.suggestInsert !== undefined) return own.suggestInsert;
  return entry && isSuggestableBlock(entry[0]) ? (entry[0].suggestInsert ?? null) : null;
}

/** Whether a location lies in a block this participant suggested as new (its text is theirs to change freely). */
export function inOwnSuggestedBlock(editor: Editor, at: Location, state: SuggestingState): boolean {
  const id = insertionAround(editor, at);
  return id !== null && state.isOwn(id);
}

/** Where a moved node goes in the tree as it is before the move (a move's new path counts without the node). */
function pathBeforeMove(from: Path, to: Path): Path {
  if (!Path.endsBefore(from, to)) return to;
  const shifted = [...to];
  const level = from.length - 1;
  shifted[level] = (shifted[level] ?? 0) + 1;
  return shifted;
}

/**
 * A local structural operation as Suggesting mode makes it (decision 0027): a block inserted is
 * marked as new under a new id (unless it goes into a block one suggested as new: it is part of
 * it); a block moved stays where it was, marked for deletion, and a copy of its accepted text is
 * inserted at the new place, marked as new, under one id; moving one's own suggested block
 * moves it; a block another suggested or suggested for deletion does not move. Any other
 * operation is returned as it is.
 */
export function asSuggestion(editor: Editor, operation: BaseOperation, state: SuggestingState): BaseOperation[] {
  if (operation.type === 'insert_node' && isSuggestableBlock(operation.node) && operation.node.suggestInsert === undefined) {
    const parent = Path.parent(operation.path);
    if (parent.length > 0 && insertionAround(editor, parent) !== null) return [operation];
    return [{ ...operation, node: { ...operation.node, suggestInsert: state.newSuggestionId() } as Node }];
  }
  if (operation.type === 'move_node' && Node.has(editor, operation.path)) {
    const node = Node.get(editor, operation.path);
    if (!isSuggestableBlock(node)) return [operation];
    const around = insertionAround(editor, operation.path);
    if (around !== null) return state.isOwn(around) ? [operation] : [];
    if (node.suggestDelete !== undefined) return [];
    const id = state.newSuggestionId();
    const copy = { ...withoutPendingSuggestionsIn(node), suggestInsert: id } as Node;
    return [
      { type: 'set_node', path: operation.path, properties: {}, newProperties: { suggestDelete: id } },
      { type: 'insert_node', path: pathBeforeMove(operation.path, operation.newPath), node: copy },
    ];
  }
  return [operation];
}
