import { variablesMap } from '#shared/document/yjsContent';
import type { DocumentKind } from '#shared/documents/kinds';
import { factChanges, noFactChanges, recordedFactValues } from '#shared/lifecycle/proceduralFacts';
import type { LifecycleRecord } from '#shared/lifecycle/record';
import type { VariableValue } from '#shared/templates/schema';
import type { DocumentRoom } from '#main/sync/documentRoom';

/**
 * Keeps a document's procedural facts (the vote, the signing: shared/lifecycle/proceduralFacts.ts)
 * equal to its lifecycle record (decision 0013): writes the facts a record holds into the live
 * document as a server change (or clears those a new round no longer has). Whether anything changed.
 */
export async function writeRecordedFacts(room: DocumentRoom, kind: DocumentKind, record: LifecycleRecord): Promise<boolean> {
  const changes = factChanges(variablesMap(room.doc).toJSON() as Record<string, VariableValue>, recordedFactValues(kind, record.current));
  if (noFactChanges(changes)) return false;
  return room.change(null, (doc) => {
    const values = variablesMap(doc);
    for (const [id, value] of Object.entries(changes.set)) values.set(id, value);
    for (const id of changes.remove) values.delete(id);
  });
}
