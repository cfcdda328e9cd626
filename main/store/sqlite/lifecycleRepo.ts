import type { LifecycleEventRecord } from '#shared/lifecycle/model';
import { lifecycleEventFromRow, type LifecycleEventRow } from '#main/store/rows';
import type { SqliteDatabase } from '#main/store/sqlite/database';

/** The steps of documents' lifecycles (migration 0005), appended, never changed. */
export function createLifecycleRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, number, string, string, string, string, string | null, string | null, string | null, number]>(
      `INSERT INTO lifecycle_events (document_id, round, step, from_state, to_state, facts, actor_id, actor_side, actor_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    byDocument: db.prepare<[string], LifecycleEventRow>('SELECT * FROM lifecycle_events WHERE document_id = ? ORDER BY id'),
  };
  return {
    /** Appends a step; returns its id. */
    append(event: Omit<LifecycleEventRecord, 'id'>): number {
      const result = statements.insert.run(
        event.documentId,
        event.round,
        event.facts.type,
        event.from,
        event.to,
        JSON.stringify(event.facts),
        event.actor.participantId,
        event.actor.side,
        event.actor.name,
        event.at,
      );
      return Number(result.lastInsertRowid);
    },
    /** A document's steps, oldest first. */
    listByDocument(documentId: string): LifecycleEventRecord[] {
      return statements.byDocument.all(documentId).map(lifecycleEventFromRow);
    },
  };
}
