import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { AccessInvitationRecord, AuthorityRecord, AuthorityReviewerRecord, WorkspaceRecord } from '#main/store/records';
import {
  accessGrantColumns,
  accessInvitationColumns,
  accessInvitationFromRow,
  namedFromRow,
  reviewerColumns,
  reviewerFromRow,
  type AccessInvitationRow,
  type NamedRow,
  type ReviewerRow,
} from '#main/store/rows';

/** Workspaces (decision 0019). */
export function createWorkspacesRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, number]>('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)'),
    get: db.prepare<[string], NamedRow>('SELECT id, name, created_at FROM workspaces WHERE id = ?'),
    list: db.prepare<[], NamedRow>('SELECT id, name, created_at FROM workspaces ORDER BY created_at, id'),
  };
  return {
    insert(record: WorkspaceRecord): void {
      statements.insert.run(record.id, record.name, record.createdAt);
    },
    get(id: string): WorkspaceRecord | undefined {
      const row = statements.get.get(id);
      return row && namedFromRow(row);
    },
    list(): WorkspaceRecord[] {
      return statements.list.all().map(namedFromRow);
    },
  };
}

/** Authorities, their reviewers, and the seats reviewers hold on documents sent to them. */
export function createAuthoritiesRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, number]>('INSERT INTO authorities (id, name, created_at) VALUES (?, ?, ?)'),
    get: db.prepare<[string], NamedRow>('SELECT id, name, created_at FROM authorities WHERE id = ?'),
    list: db.prepare<[], NamedRow>('SELECT id, name, created_at FROM authorities ORDER BY created_at, id'),
    insertReviewer: db.prepare<[string, string, string, string, number, number | null]>(
      'INSERT INTO authority_reviewers (id, authority_id, display_name, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    reviewer: db.prepare<[string], ReviewerRow>(`SELECT ${reviewerColumns} FROM authority_reviewers WHERE id = ?`),
    reviewerByTokenHash: db.prepare<[string], ReviewerRow>(`SELECT ${reviewerColumns} FROM authority_reviewers WHERE token_hash = ?`),
    listReviewers: db.prepare<[string], ReviewerRow>(`SELECT ${reviewerColumns} FROM authority_reviewers WHERE authority_id = ? ORDER BY created_at, id`),
    revokeReviewer: db.prepare<[number, string]>('UPDATE authority_reviewers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    seat: db.prepare<[string, string], { participant_id: string }>('SELECT participant_id FROM reviewer_seats WHERE reviewer_id = ? AND document_id = ?'),
    insertSeat: db.prepare<[string, string, string]>('INSERT INTO reviewer_seats (reviewer_id, document_id, participant_id) VALUES (?, ?, ?)'),
  };
  return {
    insert(record: AuthorityRecord): void {
      statements.insert.run(record.id, record.name, record.createdAt);
    },
    get(id: string): AuthorityRecord | undefined {
      const row = statements.get.get(id);
      return row && namedFromRow(row);
    },
    list(): AuthorityRecord[] {
      return statements.list.all().map(namedFromRow);
    },
    insertReviewer(record: AuthorityReviewerRecord, tokenHash: string): void {
      statements.insertReviewer.run(record.id, record.authorityId, record.displayName, tokenHash, record.createdAt, record.revokedAt);
    },
    reviewer(id: string): AuthorityReviewerRecord | undefined {
      const row = statements.reviewer.get(id);
      return row && reviewerFromRow(row);
    },
    reviewerByTokenHash(tokenHash: string): AuthorityReviewerRecord | undefined {
      const row = statements.reviewerByTokenHash.get(tokenHash);
      return row && reviewerFromRow(row);
    },
    listReviewers(authorityId: string): AuthorityReviewerRecord[] {
      return statements.listReviewers.all(authorityId).map(reviewerFromRow);
    },
    revokeReviewer(id: string, at: number): void {
      statements.revokeReviewer.run(at, id);
    },
    seat(reviewerId: string, documentId: string): string | undefined {
      return statements.seat.get(reviewerId, documentId)?.participant_id;
    },
    insertSeat(reviewerId: string, documentId: string, participantId: string): void {
      statements.insertSeat.run(reviewerId, documentId, participantId);
    },
  };
}

/** One-time codes for hosts of a workspace and reviewers of an authority. */
export function createAccessInvitationsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string | null, string | null, string, number, number]>(
      'INSERT INTO access_invitations (id, workspace_id, authority_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    byCodeHash: db.prepare<[string], AccessInvitationRow>(`SELECT ${accessInvitationColumns} FROM access_invitations WHERE code_hash = ?`),
    markRedeemed: db.prepare<[number, string, string]>('UPDATE access_invitations SET redeemed_at = ?, redeemed_by = ? WHERE id = ? AND redeemed_at IS NULL'),
  };
  return {
    insert(record: AccessInvitationRecord, codeHash: string): void {
      statements.insert.run(record.id, ...accessGrantColumns(record.grants), codeHash, record.createdAt, record.expiresAt);
    },
    byCodeHash(codeHash: string): AccessInvitationRecord | undefined {
      const row = statements.byCodeHash.get(codeHash);
      return row && accessInvitationFromRow(row);
    },
    markRedeemed(id: string, redeemedBy: string, at: number): boolean {
      return statements.markRedeemed.run(at, redeemedBy, id).changes === 1;
    },
  };
}
