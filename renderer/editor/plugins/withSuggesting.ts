import { YjsEditor } from '@slate-yjs/core';
import { Editor, Element, Node, Path, Range, Text, Transforms, type BaseRange, type Point } from 'slate';
import { markNames } from '#shared/document/elementRules';
import type { FormattedText, Mark } from '#shared/document/nodes';
import { formatCode } from '#shared/document/suggestionMarks';
import { asSuggestion, inOwnSuggestedBlock, insertionAround, isSuggestableBlock } from '../blockSuggestions';
import type { SuggestingState } from '../suggestingMode';

type SuggestionMarks = 'suggestInsert' | 'suggestDelete' | 'suggestFormat' | 'suggestFormatFrom';

/** A text's formatting without its suggestion marks: what new text typed next to it takes. */
function formattingOf(marks: Omit<FormattedText, 'text'> | null): Omit<FormattedText, 'text' | SuggestionMarks> {
  const formatting = { ...marks };
  delete formatting.suggestInsert;
  delete formatting.suggestDelete;
  delete formatting.suggestFormat;
  delete formatting.suggestFormatFrom;
  return formatting;
}

const isMark = (key: string): key is Mark => (markNames as readonly string[]).includes(key);

/** The expanded parts of a range in each text it crosses, as refs that follow the splits made meanwhile. */
function leavesIn(editor: Editor, range: BaseRange) {
  return [...Editor.nodes(editor, { at: range, match: Text.isText })].flatMap(([text, path]) => {
    const part = Range.intersection(range, Editor.range(editor, path));
    return part && Range.isExpanded(part) ? [{ text, ref: Editor.rangeRef(editor, part) }] : [];
  });
}

/**
 * Suggests setting or clearing a mark over a range (decision 0028): each text not yet so gets the
 * mark, `suggestFormat` naming the suggestion (one's own already there, else a new one) and, under
 * `suggestFormatFrom`, the formatting it had before; a text brought back to that formatting drops
 * both. One's own pending insertion is formatted directly; text of another's suggestion (their
 * insertion, deletion or formatting) stays as it is, for the server would refuse the change.
 */
function suggestFormatting(editor: Editor, range: BaseRange, mark: Mark, on: boolean, state: SuggestingState): void {
  // A new id only when some text gets a new suggestion.
  let id: string | null = null;
  const newId = (): string => (id ??= state.newSuggestionId());
  Editor.withoutNormalizing(editor, () => {
    for (const { text, ref } of leavesIn(editor, range)) {
      const at = ref.unref();
      if (!at || Range.isCollapsed(at) || (text[mark] === true) === on) continue;
      // One change per text (a property set to undefined is removed): a second would find it split.
      const options = { at, match: Text.isText, split: true };
      const marked = { [mark]: on ? true : undefined };
      if (text.suggestInsert !== undefined) {
        if (state.isOwn(text.suggestInsert)) Transforms.setNodes(editor, marked, options);
        continue;
      }
      if (text.suggestDelete !== undefined || (text.suggestFormat !== undefined && !state.isOwn(text.suggestFormat))) continue;
      const from = text.suggestFormat !== undefined && text.suggestFormatFrom !== undefined ? text.suggestFormatFrom : formatCode(text);
      const back = formatCode({ ...text, [mark]: on }) === from;
      Transforms.setNodes(
        editor,
        { ...marked, suggestFormat: back ? undefined : (text.suggestFormat ?? newId()), suggestFormatFrom: back ? undefined : from },
        options,
      );
    }
  });
}

/** The path of the text block a point lies in. */
function blockPathOf(editor: Editor, point: Point): Path | null {
  const entry = Editor.above(editor, { at: point, match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) });
  return entry ? entry[1] : null;
}

