import { useEffect, useState, useSyncExternalStore } from 'react';
import { Collaboration, type CollaborationStatus } from '../collab/collaboration';
import { serverUrl } from '../api/apiClients';
import type { Membership } from '../session/session';

const connectingStatus: CollaborationStatus = { connection: 'connecting', synced: false, pendingChanges: 0, contentReady: false, refusal: null };

/** Opens a document's collaboration for as long as the component lives. */
export function useCollaboration(membership: Membership): { collaboration: Collaboration | null; status: CollaborationStatus } {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  useEffect(() => {
    const opened = new Collaboration({ serverUrl: serverUrl(), documentId: membership.documentId, token: membership.token });
    setCollaboration(opened);
    return () => opened.destroy();
  }, [membership.documentId, membership.token]);
  const status = useSyncExternalStore(
    (listener) => collaboration?.subscribe(listener) ?? (() => {}),
    () => collaboration?.getStatus() ?? connectingStatus,
  );
  return { collaboration, status };
}
