import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { BargainingSide, Thread, ThreadComment } from '#shared/negotiation/model';
import type { InternalComment } from '#main/store/records';

interface ThreadRow {
  id: string;
  clause_id: string;
  side: BargainingSide;
  created_at: number;
  resolved_at: number | null;
  resolved_by_name: string | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  mentions: string;
  created_at: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** One side's private threads: never put in the shared document, only served to that side. */
export function createInternalThreadsRepo(db: SqliteDatabase) {
  const statements = {
    insertThread: db.prepare<[string, string, string, BargainingSide, number]>(
      'INSERT INTO internal_threads (id, document_id, clause_id, side, created_at) VALUES (?, ?, ?, ?, ?)',
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
    create(documentId: string, thread: { id: string; clauseId: string; side: BargainingSide }, comment: InternalComment): void {
      db.transaction(() => {
        statements.insertThread.run(thread.id, documentId, thread.clauseId, thread.side, comment.at);
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
      const comments = new Map<string, ThreadComment[]>();
      for (const row of statements.commentsOfSide.all(documentId, side)) {
        const list = comments.get(row.thread_id) ?? [];
        list.push({ id: row.id, authorId: row.author_id, authorName: row.author_name, side, body: row.body, mentions: JSON.parse(row.mentions) as string[], createdAt: iso(row.created_at) });
        comments.set(row.thread_id, list);
      }
      return statements.threadsOfSide.all(documentId, side).map((row) => ({
        id: row.id,
        clauseId: row.clause_id,
        visibility: row.side,
        comments: comments.get(row.id) ?? [],
        createdAt: iso(row.created_at),
        resolvedAt: row.resolved_at === null ? null : iso(row.resolved_at),
        resolvedByName: row.resolved_by_name,
      }));
    },
  };
}
