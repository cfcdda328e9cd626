import type { SqliteDatabase } from '#main/store/sqlite/database';

/** The comments mentioning a participant that they have opened (the others are their unread mentions). */
export function createMentionReadsRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, string, number]>(
      'INSERT INTO mention_reads (participant_id, comment_id, document_id, read_at) VALUES (?, ?, ?, ?) ON CONFLICT (participant_id, comment_id) DO NOTHING',
    ),
    readBy: db.prepare<[string, string], { comment_id: string }>('SELECT comment_id FROM mention_reads WHERE document_id = ? AND participant_id = ?'),
  };
  return {
    /** Records these comments as read by the participant (again: no change). */
    markRead(documentId: string, participantId: string, commentIds: readonly string[], at: number): void {
      db.transaction(() => {
        for (const commentId of commentIds) statements.insert.run(participantId, commentId, documentId, at);
      })();
    },
    /** The comments of a document the participant has read, by id, in no particular order. */
    readBy(documentId: string, participantId: string): string[] {
      return statements.readBy.all(documentId, participantId).map((row) => row.comment_id);
    },
  };
}
