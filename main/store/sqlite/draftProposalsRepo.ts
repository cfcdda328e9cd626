import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { DraftProposal } from '#shared/negotiation/model';

interface DraftRow {
  id: string;
  clause_id: string;
  kind: DraftProposal['kind'];
  article: string | null;
  values: string;
  origin: DraftProposal['origin'];
  created_at: number;
}

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
  const fromRow = (row: DraftRow): DraftProposal => ({
    id: row.id,
    clauseId: row.clause_id,
    kind: row.kind,
    article: row.article === null ? null : (JSON.parse(row.article) as DraftProposal['article']),
    values: JSON.parse(row.values) as DraftProposal['values'],
    origin: row.origin,
    createdAt: new Date(row.created_at).toISOString(),
  });
  return {
    insert(documentId: string, participantId: string, draft: DraftProposal): void {
      statements.insert.run(draft.id, documentId, participantId, draft.clauseId, draft.kind, draft.article === null ? null : JSON.stringify(draft.article), JSON.stringify(draft.values), draft.origin, Date.parse(draft.createdAt));
    },
    /** A participant's drafts in a document, oldest first. */
    ofAuthor(documentId: string, participantId: string): DraftProposal[] {
      return statements.ofAuthor.all(documentId, participantId).map(fromRow);
    },
    /** One of a participant's drafts, if it is theirs. */
    get(documentId: string, participantId: string, draftId: string): DraftProposal | undefined {
      const row = statements.one.get(draftId, documentId, participantId);
      return row ? fromRow(row) : undefined;
    },
    remove(draftId: string): boolean {
      return statements.remove.run(draftId).changes > 0;
    },
  };
}
