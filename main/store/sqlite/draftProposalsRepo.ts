import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { DraftProposal } from '#shared/negotiation/model';
import { draftFromRow, type DraftRow } from '#main/store/rows';

/** Draft positions, each served to its author alone. */
export function createDraftProposalsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, string, string, string, string | null, string, string, number]>(
      'INSERT INTO draft_proposals (id, document_id, participant_id, clause_id, kind, article, "values", origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    ofAuthor: db.prepare<[string, string], DraftRow>('SELECT * FROM draft_proposals WHERE document_id = ? AND participant_id = ? ORDER BY created_at, id'),
    one: db.prepare<[string, string, string], DraftRow>('SELECT * FROM draft_proposals WHERE id = ? AND document_id = ? AND participant_id = ?'),
    remove: db.prepare<[string]>('DELETE FROM draft_proposals WHERE id = ?'),
  };
  return {
    insert(documentId: string, participantId: string, draft: DraftProposal): void {
      statements.insert.run(
        draft.id,
        documentId,
        participantId,
        draft.clauseId,
        draft.kind,
        draft.article === null ? null : JSON.stringify(draft.article),
        JSON.stringify(draft.values),
        draft.origin,
        Date.parse(draft.createdAt),
      );
    },
    /** A participant's drafts in a document, oldest first. */
    ofAuthor(documentId: string, participantId: string): DraftProposal[] {
      return statements.ofAuthor.all(documentId, participantId).map(draftFromRow);
    },
    /** One of a participant's drafts, if it is theirs. */
    get(documentId: string, participantId: string, draftId: string): DraftProposal | undefined {
      const row = statements.one.get(draftId, documentId, participantId);
      return row ? draftFromRow(row) : undefined;
    },
    remove(draftId: string): boolean {
      return statements.remove.run(draftId).changes > 0;
    },
  };
}
