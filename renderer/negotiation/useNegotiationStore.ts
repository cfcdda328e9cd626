import { useEffect, useState } from 'react';
import type { ApiClient } from '#shared/api/client';
import type { Collaboration } from '../collab/collaboration';
import { NegotiationStore } from './negotiationStore';

/** The live negotiation of the open document, once its content is there. */
export function useNegotiationStore(
  collaboration: Collaboration | null,
  contentReady: boolean,
  client: ApiClient,
  documentId: string,
): NegotiationStore | null {
  const [store, setStore] = useState<NegotiationStore | null>(null);
  useEffect(() => {
    if (!collaboration || !contentReady) return;
    const created = new NegotiationStore(collaboration.doc, client, documentId);
    // Internal notes, drafts and costing scenarios are not in the shared document: the server says when to fetch them again.
    const unsubscribe = collaboration.onNotice((topic) => {
      if (topic === 'threads' || topic === 'drafts') void created.refreshFromServer();
      if (topic === 'costing') void created.refreshCosting();
    });
    setStore(created);
    return () => {
      unsubscribe();
      created.destroy();
      setStore(null);
    };
  }, [collaboration, contentReady, client, documentId]);
  return store;
}
