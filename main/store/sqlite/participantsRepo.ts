import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { ParticipantRecord } from '#main/store/records';
import { participantColumns, participantFromRow, type ParticipantRow } from '#main/store/rows';

export function createParticipantsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO participants (id, document_id, display_name, side, token_hash, invitation_id, joined_at, revoked_at)
       VALUES (@id, @documentId, @displayName, @side, @tokenHash, @invitationId, @joinedAt, @revokedAt)`,
    ),
    get: db.prepare<[string], ParticipantRow>(`SELECT ${participantColumns} FROM participants WHERE id = ?`),
    byTokenHash: db.prepare<[string], ParticipantRow>(`SELECT ${participantColumns} FROM participants WHERE token_hash = ?`),
    byDocument: db.prepare<[string], ParticipantRow>(`SELECT ${participantColumns} FROM participants WHERE document_id = ? ORDER BY joined_at, id`),
    revoke: db.prepare<[number, string]>('UPDATE participants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
  return {
    insert(record: ParticipantRecord, tokenHash: string): void {
      statements.insert.run({ ...record, tokenHash });
    },
    get(id: string): ParticipantRecord | undefined {
      const row = statements.get.get(id);
      return row && participantFromRow(row);
    },
    byTokenHash(tokenHash: string): ParticipantRecord | undefined {
      const row = statements.byTokenHash.get(tokenHash);
      return row && participantFromRow(row);
    },
    listByDocument(documentId: string): ParticipantRecord[] {
      return statements.byDocument.all(documentId).map(participantFromRow);
    },
    revoke(id: string, at: number): void {
      statements.revoke.run(at, id);
    },
  };
}