/** Whether a range holds text of a pending suggestion that is not one's own insertion (editing mode leaves it alone). */
function holdsOthersSuggestion(editor: Editor, range: BaseRange, state: SuggestingState): boolean {
  for (const [text] of Editor.nodes(editor, { at: range, match: Text.isText })) {
    if (text.suggestDelete !== undefined) return true;
    if (text.suggestInsert !== undefined && !state.isOwn(text.suggestInsert)) return true;
    if (text.suggestFormat !== undefined && !state.isOwn(text.suggestFormat)) return true;
  }
  return false;
}

/**
 * Marks a range for deletion under a suggestion id: one's own pending insertion is really removed,
 * text already suggested for deletion and another's pending insertion stay as they are, any other
 * text keeps its place, struck through (`suggestDelete`).
 */
function suggestDeletion(editor: Editor, range: BaseRange, id: string, state: SuggestingState): void {
  const leaves = leavesIn(editor, range);
  Editor.withoutNormalizing(editor, () => {
    for (const { text, ref } of leaves) {
      const at = ref.unref();
      if (!at || Range.isCollapsed(at)) continue;
      if (text.suggestInsert !== undefined) {
        if (state.isOwn(text.suggestInsert)) Transforms.delete(editor, { at });
      } else if (text.suggestDelete === undefined) {
        Transforms.setNodes(editor, { suggestDelete: id }, { at, match: Text.isText, split: true });
      }
    }
  });
}

/** One's own deletion suggestion touching a range (before or after it): Backspace held down extends it. */
function adjacentOwnDeletion(editor: Editor, range: BaseRange, state: SuggestingState): string | null {
  const [start, end] = Range.edges(range);
  for (const point of [Editor.after(editor, end), end, start, Editor.before(editor, start)]) {
    if (!point) continue;
    const [entry] = Editor.nodes(editor, { at: point, match: Text.isText });
    const id = entry?.[0].suggestDelete;
    if (id !== undefined && state.isOwn(id)) return id;
  }
  return null;
}

/** The body blocks a new block may follow when Enter is pressed at a block's end (a title is followed by a paragraph). */
const blockAfter: Readonly<Record<string, 'paragraph' | 'clause' | 'point' | 'list-item'>> = {
  'article-title': 'paragraph',
  paragraph: 'paragraph',
  clause: 'clause',
  point: 'point',
  'list-item': 'list-item',
};

/**
 * The blocks a range covers whole (from a block's start to a block's end), when every text block
 * it reaches lies in one of them: their paths, last first. Null otherwise (the range is text).
 */
function wholeBlocksIn(editor: Editor, range: BaseRange): Path[] | null {
  const covers = (path: Path) => Range.includes(range, Editor.start(editor, path)) && Range.includes(range, Editor.end(editor, path));
  const covered = [...Editor.nodes(editor, { at: range, match: isSuggestableBlock })].map(([, path]) => path).filter(covers);
  const highest = covered.filter((path) => !covered.some((other) => Path.isAncestor(other, path)));
  const textBlocks = [
    ...Editor.nodes(editor, { at: range, match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) && node.children.some(Text.isText) }),
  ];
  if (highest.length === 0 || !textBlocks.every(([, path]) => highest.some((block) => Path.isAncestor(block, path) || Path.equals(block, path)))) return null;
  return highest.reverse();
}

/**
 * Suggesting mode (decisions 0024, 0027, 0028). While it is on, typing inserts text marked as one's
 * suggestion (`suggestInsert`, one id for a run typed in one go), deleting marks text instead of
 * removing it (`suggestDelete`), and typing over a selection does both under one id (a
 * replacement). Blocks are suggested whole: Enter at a block's end adds a block marked as new,
 * deleting whole blocks marks them, and the structure commands (a new article, clause, table,
 * ▲ ▼) add or move blocks as suggestions (asSuggestion); text typed in a block one suggested
 * as new carries the block's id, and deleting there removes, for it is all one's suggestion. Breaking or joining a block in
 * the middle of its text is not suggested: the cursor moves across the boundary instead. Marks set or cleared over a selection are a
 * format suggestion (decision 0028). In editing mode, typing next to a suggestion does not join it, and deleting never reaches into
 * another participant's suggestion (the server would refuse it). The server judges every change
 * anyway.
 */
