import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Collaboration, type CollaborationStatus } from '../collab/collaboration';
import { serverUrl } from '../api/apiClients';
import { parseRoute } from '../app/hashRoute';
import type { Membership } from '../session/session';

const connectingStatus: CollaborationStatus = { connection: 'connecting', synced: false, pendingChanges: 0, contentReady: false, refusal: null };

interface Seat {
  documentId: string;
  token: string;
}

let preopened: { seat: Seat; collaboration: Collaboration; onRoute: () => void } | null = null;

function openCollaboration(seat: Seat): Collaboration {
  return new Collaboration({ serverUrl: serverUrl(), documentId: seat.documentId, token: seat.token });
}

/**
 * Starts connecting to a document before its page has rendered (the page was opened on the
 * document's address, or a new document is about to be shown): the server's copy then travels
 * while the page's code starts up. useCollaboration takes it over.
 */
export function preopenCollaboration(seat: Seat): void {
  takePreopened(null);
  // Left for another page before the document's page took it: close it.
  const onRoute = () => {
    const route = parseRoute(window.location.hash);
    if (route.page !== 'document' || route.documentId !== seat.documentId) takePreopened(null);
  };
  window.addEventListener('hashchange', onRoute);
  preopened = { seat, collaboration: openCollaboration(seat), onRoute };
}

/** The preopened collaboration if it is that seat's; any other is closed. */
function takePreopened(seat: Seat | null): Collaboration | null {
  const taken = preopened;
  preopened = null;
  if (!taken) return null;
  window.removeEventListener('hashchange', taken.onRoute);
  if (seat && taken.seat.documentId === seat.documentId && taken.seat.token === seat.token) return taken.collaboration;
  taken.collaboration.destroy();
  return null;
}

/**
 * Opens a document's collaboration for as long as the component lives. When the server refuses a
 * change, this device's copy is discarded and the document reopened from the server's copy
 * (`onRefused` hears why).
 */
export function useCollaboration(membership: Membership, onRefused: (reason: string) => void): Collaboration | null {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [generation, setGeneration] = useState(0);
  const { documentId, token } = membership;
  useEffect(() => {
    let reopening = false;
    const seat = { documentId, token };
    const opened = takePreopened(seat) ?? openCollaboration(seat);
    const offRefused = opened.onWriteRefused((reason) => {
      onRefused(reason);
      if (reopening) return;
      reopening = true;
      void opened.discardLocalCopy().then(() => setGeneration((value) => value + 1));
    });
    setCollaboration(opened);
    return () => {
      offRefused();
      opened.destroy();
    };
  }, [documentId, token, generation, onRefused]);
  return collaboration;
}

/**
 * One aspect of the collaboration's status. The status changes twice per keystroke (a change is
 * pending, then stored); a component re-renders only when what it selects changes, so select a
 * primitive. Every React commit while the editor has the focus costs time proportional to the
 * whole document (React saves the selection of the focused contenteditable), so the page must
 * not re-render for status changes it does not show.
 */
export function useCollaborationStatus<T extends string | number | boolean | null>(
  collaboration: Collaboration | null,
  select: (status: CollaborationStatus) => T,
): T {
  const subscribe = useCallback((listener: () => void) => collaboration?.subscribe(listener) ?? (() => {}), [collaboration]);
  return useSyncExternalStore(subscribe, () => select(collaboration?.getStatus() ?? connectingStatus));
}
