import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { InvitationRecord } from '#main/store/records';
import { invitationFromRow, type InvitationRow } from '#main/store/rows';

export function createInvitationsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO invitations (id, document_id, side, code_hash, created_by, created_at, expires_at, redeemed_at, redeemed_by)
       VALUES (@id, @documentId, @side, @codeHash, @createdBy, @createdAt, @expiresAt, @redeemedAt, @redeemedBy)`,
    ),
    byCodeHash: db.prepare<[string], InvitationRow>(
      `SELECT id, document_id, side, created_by, created_at, expires_at, redeemed_at, redeemed_by
       FROM invitations WHERE code_hash = ?`,
    ),
    markRedeemed: db.prepare<[number, string, string]>('UPDATE invitations SET redeemed_at = ?, redeemed_by = ? WHERE id = ? AND redeemed_at IS NULL'),
  };
  return {
    insert(record: InvitationRecord, codeHash: string): void {
      statements.insert.run({ ...record, codeHash });
    },
    byCodeHash(codeHash: string): InvitationRecord | undefined {
      const row = statements.byCodeHash.get(codeHash);
      return row && invitationFromRow(row);
    },
    /** Marks the invitation used; false when it had already been used (one-time codes). */
    markRedeemed(id: string, participantId: string, at: number): boolean {
      return statements.markRedeemed.run(at, participantId, id).changes === 1;
    },
  };
}
