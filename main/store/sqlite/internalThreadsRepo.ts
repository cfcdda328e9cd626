import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { BargainingSide, Thread } from '#shared/negotiation/model';
import type { PhraseAnchor } from '#shared/negotiation/phraseAnchor';
import type { InternalComment } from '#main/store/records';
import { threadsFromRows, type CommentRow, type ThreadRow } from '#main/store/rows';

/** One side's private threads: never put in the shared document, only served to that side. */
export function createInternalThreadsRepo(db: SqliteDatabase) {
  const statements = {
    insertThread: db.prepare<[string, string, string, BargainingSide, string | null, number]>(
      'INSERT INTO internal_threads (id, document_id, clause_id, side, anchor, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertComment: db.prepare<[string, string, string, string, string, string, number]>(
      'INSERT INTO internal_comments (id, thread_id, author_id, author_name, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    thread: db.prepare<[string, string], ThreadRow & { document_id: string }>('SELECT * FROM internal_threads WHERE id = ? AND document_id = ?'),
    threadsOfSide: db.prepare<[string, BargainingSide], ThreadRow>('SELECT * FROM internal_threads WHERE document_id = ? AND side = ? ORDER BY created_at, id'),
    commentsOfSide: db.prepare<[string, BargainingSide], CommentRow>(
      `SELECT c.* FROM internal_comments c JOIN internal_threads t ON t.id = c.thread_id
       WHERE t.document_id = ? AND t.side = ? ORDER BY c.created_at, c.id`,
    ),
    resolve: db.prepare<[number | null, string | null, string]>('UPDATE internal_threads SET resolved_at = ?, resolved_by_name = ? WHERE id = ?'),
  };

  return {
    create(documentId: string, thread: { id: string; clauseId: string; side: BargainingSide; anchor?: PhraseAnchor }, comment: InternalComment): void {
      db.transaction(() => {
        statements.insertThread.run(thread.id, documentId, thread.clauseId, thread.side, thread.anchor ? JSON.stringify(thread.anchor) : null, comment.at);
        statements.insertComment.run(comment.id, thread.id, comment.authorId, comment.authorName, comment.body, JSON.stringify(comment.mentions), comment.at);
      })();
    },
    reply(threadId: string, comment: InternalComment): void {
      statements.insertComment.run(comment.id, threadId, comment.authorId, comment.authorName, comment.body, JSON.stringify(comment.mentions), comment.at);
    },
    /** The side a thread belongs to, if it is an internal thread of this document. */
    sideOf(documentId: string, threadId: string): BargainingSide | undefined {
      return statements.thread.get(threadId, documentId)?.side;
    },
    setResolved(threadId: string, resolution: { at: number; byName: string } | null): void {
      statements.resolve.run(resolution?.at ?? null, resolution?.byName ?? null, threadId);
    },
    /** A side's internal threads of a document, with their comments, oldest first. */
    listForSide(documentId: string, side: BargainingSide): Thread[] {
      return threadsFromRows(side, statements.threadsOfSide.all(documentId, side), statements.commentsOfSide.all(documentId, side));
    },
  };
}
