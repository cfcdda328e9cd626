import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '#shared/api/client';
import type { DocumentArticle } from '#shared/api/documentArticles';

/** A document a submission may be linked to: an agreement or regulations of the workspace the caller sees. */
export interface LinkableDocument {
  id: string;
  title: string;
}

/** The articles of the documents asked for, each read once (documents/articles); a document that cannot be read has none. */
export function useArticles(client: ApiClient) {
  const [articles, setArticles] = useState<ReadonlyMap<string, DocumentArticle[]>>(new Map());
  const requested = useRef(new Set<string>());

  const want = useCallback(
    (documentId: string) => {
      if (requested.current.has(documentId)) return;
      requested.current.add(documentId);
      const keep = (list: DocumentArticle[]) => setArticles((current) => new Map([...current, [documentId, list]]));
      client.call('documents/articles', { documentId }).then(keep, () => keep([]));
    },
    [client],
  );

  return { articles, want };
}
