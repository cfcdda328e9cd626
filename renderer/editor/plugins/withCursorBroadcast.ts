import { CursorEditor, YjsEditor, slateRangeToRelativeRange } from '@slate-yjs/core';
import type { Editor } from 'slate';
import * as Y from 'yjs';

/** At most one cursor position per this interval while the selection keeps changing (typing). */
export const cursorBroadcastIntervalMs = 80;

/**
 * Publishes this person's cursor to the others, like slate-yjs's `autoSend` but throttled: that
 * sends an awareness update on every change, so every keystroke costs a second message, and
 * in every other browser a re-render of the remote cursors that forces a layout. The cursor
 * is kept as Yjs relative positions, which stay right while its owner types, so the others lose
 * nothing when it is sent a little later. The first change after a pause is sent at once (a
 * click is seen immediately); later ones at most every `cursorBroadcastIntervalMs`, the last
 * one always. Use with `withCursors(editor, awareness, { autoSend: false })`.
 *
 * Only a cursor that moved is sent. slate-yjs's own check compares each new position with the
 * whole published range, so it always finds a difference: every change typed by someone else
 * made each watching browser send its unmoved cursor back to all the others (an awareness
 * message, and in each of them a re-render of the remote cursors that forces a layout).
 */
export function withCursorBroadcast<T extends Editor & CursorEditor & YjsEditor>(editor: T, data: Record<string, unknown>): T {
  const { connect, disconnect, onChange } = editor;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSentAt = Number.NEGATIVE_INFINITY;

  const send = (): void => {
    timer = undefined;
    if (!YjsEditor.connected(editor) || isPublished(editor)) return;
    lastSentAt = performance.now();
    CursorEditor.sendCursorPosition(editor);
  };

  editor.connect = () => {
    connect();
    CursorEditor.sendCursorData(editor, data);
    send();
  };
  editor.disconnect = () => {
    clearTimeout(timer);
    timer = undefined;
    disconnect();
  };
  editor.onChange = (options) => {
    onChange(options);
    if (!YjsEditor.connected(editor) || timer !== undefined) return;
    const wait = lastSentAt + cursorBroadcastIntervalMs - performance.now();
    if (wait <= 0) send();
    else timer = setTimeout(send, wait);
  };
  return editor;
}

/** Whether the others already have this person's cursor where it is now (as Yjs relative positions). */
function isPublished(editor: Editor & CursorEditor & YjsEditor): boolean {
  const published: unknown = editor.awareness.getLocalState()?.[editor.selectionStateField];
  if (!editor.selection) return published == null;
  if (!isRelativeRange(published)) return false;
  const { anchor, focus } = slateRangeToRelativeRange(editor.sharedRoot, editor, editor.selection);
  return Y.compareRelativePositions(anchor, published.anchor) && Y.compareRelativePositions(focus, published.focus);
}

function isRelativeRange(value: unknown): value is { anchor: Y.RelativePosition; focus: Y.RelativePosition } {
  return typeof value === 'object' && value !== null && 'anchor' in value && 'focus' in value;
}
