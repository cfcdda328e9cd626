import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Collaboration, type CollaborationStatus } from '../collab/collaboration';
import { serverUrl } from '../api/apiClients';
import type { Membership } from '../session/session';

const connectingStatus: CollaborationStatus = { connection: 'connecting', synced: false, pendingChanges: 0, contentReady: false, refusal: null };

/**
 * Opens a document's collaboration for as long as the component lives. When the server refuses a
 * change, this device's copy is discarded and the document reopened from the server's copy
 * (`onRefused` hears why).
 */
export function useCollaboration(membership: Membership, onRefused: (reason: string) => void): Collaboration | null {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let reopening = false;
    const opened: Collaboration = new Collaboration({
      serverUrl: serverUrl(),
      documentId: membership.documentId,
      token: membership.token,
      onWriteRefused: (reason) => {
        onRefused(reason);
        if (reopening) return;
        reopening = true;
        void opened.discardLocalCopy().then(() => setGeneration((value) => value + 1));
      },
    });
    setCollaboration(opened);
    return () => opened.destroy();
  }, [membership.documentId, membership.token, generation, onRefused]);
  return collaboration;
}

/**
 * One aspect of the collaboration's status. The status changes twice per keystroke (a change is
 * pending, then stored); a component re-renders only when what it selects changes, so select a
 * primitive. Every React commit while the editor has the focus costs time proportional to the
 * whole document (React saves the selection of the focused contenteditable), so the page must
 * not re-render for status changes it does not show.
 */
export function useCollaborationStatus<T extends string | number | boolean | null>(collaboration: Collaboration | null, select: (status: CollaborationStatus) => T): T {
  const subscribe = useCallback((listener: () => void) => collaboration?.subscribe(listener) ?? (() => {}), [collaboration]);
  return useSyncExternalStore(subscribe, () => select(collaboration?.getStatus() ?? connectingStatus));
}
