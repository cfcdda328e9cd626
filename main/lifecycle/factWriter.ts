import { variablesMap } from '#shared/document/yjsContent';
import type { DocumentKind } from '#shared/documents/kinds';
import { factChanges, noFactChanges, recordedFactValues } from '#shared/lifecycle/proceduralFacts';
import type { LifecycleRecord } from '#shared/lifecycle/record';
import type { VariableValue } from '#shared/templates/schema';
import type { DocumentRooms } from '#main/services/documentRooms';
import type { Store } from '#main/store/store';

/**
 * Keeps a document's procedural facts (the vote, the signing: shared/lifecycle/proceduralFacts.ts)
 * equal to its lifecycle record: a step is stored in one SQLite transaction with the server change
 * that writes the facts it records (or clears those a new round no longer has), so that the text,
 * and the signed version made in that transaction, never state a fact the record does not hold.
 */
export function createFactWriter(store: Store, rooms: DocumentRooms) {
  /** Writes the record's facts into the live document; whether anything changed. */
  function write(documentId: string, kind: DocumentKind, record: LifecycleRecord): boolean {
    return rooms.withRoom(documentId, (room) => {
      const changes = factChanges(variablesMap(room.doc).toJSON() as Record<string, VariableValue>, recordedFactValues(kind, record.current));
      if (noFactChanges(changes)) return false;
      return room.change(null, (doc) => {
        const values = variablesMap(doc);
        for (const [id, value] of Object.entries(changes.set)) values.set(id, value);
        for (const id of changes.remove) values.delete(id);
      });
    });
  }

  return {
    /**
     * Runs a step's writes in one transaction, the facts of the record after the step written
     * first (a signed version made in `steps` holds them). The change reaches the room's clients
     * as it is written, before the commit: should a later write fail, the room is dropped, its
     * clients reconnect to what is stored, and what they resend of the facts is refused.
     */
    transaction<T>(documentId: string, kind: DocumentKind, after: LifecycleRecord, steps: () => T): T {
      let written = false;
      try {
        return store.transaction(() => {
          written = write(documentId, kind, after);
          return steps();
        });
      } catch (error) {
        if (written) rooms.withRoom(documentId, (room) => room.fail('storage', error));
        throw error;
      }
    },
  };
}
