import type { LifecycleState } from '#shared/documents/lifecycleStates';
import { eventFactsSchema, type LifecycleEventRecord } from '#shared/lifecycle/model';
import type { Side } from '#shared/sides';
import type { SqliteDatabase } from '#main/store/sqlite/database';

interface EventRow {
  id: number;
  document_id: string;
  round: number;
  step: string;
  from_state: LifecycleState;
  to_state: LifecycleState;
  facts: string;
  actor_id: string | null;
  actor_side: Side | null;
  actor_name: string | null;
  at: number;
}

function toEvent(row: EventRow): LifecycleEventRecord {
  const facts = eventFactsSchema.safeParse(JSON.parse(row.facts));
  // A step is the lifecycle's history: one that cannot be read must stop the reading, not vanish.
  if (!facts.success) throw new Error(`lifecycle event ${row.id} of document ${row.document_id} holds unreadable facts`);
  return {
    id: row.id,
    documentId: row.document_id,
    round: row.round,
    from: row.from_state,
    to: row.to_state,
    facts: facts.data,
    actor: { participantId: row.actor_id, side: row.actor_side, name: row.actor_name },
    at: row.at,
  };
}

/** The steps of documents' lifecycles (migration 0005), appended, never changed. */
export function createLifecycleRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, number, string, string, string, string, string | null, string | null, string | null, number]>(
      `INSERT INTO lifecycle_events (document_id, round, step, from_state, to_state, facts, actor_id, actor_side, actor_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    byDocument: db.prepare<[string], EventRow>('SELECT * FROM lifecycle_events WHERE document_id = ? ORDER BY id'),
  };
  return {
    /** Appends a step; returns its id. */
    append(event: Omit<LifecycleEventRecord, 'id'>): number {
      const result = statements.insert.run(event.documentId, event.round, event.facts.type, event.from, event.to, JSON.stringify(event.facts), event.actor.participantId, event.actor.side, event.actor.name, event.at);
      return Number(result.lastInsertRowid);
    },
    /** A document's steps, oldest first. */
    listByDocument(documentId: string): LifecycleEventRecord[] {
      return statements.byDocument.all(documentId).map(toEvent);
    },
  };
}