export function withSuggesting<T extends Editor>(editor: T, state: SuggestingState): T {
  const { apply, normalizeNode, insertText, insertBreak, insertSoftBreak, insertFragment, deleteBackward, deleteForward, deleteFragment, addMark, removeMark } =
    editor;

  // Normalizing repairs the tree's shape (it wraps or moves what a remote change left out of
  // place): its operations are no one's suggestion, and must take effect as made.
  let normalizing = 0;
  editor.normalizeNode = (entry, options) => {
    normalizing += 1;
    try {
      normalizeNode(entry, options);
    } finally {
      normalizing -= 1;
    }
  };
  editor.apply = (operation) => {
    const isLocal = !YjsEditor.isYjsEditor(editor) || YjsEditor.isLocal(editor);
    if (!isLocal || normalizing > 0 || !state.isSuggesting()) return apply(operation);
    for (const suggested of asSuggestion(editor, operation, state)) apply(suggested);
  };

  const typeSuggestion = (text: string, replacing: string | null): void => {
    const marks = Editor.marks(editor);
    const continuing = marks?.suggestInsert !== undefined && state.isOwn(marks.suggestInsert) ? marks.suggestInsert : null;
    // Text typed in one's own new block is marked with the block's id: were the block accepted
    // meanwhile, the late words would not join the accepted text unseen.
    const block = editor.selection ? insertionAround(editor, editor.selection.anchor) : null;
    const id = (block !== null && state.isOwn(block) ? block : null) ?? continuing ?? replacing ?? state.newSuggestionId();
    Transforms.insertNodes(editor, { ...formattingOf(marks), suggestInsert: id, text });
    editor.marks = null;
  };

  editor.insertText = (text, options) => {
    const { selection } = editor;
    if (!state.isSuggesting() || !selection) {
      // Plain typing next to a suggestion is plain text, not part of the suggestion.
      const marks = Editor.marks(editor);
      if (selection && (marks?.suggestInsert !== undefined || marks?.suggestDelete !== undefined || marks?.suggestFormat !== undefined))
        editor.marks = formattingOf(marks);
      insertText(text, options);
      return;
    }
    let replacing: string | null = null;
    if (Range.isExpanded(selection)) {
      replacing = state.newSuggestionId();
      suggestDeletion(editor, selection, replacing, state);
      Transforms.collapse(editor, { edge: 'end' });
    }
    typeSuggestion(text, replacing);
  };

  editor.insertFragment = (fragment, options) => {
    if (!state.isSuggesting()) return insertFragment(fragment, options);
    // Pasted text is suggested as text; blocks pasted are not suggested yet.
    const text = fragment.map((node) => Node.string(node)).join(' ');
    if (text.length > 0) editor.insertText(text);
  };

  const deleteSuggesting = (direction: 'backward' | 'forward', unit: 'character' | 'word' | 'line' | 'block'): void => {
    const { selection } = editor;
    if (!selection) return;
    if (Range.isExpanded(selection)) return editor.deleteFragment({ direction });
    const other = direction === 'backward' ? Editor.before(editor, selection.anchor, { unit }) : Editor.after(editor, selection.anchor, { unit });
    if (!other) return;
    const from = blockPathOf(editor, selection.anchor);
    const to = blockPathOf(editor, other);
    if (!from || !to || !Path.equals(from, to)) {
      // An empty block one suggested as new goes with Backspace or Delete (the suggestion withdrawn).
      const block = from ? Node.get(editor, from) : null;
      const landing = Editor.pointRef(editor, other);
      if (from && block && isSuggestableBlock(block) && block.suggestInsert !== undefined && state.isOwn(block.suggestInsert) && Node.string(block) === '')
        Transforms.removeNodes(editor, { at: from });
      const point = landing.unref();
      if (point) Transforms.select(editor, point);
      return;
    }
    if (inOwnSuggestedBlock(editor, from, state)) return direction === 'backward' ? deleteBackward(unit) : deleteForward(unit);
    const range = { anchor: other, focus: selection.anchor };
    const landing = Editor.pointRef(editor, other);
    suggestDeletion(editor, range, adjacentOwnDeletion(editor, range, state) ?? state.newSuggestionId(), state);
    const point = landing.unref();
    if (point) Transforms.select(editor, point);
  };

  editor.deleteBackward = (unit) => {
    if (state.isSuggesting()) return deleteSuggesting('backward', unit);
    const { selection } = editor;
    const before = selection && Range.isCollapsed(selection) ? Editor.before(editor, selection.anchor, { unit }) : undefined;
    if (selection && before && holdsOthersSuggestion(editor, { anchor: before, focus: selection.anchor }, state)) return;
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    if (state.isSuggesting()) return deleteSuggesting('forward', unit);
    const { selection } = editor;
    const after = selection && Range.isCollapsed(selection) ? Editor.after(editor, selection.anchor, { unit }) : undefined;
    if (selection && after && holdsOthersSuggestion(editor, { anchor: selection.anchor, focus: after }, state)) return;
    deleteForward(unit);
  };

  editor.deleteFragment = (options) => {
    const { selection } = editor;
    if (!selection || Range.isCollapsed(selection)) return deleteFragment(options);
    if (!state.isSuggesting()) {
      if (!holdsOthersSuggestion(editor, selection, state)) deleteFragment(options);
      return;
    }
    const blocks = wholeBlocksIn(editor, selection);
    if (blocks) {
      // Whole blocks: one's own suggested blocks go, the others are marked for deletion as blocks.
      const id = state.newSuggestionId();
      Transforms.collapse(editor, { edge: options?.direction === 'forward' ? 'end' : 'start' });
      Editor.withoutNormalizing(editor, () => {
        for (const path of blocks) {
          const block = Node.get(editor, path);
          if (!isSuggestableBlock(block) || block.suggestDelete !== undefined) continue;
          if (block.suggestInsert === undefined) Transforms.setNodes(editor, { suggestDelete: id }, { at: path });
          else if (state.isOwn(block.suggestInsert)) Transforms.removeNodes(editor, { at: path });
        }
      });
      return;
    }
    suggestDeletion(editor, selection, state.newSuggestionId(), state);
    Transforms.collapse(editor, { edge: options?.direction === 'forward' ? 'end' : 'start' });
  };

  // Bold, italic or underline over a selection is a format suggestion; at the cursor, it formats
  // the text about to be typed, which is a suggested insertion anyway.
  editor.addMark = (key, value) => {
    const { selection } = editor;
    if (!state.isSuggesting() || !selection || Range.isCollapsed(selection) || !isMark(key) || value !== true) return addMark(key, value);
    suggestFormatting(editor, selection, key, true, state);
  };

  editor.removeMark = (key) => {
    const { selection } = editor;
    if (!state.isSuggesting() || !selection || Range.isCollapsed(selection) || !isMark(key)) return removeMark(key);
    suggestFormatting(editor, selection, key, false, state);
  };

  editor.insertBreak = () => {
    if (!state.isSuggesting()) return insertBreak();
    // At a block's end, a new block suggested after it (with the same id when the block is one's own new one).
    const { selection } = editor;
    const path = selection && Range.isCollapsed(selection) ? blockPathOf(editor, selection.anchor) : null;
    if (!selection || !path || !Editor.isEnd(editor, selection.anchor, path)) return;
    const block = Node.get(editor, path);
    const type = Element.isElement(block) ? blockAfter[block.type] : undefined;
    if (type === undefined) return;
    const own = isSuggestableBlock(block) && block.suggestInsert !== undefined && state.isOwn(block.suggestInsert) ? block.suggestInsert : undefined;
    const node = { type, children: [{ text: '' }], ...(own === undefined ? {} : { suggestInsert: own }) } as Node;
    Transforms.insertNodes(editor, node, { at: Path.next(path), select: true });
  };
  editor.insertSoftBreak = () => {
    if (!state.isSuggesting()) insertSoftBreak();
  };
  return editor;
}
