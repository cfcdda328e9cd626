import type { Dialogue, Submission } from '#shared/dialogue/model';
import type { DialogueRecord, SubmissionFilter } from '#main/store/records';
import { dialogueFromRow, submissionFromRow, submissionJson, type DialogueRow, type SubmissionRow } from '#main/store/rows';
import type { SqliteDatabase } from '#main/store/sqlite/database';

/** The conditions of a submission filter, with their values in order (the number after which a page starts excepted). */
function filterConditions(dialogueId: string, filter: SubmissionFilter): { where: string; values: (string | number)[] } {
  const conditions = ['dialogue_id = ?'];
  const values: (string | number)[] = [dialogueId];
  if (filter.topic !== undefined) {
    conditions.push('topic = ?');
    values.push(filter.topic);
  }
  if (filter.untagged) conditions.push('topic IS NULL');
  if (filter.status !== undefined) {
    conditions.push('status = ?');
    values.push(filter.status);
  } else if (!filter.includeMerged) {
    conditions.push("status <> 'merged'");
  }
  return { where: conditions.join(' AND '), values };
}

/** Workplace dialogues and their submissions (decision 0022). */
export function createDialoguesRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<[string, string, string, string, string, string, number, number]>(
      'INSERT INTO dialogues (id, workspace_id, code, kind, state, record, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[string], DialogueRow>('SELECT * FROM dialogues WHERE id = ?'),
    byCode: db.prepare<[string], DialogueRow>('SELECT * FROM dialogues WHERE code = ?'),
    inWorkspace: db.prepare<[string], DialogueRow>('SELECT * FROM dialogues WHERE workspace_id = ? ORDER BY updated_at DESC, id'),
    update: db.prepare<[string, string, number, string]>('UPDATE dialogues SET state = ?, record = ?, updated_at = ? WHERE id = ?'),
    insertSubmission: db.prepare<
      [{ id: string; dialogueId: string; topic: string | null; status: string; clientKey: string | null; record: string; createdAt: number }],
      { number: number }
    >(
      `INSERT INTO dialogue_submissions (id, dialogue_id, number, topic, status, client_key, record, created_at)
       SELECT @id, @dialogueId, coalesce(max(number), 0) + 1, @topic, @status, @clientKey, @record, @createdAt
       FROM dialogue_submissions WHERE dialogue_id = @dialogueId
       RETURNING number`,
    ),
    publicSince: db.prepare<
      [{ dialogueId: string; clientKey: string; since: number }],
      { client: number; all: number; clientOldest: number | null; allOldest: number | null }
    >(
      `SELECT count(*) FILTER (WHERE client_key = @clientKey) AS client, count(*) AS "all",
              min(created_at) FILTER (WHERE client_key = @clientKey) AS "clientOldest", min(created_at) AS "allOldest"
       FROM dialogue_submissions WHERE dialogue_id = @dialogueId AND client_key IS NOT NULL AND created_at > @since`,
    ),
    getSubmission: db.prepare<[string, string], SubmissionRow>('SELECT * FROM dialogue_submissions WHERE id = ? AND dialogue_id = ?'),
    updateSubmission: db.prepare<[string | null, string, string, string]>('UPDATE dialogue_submissions SET topic = ?, status = ?, record = ? WHERE id = ?'),
    topics: db.prepare<[string], { topic: string; count: number }>(
      `SELECT topic, count(*) AS count FROM dialogue_submissions
       WHERE dialogue_id = ? AND topic IS NOT NULL AND status <> 'merged' GROUP BY topic ORDER BY topic`,
    ),
  };
  return {
    insert(record: DialogueRecord): void {
      const { dialogue } = record;
      statements.insert.run(
        dialogue.id,
        dialogue.workspaceId,
        record.code,
        dialogue.kind,
        dialogue.state,
        JSON.stringify(dialogue),
        Date.parse(dialogue.createdAt),
        Date.parse(dialogue.updatedAt),
      );
    },
    get(id: string): DialogueRecord | undefined {
      const row = statements.get.get(id);
      return row && dialogueFromRow(row);
    },
    byCode(code: string): DialogueRecord | undefined {
      const row = statements.byCode.get(code);
      return row && dialogueFromRow(row);
    },
    listInWorkspace(workspaceId: string): Dialogue[] {
      return statements.inWorkspace.all(workspaceId).map((row) => dialogueFromRow(row).dialogue);
    },
    update(dialogue: Dialogue): void {
      statements.update.run(dialogue.state, JSON.stringify(dialogue), Date.parse(dialogue.updatedAt), dialogue.id);
    },
    addSubmission(submission: Omit<Submission, 'number'>, clientKey: string | null): Submission {
      const row = statements.insertSubmission.get({
        id: submission.id,
        dialogueId: submission.dialogueId,
        topic: submission.topic,
        status: submission.status,
        clientKey,
        record: submissionJson(submission),
        createdAt: Date.parse(submission.createdAt),
      });
      if (!row) throw new Error(`the submission ${submission.id} was not inserted`);
      return { ...submission, number: row.number };
    },
    publicSubmissionsSince(dialogueId: string, clientKey: string, since: number) {
      const row = statements.publicSince.get({ dialogueId, clientKey, since });
      return row ?? { client: 0, all: 0, clientOldest: null, allOldest: null };
    },
    getSubmission(dialogueId: string, id: string): Submission | undefined {
      const row = statements.getSubmission.get(id, dialogueId);
      return row && submissionFromRow(row);
    },
    updateSubmission(submission: Submission): void {
      statements.updateSubmission.run(submission.topic, submission.status, submissionJson(submission), submission.id);
    },
    listSubmissions(dialogueId: string, filter: SubmissionFilter): { items: Submission[]; total: number } {
      const { where, values } = filterConditions(dialogueId, filter);
      const total =
        db
          .prepare<(string | number)[], number>(`SELECT count(*) FROM dialogue_submissions WHERE ${where}`)
          .pluck()
          .get(...values) ?? 0;
      const rows = db
        .prepare<(string | number)[], SubmissionRow>(`SELECT * FROM dialogue_submissions WHERE ${where} AND number > ? ORDER BY number LIMIT ?`)
        .all(...values, filter.after, filter.limit);
      return { items: rows.map(submissionFromRow), total };
    },
    topics(dialogueId: string): { topic: string; count: number }[] {
      return statements.topics.all(dialogueId);
    },
  };
}
