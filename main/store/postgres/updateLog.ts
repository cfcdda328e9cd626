import type { UpdateLogStore } from '#main/store/port';
import type { LoggedUpdates } from '#main/store/records';
import type { Sql } from '#main/store/postgres/sql';

interface TailRow {
  seq: number;
  bytes: Uint8Array;
  participant_id: string | null;
}

/**
 * The update log on PostgreSQL. Sequence numbers are taken from the document's row
 * (documents.last_update_seq), whose lock an append holds until it commits: instances appending
 * to one document number their batches one after the other, with no gap and no repeat. A batch,
 * whatever its size, is one INSERT of arrays.
 */
export function createPostgresUpdateLog(sql: Sql): UpdateLogStore {
  async function tailAfter(on: Sql, documentId: string, seq: number, limit?: number): Promise<LoggedUpdates> {
    // LIMIT NULL: no limit.
    const rows = await on.rows<TailRow>('SELECT seq, bytes, participant_id FROM updates WHERE document_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
      documentId,
      seq,
      limit ?? null,
    ]);
    return {
      tail: rows.map((row) => row.bytes),
      tailAuthors: rows.map((row) => row.participant_id),
      lastSeq: rows.at(-1)?.seq ?? seq,
      tailBytes: rows.reduce((sum, row) => sum + row.bytes.length, 0),
    };
  }

  return {
    append: (documentId, updates, clients = []) =>
      sql.atomic(async (tx) => {
        const numbered = await tx.row<{ last_update_seq: number }>(
          'UPDATE documents SET last_update_seq = last_update_seq + $2 WHERE id = $1 RETURNING last_update_seq',
          [documentId, updates.length],
        );
        if (!numbered) throw new Error(`no document "${documentId}" to log an update of`);
        const lastSeq = numbered.last_update_seq;
        const firstSeq = lastSeq - updates.length + 1;
        await tx.run(
          `INSERT INTO updates (document_id, seq, bytes, participant_id, at)
           SELECT $1, seq, bytes, participant_id, at FROM unnest($2::bigint[], $3::bytea[], $4::text[], $5::bigint[]) AS u(seq, bytes, participant_id, at)`,
          [
            documentId,
            updates.map((_, index) => firstSeq + index),
            updates.map((update) => update.bytes),
            updates.map((update) => update.participantId),
            updates.map((update) => update.at),
          ],
        );
        if (clients.length > 0) {
          await tx.run(
            `INSERT INTO document_clients (document_id, client_id, participant_id, first_seen_at)
             SELECT $1, client_id, participant_id, at FROM unnest($2::bigint[], $3::text[], $4::bigint[]) AS c(client_id, participant_id, at)
             ON CONFLICT DO NOTHING`,
            [documentId, clients.map((client) => client.clientId), clients.map((client) => client.participantId), clients.map((client) => client.at)],
          );
        }
        return lastSeq;
      }),

    async load(documentId) {
      // One snapshot of both tables: a compaction committing in between would otherwise drop rows
      // after the checkpoint was read.
      return sql.atomic(async (tx) => {
        const checkpoint =
          (await tx.row<{ seq: number; state: Uint8Array }>('SELECT seq, state FROM checkpoints WHERE document_id = $1', [documentId])) ?? null;
        return { checkpoint, ...(await tailAfter(tx, documentId, checkpoint?.seq ?? 0)) };
      });
    },

    async checkpointSeq(documentId) {
      return (await sql.row<{ seq: number }>('SELECT seq FROM checkpoints WHERE document_id = $1', [documentId]))?.seq ?? 0;
    },

    updatesAfter: (documentId, seq, limit) => tailAfter(sql, documentId, seq, limit),

    async lastSeq(documentId) {
      return (await sql.row<{ last_update_seq: number }>('SELECT last_update_seq FROM documents WHERE id = $1', [documentId]))?.last_update_seq ?? 0;
    },

    compact: (documentId, throughSeq, state, at, deletions = []) =>
      sql.atomic(async (tx) => {
        // A checkpoint only moves forward: an instance behind another one's compaction has nothing to
        // fold. The document's row is locked first, so that two compactions take turns.
        await tx.run('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
        const current = await tx.row<{ seq: number }>('SELECT seq FROM checkpoints WHERE document_id = $1', [documentId]);
        if ((current?.seq ?? 0) > throughSeq) return;
        // Who deleted what is kept before the updates that say it are dropped (decision 0008).
        for (const record of deletions) {
          await tx.run('INSERT INTO deletion_authors (document_id, through_seq, participant_id, delete_set) VALUES ($1, $2, $3, $4)', [
            documentId,
            throughSeq,
            record.participantId,
            record.deleteSet,
          ]);
        }
        await tx.run(
          `INSERT INTO checkpoints (document_id, seq, state, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, at = excluded.at`,
          [documentId, throughSeq, state, at],
        );
        await tx.run('DELETE FROM updates WHERE document_id = $1 AND seq <= $2', [documentId, throughSeq]);
      }),

    async deletionAuthors(documentId) {
      const rows = await sql.rows<{ participant_id: string | null; delete_set: Uint8Array }>(
        'SELECT participant_id, delete_set FROM deletion_authors WHERE document_id = $1 ORDER BY through_seq, id',
        [documentId],
      );
      return rows.map((row) => ({ participantId: row.participant_id, deleteSet: row.delete_set }));
    },

    async clients(documentId) {
      const rows = await sql.rows<{ client_id: number; participant_id: string | null }>(
        'SELECT client_id, participant_id FROM document_clients WHERE document_id = $1',
        [documentId],
      );
      return new Map(rows.map((row) => [row.client_id, row.participant_id]));
    },
  };
}
