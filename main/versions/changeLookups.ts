import * as Y from 'yjs';
import type { DeleteSet } from '#shared/versions/deleteSets';
import type { ChangeLookups } from '#shared/versions/itemChanges';
import type { DeletionAuthor } from '#main/sync/deletionJournal';

/** Who wrote with which Yjs client and who deleted what in one document: its room, or the document rebuilt from the store. */
export interface ChangeSources {
  ownerOfClient(clientId: number): string | null | undefined;
  deletionAuthors(): Map<DeletionAuthor, DeleteSet>;
}

/** Who inserted what (Yjs client ids) and who deleted what (the deletion records). */
export function changeLookups(sources: ChangeSources): ChangeLookups {
  let deletions: Map<DeletionAuthor, DeleteSet> | null = null;
  return {
    ownerOfClient: (clientId) => sources.ownerOfClient(clientId),
    deletersOf: (id) => {
      deletions ??= sources.deletionAuthors();
      const who: DeletionAuthor[] = [];
      for (const [author, deleteSet] of deletions) if (Y.isDeleted(deleteSet, id)) who.push(author);
      return who;
    },
  };
}
