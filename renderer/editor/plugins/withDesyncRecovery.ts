import type { YjsEditor } from '@slate-yjs/core';

export type DesyncReporter = (error: unknown, phase: 'remote' | 'local') => void;

/**
 * If Slate and Yjs ever disagree (applying a change throws), the editor must not crash: it is
 * rebuilt from the Yjs state, which is the truth shared with everyone, and the problem is logged.
 * Local changes not yet flushed to Yjs at that moment are lost; everything in Yjs is kept.
 */
export function withDesyncRecovery<T extends YjsEditor>(editor: T, report: DesyncReporter): T {
  const { applyRemoteEvents, flushLocalChanges } = editor;
  let recovering = false;

  const resync = (error: unknown, phase: 'remote' | 'local'): void => {
    report(error, phase);
    if (recovering) return;
    recovering = true;
    // Outside the Yjs observer or Slate's onChange that failed.
    queueMicrotask(() => {
      try {
        editor.disconnect();
        editor.connect();
      } finally {
        recovering = false;
      }
    });
  };

  editor.applyRemoteEvents = (events, origin) => {
    try {
      applyRemoteEvents(events, origin);
    } catch (error) {
      resync(error, 'remote');
    }
  };
  editor.flushLocalChanges = () => {
    try {
      flushLocalChanges();
    } catch (error) {
      resync(error, 'local');
    }
  };
  return editor;
}
