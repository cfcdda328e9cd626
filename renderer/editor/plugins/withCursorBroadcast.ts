import { CursorEditor, YjsEditor } from '@slate-yjs/core';

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
 */
export function withCursorBroadcast<T extends CursorEditor & YjsEditor>(editor: T, data: Record<string, unknown>): T {
  const { connect, disconnect, onChange } = editor;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSentAt = Number.NEGATIVE_INFINITY;

  const send = (): void => {
    timer = undefined;
    lastSentAt = performance.now();
    if (YjsEditor.connected(editor)) CursorEditor.sendCursorPosition(editor);
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
