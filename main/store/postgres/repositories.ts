import { builtInWorkspaceId } from '#shared/api/caller';
import type { BargainingSide } from '#shared/negotiation/model';
import { variableDefinitionSchema } from '#shared/templates/schema';
import type { AttemptAdmission, AttemptLimit, SubmissionFilter } from '#main/store/records';
import type { StoreRepositories } from '#main/store/port';
import {
  accessGrantColumns,
  accessInvitationColumns,
  accessInvitationFromRow,
  adminTokenColumns,
  adminTokenFromRow,
  auditFromRow,
  dialogueFromRow,
  documentFromRow,
  draftFromRow,
  findingFromRow,
  invitationFromRow,
  lifecycleEventFromRow,
  namedFromRow,
  participantColumns,
  participantFromRow,
  reviewerColumns,
  reviewerFromRow,
  submissionFromRow,
  submissionJson,
  threadsFromRows,
  userTemplateColumns,
  costingScenarioColumns,
  costingScenarioFromRow,
  costingScenarioValues,
  userTemplateFromRow,
  userTemplateJson,
  userVariableFromRow,
  versionFromRow,
  versionHeaderColumns,
  versionHeaderFromRow,
  type AccessInvitationRow,
  type AdminTokenRow,
  type AuditRow,
  type DialogueRow,
  type CommentRow,
  type CostingScenarioRow,
  type DocumentRow,
  type DraftRow,
  type FindingRow,
  type InvitationRow,
  type LifecycleEventRow,
  type NamedRow,
  type ParticipantRow,
  type ReviewerRow,
  type SubmissionRow,
  type ThreadRow,
  type UserTemplateRow,
  type UserVariableRow,
  type VersionHeaderRow,
  type VersionRow,
} from '#main/store/rows';
import type { Sql } from '#main/store/postgres/sql';
import { createPostgresUpdateLog } from '#main/store/postgres/updateLog';

/**
 * Every repository of the port over PostgreSQL statements (decision 0017): the same records as
 * the SQLite adapter gives, read by the same row readers (main/store/rows.ts). Text is ordered
 * byte by byte (COLLATE "C"), as SQLite orders it, whatever the database's locale.
 */
export function createPostgresRepositories(sql: Sql): StoreRepositories {
  return {
    documents: {
      async insert(record) {
        await sql.run(
          'INSERT INTO documents (id, kind, title, lifecycle_state, created_at, updated_at, archived_at, workspace_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [
            record.id,
            record.kind,
            record.title,
            record.lifecycleState,
            record.createdAt,
            record.updatedAt,
            record.archivedAt,
            record.workspaceId ?? builtInWorkspaceId,
          ],
        );
      },
      async get(id) {
        const row = await sql.row<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
        return row && documentFromRow(row);
      },
      async list(includeArchived) {
        const rows = await sql.rows<DocumentRow>(`SELECT * FROM documents WHERE $1 OR archived_at IS NULL ORDER BY updated_at DESC, id COLLATE "C"`, [
          includeArchived,
        ]);
        return rows.map(documentFromRow);
      },
      async listInWorkspace(workspaceId, includeArchived) {
        const rows = await sql.rows<DocumentRow>(
          `SELECT * FROM documents WHERE workspace_id = $1 AND ($2 OR archived_at IS NULL) ORDER BY updated_at DESC, id COLLATE "C"`,
          [workspaceId, includeArchived],
        );
        return rows.map(documentFromRow);
      },
      async listSentTo(authorityId) {
        const rows = await sql.rows<DocumentRow>(
          `SELECT * FROM documents WHERE authority_id = $1 AND archived_at IS NULL ORDER BY updated_at DESC, id COLLATE "C"`,
          [authorityId],
        );
        return rows.map(documentFromRow);
      },
      async setAuthority(id, authorityId) {
        await sql.run('UPDATE documents SET authority_id = $1 WHERE id = $2', [authorityId, id]);
      },
      async rename(id, title, at) {
        await sql.run('UPDATE documents SET title = $1, updated_at = $2 WHERE id = $3', [title, at, id]);
      },
      async reviewerComments(id) {
        return (await sql.row<{ reviewer_comments: boolean }>('SELECT reviewer_comments FROM documents WHERE id = $1', [id]))?.reviewer_comments === true;
      },
      async setReviewerComments(id, allowed, at) {
        await sql.run('UPDATE documents SET reviewer_comments = $1, updated_at = $2 WHERE id = $3', [allowed, at, id]);
      },
      async setLifecycleState(id, state, at) {
        await sql.run('UPDATE documents SET lifecycle_state = $1, updated_at = $2 WHERE id = $3', [state, at, id]);
      },
      async archive(id, at) {
        await sql.run('UPDATE documents SET archived_at = $1, updated_at = $1 WHERE id = $2 AND archived_at IS NULL', [at, id]);
      },
    },

    updates: createPostgresUpdateLog(sql),

    participants: {
      async insert(record, tokenHash) {
        await sql.run(
          'INSERT INTO participants (id, document_id, display_name, side, token_hash, invitation_id, joined_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [record.id, record.documentId, record.displayName, record.side, tokenHash, record.invitationId, record.joinedAt, record.revokedAt],
        );
      },
      async get(id) {
        const row = await sql.row<ParticipantRow>(`SELECT ${participantColumns} FROM participants WHERE id = $1`, [id]);
        return row && participantFromRow(row);
      },
      async byTokenHash(tokenHash) {
        const row = await sql.row<ParticipantRow>(`SELECT ${participantColumns} FROM participants WHERE token_hash = $1`, [tokenHash]);
        return row && participantFromRow(row);
      },
      async listByDocument(documentId) {
        return (
          await sql.rows<ParticipantRow>(`SELECT ${participantColumns} FROM participants WHERE document_id = $1 ORDER BY joined_at, id COLLATE "C"`, [
            documentId,
          ])
        ).map(participantFromRow);
      },
      async revoke(id, at) {
        await sql.run('UPDATE participants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
      },
    },

    invitations: {
      async insert(record, codeHash) {
        await sql.run(
          'INSERT INTO invitations (id, document_id, side, code_hash, created_by, created_at, expires_at, redeemed_at, redeemed_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [record.id, record.documentId, record.side, codeHash, record.createdBy, record.createdAt, record.expiresAt, record.redeemedAt, record.redeemedBy],
        );
      },
      async byCodeHash(codeHash) {
        const row = await sql.row<InvitationRow>(
          'SELECT id, document_id, side, created_by, created_at, expires_at, redeemed_at, redeemed_by FROM invitations WHERE code_hash = $1',
          [codeHash],
        );
        return row && invitationFromRow(row);
      },
      async markRedeemed(id, participantId, at) {
        return (
          (await sql.run('UPDATE invitations SET redeemed_at = $1, redeemed_by = $2 WHERE id = $3 AND redeemed_at IS NULL', [at, participantId, id])) === 1
        );
      },
    },

    adminTokens: {
      async insert(record, tokenHash) {
        await sql.run('INSERT INTO admin_tokens (id, label, workspace_id, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          record.id,
          record.label,
          record.workspaceId,
          tokenHash,
          record.createdAt,
          record.revokedAt,
        ]);
      },
      async byTokenHash(tokenHash) {
        const row = await sql.row<AdminTokenRow>(`SELECT ${adminTokenColumns} FROM admin_tokens WHERE token_hash = $1`, [tokenHash]);
        return row && adminTokenFromRow(row);
      },
    },

    audit: {
      async record(entry) {
        await sql.run('INSERT INTO audit_log (at, actor, action, document_id, details) VALUES ($1, $2, $3, $4, $5)', [
          entry.at,
          entry.actor,
          entry.action,
          entry.documentId,
          JSON.stringify(entry.details),
        ]);
      },
      async listByDocument(documentId) {
        return (await sql.rows<AuditRow>('SELECT at, actor, action, document_id, details FROM audit_log WHERE document_id = $1 ORDER BY id', [documentId])).map(
          auditFromRow,
        );
      },
      async listByActionPrefix(prefix) {
        return (
          await sql.rows<AuditRow>('SELECT at, actor, action, document_id, details FROM audit_log WHERE starts_with(action, $1) ORDER BY id', [prefix])
        ).map(auditFromRow);
      },
    },

    userTemplates: {
      insert: (workspaceId, records) =>
        sql.atomic(async (tx) => {
          for (const record of records) {
            await tx.run(`INSERT INTO user_templates (workspace_id, ${userTemplateColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
              workspaceId,
              record.id,
              userTemplateJson(record.id, record.template),
              record.ownerSide,
              record.createdBy,
              record.createdAt,
              record.updatedAt,
            ]);
          }
        }),
      replace: (workspaceId, templates, at) =>
        sql.atomic(async (tx) => {
          for (const template of templates) {
            if (
              (await tx.run('UPDATE user_templates SET template = $1, updated_at = $2 WHERE workspace_id = $3 AND id = $4', [
                userTemplateJson(template.id, template),
                at,
                workspaceId,
                template.id,
              ])) !== 1
            ) {
              throw new Error(`no user template "${template.id}" to replace`);
            }
          }
        }),
      async delete(workspaceId, id) {
        return (await sql.run('DELETE FROM user_templates WHERE workspace_id = $1 AND id = $2', [workspaceId, id])) === 1;
      },
      async get(workspaceId, id) {
        const row = await sql.row<UserTemplateRow>(`SELECT ${userTemplateColumns} FROM user_templates WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
        return row && userTemplateFromRow(row);
      },
      async list(workspaceId) {
        return (
          await sql.rows<UserTemplateRow>(`SELECT ${userTemplateColumns} FROM user_templates WHERE workspace_id = $1 ORDER BY created_at, position`, [
            workspaceId,
          ])
        ).map(userTemplateFromRow);
      },
      async listByOwner(workspaceId, ownerSide) {
        return (
          await sql.rows<UserTemplateRow>(
            `SELECT ${userTemplateColumns} FROM user_templates WHERE workspace_id = $1 AND owner_side IS NOT DISTINCT FROM $2 ORDER BY created_at, position`,
            [workspaceId, ownerSide],
          )
        ).map(userTemplateFromRow);
      },
    },

    userVariables: {
      upsert: (workspaceId, definitions, at) =>
        sql.atomic(async (tx) => {
          for (const definition of definitions) {
            const valid = variableDefinitionSchema.parse(definition);
            await tx.run(
              `INSERT INTO user_variables (workspace_id, id, definition, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
               ON CONFLICT (workspace_id, id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
              [workspaceId, valid.id, JSON.stringify(valid), at],
            );
          }
        }),
      async get(workspaceId, id) {
        const row = await sql.row<UserVariableRow>('SELECT id, definition, created_at, updated_at FROM user_variables WHERE workspace_id = $1 AND id = $2', [
          workspaceId,
          id,
        ]);
        return row && userVariableFromRow(row);
      },
      async list(workspaceId) {
        return (
          await sql.rows<UserVariableRow>('SELECT id, definition, created_at, updated_at FROM user_variables WHERE workspace_id = $1 ORDER BY id COLLATE "C"', [
            workspaceId,
          ])
        ).map(userVariableFromRow);
      },
    },

    workspaces: {
      async insert(record) {
        await sql.run('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [record.id, record.name, record.createdAt]);
      },
      async get(id) {
        const row = await sql.row<NamedRow>('SELECT id, name, created_at FROM workspaces WHERE id = $1', [id]);
        return row && namedFromRow(row);
      },
      async list() {
        return (await sql.rows<NamedRow>('SELECT id, name, created_at FROM workspaces ORDER BY created_at, id COLLATE "C"')).map(namedFromRow);
      },
    },

    authorities: {
      async insert(record) {
        await sql.run('INSERT INTO authorities (id, name, created_at) VALUES ($1, $2, $3)', [record.id, record.name, record.createdAt]);
      },
      async get(id) {
        const row = await sql.row<NamedRow>('SELECT id, name, created_at FROM authorities WHERE id = $1', [id]);
        return row && namedFromRow(row);
      },
      async list() {
        return (await sql.rows<NamedRow>('SELECT id, name, created_at FROM authorities ORDER BY created_at, id COLLATE "C"')).map(namedFromRow);
      },
      async insertReviewer(record, tokenHash) {
        await sql.run('INSERT INTO authority_reviewers (id, authority_id, display_name, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          record.id,
          record.authorityId,
          record.displayName,
          tokenHash,
          record.createdAt,
          record.revokedAt,
        ]);
      },
      async reviewer(id) {
        const row = await sql.row<ReviewerRow>(`SELECT ${reviewerColumns} FROM authority_reviewers WHERE id = $1`, [id]);
        return row && reviewerFromRow(row);
      },
      async reviewerByTokenHash(tokenHash) {
        const row = await sql.row<ReviewerRow>(`SELECT ${reviewerColumns} FROM authority_reviewers WHERE token_hash = $1`, [tokenHash]);
        return row && reviewerFromRow(row);
      },
      async listReviewers(authorityId) {
        return (
          await sql.rows<ReviewerRow>(`SELECT ${reviewerColumns} FROM authority_reviewers WHERE authority_id = $1 ORDER BY created_at, id COLLATE "C"`, [
            authorityId,
          ])
        ).map(reviewerFromRow);
      },
      async revokeReviewer(id, at) {
        await sql.run('UPDATE authority_reviewers SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
      },
      async seat(reviewerId, documentId) {
        return (
          await sql.row<{ participant_id: string }>('SELECT participant_id FROM reviewer_seats WHERE reviewer_id = $1 AND document_id = $2', [
            reviewerId,
            documentId,
          ])
        )?.participant_id;
      },
      async insertSeat(reviewerId, documentId, participantId) {
        await sql.run('INSERT INTO reviewer_seats (reviewer_id, document_id, participant_id) VALUES ($1, $2, $3)', [reviewerId, documentId, participantId]);
      },
    },

    accessInvitations: {
      async insert(record, codeHash) {
        await sql.run('INSERT INTO access_invitations (id, workspace_id, authority_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          record.id,
          ...accessGrantColumns(record.grants),
          codeHash,
          record.createdAt,
          record.expiresAt,
        ]);
      },
      async byCodeHash(codeHash) {
        const row = await sql.row<AccessInvitationRow>(`SELECT ${accessInvitationColumns} FROM access_invitations WHERE code_hash = $1`, [codeHash]);
        return row && accessInvitationFromRow(row);
      },
      async markRedeemed(id, redeemedBy, at) {
        return (
          (await sql.run('UPDATE access_invitations SET redeemed_at = $1, redeemed_by = $2 WHERE id = $3 AND redeemed_at IS NULL', [at, redeemedBy, id])) === 1
        );
      },
    },

    internalThreads: {
      create: (documentId, thread, comment) =>
        sql.atomic(async (tx) => {
          await tx.run('INSERT INTO internal_threads (id, document_id, clause_id, side, anchor, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
            thread.id,
            documentId,
            thread.clauseId,
            thread.side,
            thread.anchor ? JSON.stringify(thread.anchor) : null,
            comment.at,
          ]);
          await tx.run(
            'INSERT INTO internal_comments (id, thread_id, author_id, author_name, body, mentions, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [comment.id, thread.id, comment.authorId, comment.authorName, comment.body, JSON.stringify(comment.mentions), comment.at],
          );
        }),
      async reply(threadId, comment) {
        await sql.run('INSERT INTO internal_comments (id, thread_id, author_id, author_name, body, mentions, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          comment.id,
          threadId,
          comment.authorId,
          comment.authorName,
          comment.body,
          JSON.stringify(comment.mentions),
          comment.at,
        ]);
      },
      async sideOf(documentId, threadId) {
        return (await sql.row<{ side: BargainingSide }>('SELECT side FROM internal_threads WHERE id = $1 AND document_id = $2', [threadId, documentId]))?.side;
      },
      async setResolved(threadId, resolution) {
        await sql.run('UPDATE internal_threads SET resolved_at = $1, resolved_by_name = $2 WHERE id = $3', [
          resolution?.at ?? null,
          resolution?.byName ?? null,
          threadId,
        ]);
      },
      async listForSide(documentId, side) {
        const [threads, comments] = await Promise.all([
          sql.rows<ThreadRow>('SELECT * FROM internal_threads WHERE document_id = $1 AND side = $2 ORDER BY created_at, id COLLATE "C"', [documentId, side]),
          sql.rows<CommentRow>(
            `SELECT c.* FROM internal_comments c JOIN internal_threads t ON t.id = c.thread_id
             WHERE t.document_id = $1 AND t.side = $2 ORDER BY c.created_at, c.id COLLATE "C"`,
            [documentId, side],
          ),
        ]);
        return threadsFromRows(side, threads, comments);
      },
    },

    mentionReads: {
      async markRead(documentId, participantId, commentIds, at) {
        if (commentIds.length === 0) return;
        await sql.run(
          `INSERT INTO mention_reads (participant_id, comment_id, document_id, read_at)
           SELECT $1, comment_id, $2, $3 FROM unnest($4::text[]) AS comment_id
           ON CONFLICT (participant_id, comment_id) DO NOTHING`,
          [participantId, documentId, at, [...commentIds]],
        );
      },
      async readBy(documentId, participantId) {
        const rows = await sql.rows<{ comment_id: string }>('SELECT comment_id FROM mention_reads WHERE document_id = $1 AND participant_id = $2', [
          documentId,
          participantId,
        ]);
        return rows.map((row) => row.comment_id);
      },
    },

    draftProposals: {
      async insert(documentId, participantId, draft) {
        await sql.run(
          'INSERT INTO draft_proposals (id, document_id, participant_id, clause_id, kind, article, "values", origin, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [
            draft.id,
            documentId,
            participantId,
            draft.clauseId,
            draft.kind,
            draft.article === null ? null : JSON.stringify(draft.article),
            JSON.stringify(draft.values),
            draft.origin,
            Date.parse(draft.createdAt),
          ],
        );
      },
      async ofAuthor(documentId, participantId) {
        return (
          await sql.rows<DraftRow>('SELECT * FROM draft_proposals WHERE document_id = $1 AND participant_id = $2 ORDER BY created_at, id COLLATE "C"', [
            documentId,
            participantId,
          ])
        ).map(draftFromRow);
      },
      async get(documentId, participantId, draftId) {
        const row = await sql.row<DraftRow>('SELECT * FROM draft_proposals WHERE id = $1 AND document_id = $2 AND participant_id = $3', [
          draftId,
          documentId,
          participantId,
        ]);
        return row ? draftFromRow(row) : undefined;
      },
      async remove(draftId) {
        return (await sql.run('DELETE FROM draft_proposals WHERE id = $1', [draftId])) > 0;
      },
    },

    costingScenarios: {
      async insert(record) {
        await sql.run(
          `INSERT INTO costing_scenarios (${costingScenarioColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          costingScenarioValues(record),
        );
      },
      async get(documentId, id) {
        const row = await sql.row<CostingScenarioRow>('SELECT * FROM costing_scenarios WHERE id = $1 AND document_id = $2', [id, documentId]);
        return row ? costingScenarioFromRow(row) : undefined;
      },
      async update(documentId, id, { name, clauseId, settings, values, updatedAt }) {
        const changed = await sql.run(
          'UPDATE costing_scenarios SET name = $1, clause_id = $2, settings = $3, "values" = $4, updated_at = $5 WHERE id = $6 AND document_id = $7 AND published_at IS NULL',
          [name, clauseId, JSON.stringify(settings), JSON.stringify(values), updatedAt, id, documentId],
        );
        return changed > 0;
      },
      async publish(documentId, id, publication) {
        const changed = await sql.run(
          'UPDATE costing_scenarios SET published_at = $1, published_by_name = $2, published_cost = $3 WHERE id = $4 AND document_id = $5 AND published_at IS NULL',
          [publication.at, publication.byName, JSON.stringify(publication.cost), id, documentId],
        );
        return changed > 0;
      },
      async remove(documentId, id) {
        return (await sql.run('DELETE FROM costing_scenarios WHERE id = $1 AND document_id = $2 AND published_at IS NULL', [id, documentId])) > 0;
      },
      async listForSide(documentId, side) {
        return (
          await sql.rows<CostingScenarioRow>('SELECT * FROM costing_scenarios WHERE document_id = $1 AND side = $2 ORDER BY created_at, id COLLATE "C"', [
            documentId,
            side,
          ])
        ).map(costingScenarioFromRow);
      },
      async listPublished(documentId) {
        return (
          await sql.rows<CostingScenarioRow>(
            'SELECT * FROM costing_scenarios WHERE document_id = $1 AND published_at IS NOT NULL ORDER BY published_at, id COLLATE "C"',
            [documentId],
          )
        ).map(costingScenarioFromRow);
      },
    },

    versions: {
      async insert(record) {
        await sql.run(`INSERT INTO versions (${versionHeaderColumns}, snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, [
          record.id,
          record.documentId,
          record.number,
          record.kind,
          record.name,
          record.authorId,
          record.side,
          record.createdAt,
          record.snapshotBase,
          JSON.stringify(record.summary),
          record.restoredFrom,
          record.contentHash,
          record.previousHash,
          record.snapshot,
        ]);
      },
      async list(documentId) {
        return (await sql.rows<VersionHeaderRow>(`SELECT ${versionHeaderColumns} FROM versions WHERE document_id = $1 ORDER BY number`, [documentId])).map(
          versionHeaderFromRow,
        );
      },
      async get(documentId, versionId) {
        const row = await sql.row<VersionRow>(`SELECT ${versionHeaderColumns}, snapshot FROM versions WHERE document_id = $1 AND id = $2`, [
          documentId,
          versionId,
        ]);
        return row && versionFromRow(row);
      },
      async latest(documentId) {
        const row = await sql.row<VersionRow>(`SELECT ${versionHeaderColumns}, snapshot FROM versions WHERE document_id = $1 ORDER BY number DESC LIMIT 1`, [
          documentId,
        ]);
        return row && versionFromRow(row);
      },
      snapshotPieces: (documentId, from, to) =>
        sql.rows<{ number: number; snapshot: Uint8Array }>(
          'SELECT number, snapshot FROM versions WHERE document_id = $1 AND number BETWEEN $2 AND $3 ORDER BY number',
          [documentId, from, to],
        ),
      async signed(documentId) {
        return (
          await sql.rows<VersionRow>(
            `SELECT ${versionHeaderColumns}, snapshot FROM versions WHERE document_id = $1 AND version_kind = 'signed' ORDER BY number`,
            [documentId],
          )
        ).map(versionFromRow);
      },
      async recordVisit(documentId, participantId, snapshot, at) {
        await sql.run(
          `INSERT INTO version_visits (document_id, participant_id, snapshot, seen_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (document_id, participant_id) DO UPDATE SET snapshot = excluded.snapshot, seen_at = excluded.seen_at`,
          [documentId, participantId, snapshot, at],
        );
      },
      async visit(documentId, participantId) {
        const row = await sql.row<{ snapshot: Uint8Array; seen_at: number }>(
          'SELECT snapshot, seen_at FROM version_visits WHERE document_id = $1 AND participant_id = $2',
          [documentId, participantId],
        );
        return row && { snapshot: row.snapshot, seenAt: row.seen_at };
      },
      async storage(documentId) {
        const row = await sql.row<{ count: number; snapshots: number | null; summaries: number | null; largest: number | null }>(
          'SELECT count(*) AS count, sum(length(snapshot))::bigint AS snapshots, sum(octet_length(summary))::bigint AS summaries, max(length(snapshot) + octet_length(summary))::bigint AS largest FROM versions WHERE document_id = $1',
          [documentId],
        );
        return { count: row?.count ?? 0, snapshotBytes: row?.snapshots ?? 0, summaryBytes: row?.summaries ?? 0, largestBytes: row?.largest ?? 0 };
      },
    },

    lifecycle: {
      async append(event) {
        const row = await sql.row<{ id: number }>(
          `INSERT INTO lifecycle_events (document_id, round, step, from_state, to_state, facts, actor_id, actor_side, actor_name, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            event.documentId,
            event.round,
            event.facts.type,
            event.from,
            event.to,
            JSON.stringify(event.facts),
            event.actor.participantId,
            event.actor.side,
            event.actor.name,
            event.at,
          ],
        );
        return row?.id ?? 0;
      },
      async listByDocument(documentId) {
        return (await sql.rows<LifecycleEventRow>('SELECT * FROM lifecycle_events WHERE document_id = $1 ORDER BY id', [documentId])).map(
          lifecycleEventFromRow,
        );
      },
    },

    reviewFindings: {
      async insert(record) {
        await sql.run(
          'INSERT INTO review_findings (id, document_id, round, clause_id, rule_id, body, author_id, author_name, created_at, withdrawn_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)',
          [record.id, record.documentId, record.round, record.clauseId, record.ruleId, record.body, record.authorId, record.authorName, record.createdAt],
        );
      },
      async get(documentId, id) {
        const row = await sql.row<FindingRow>('SELECT * FROM review_findings WHERE document_id = $1 AND id = $2', [documentId, id]);
        return row && findingFromRow(row);
      },
      async listByDocument(documentId) {
        return (await sql.rows<FindingRow>('SELECT * FROM review_findings WHERE document_id = $1 ORDER BY created_at, id COLLATE "C"', [documentId])).map(
          findingFromRow,
        );
      },
      async withdraw(id, at) {
        await sql.run('UPDATE review_findings SET withdrawn_at = $1 WHERE id = $2 AND withdrawn_at IS NULL', [at, id]);
      },
    },

    dialogues: {
      async insert({ dialogue, code }) {
        await sql.run('INSERT INTO dialogues (id, workspace_id, code, kind, state, record, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          dialogue.id,
          dialogue.workspaceId,
          code,
          dialogue.kind,
          dialogue.state,
          JSON.stringify(dialogue),
          Date.parse(dialogue.createdAt),
          Date.parse(dialogue.updatedAt),
        ]);
      },
      async get(id) {
        const row = await sql.row<DialogueRow>('SELECT * FROM dialogues WHERE id = $1', [id]);
        return row && dialogueFromRow(row);
      },
      async byCode(code) {
        const row = await sql.row<DialogueRow>('SELECT * FROM dialogues WHERE code = $1', [code]);
        return row && dialogueFromRow(row);
      },
      async listInWorkspace(workspaceId) {
        const rows = await sql.rows<DialogueRow>('SELECT * FROM dialogues WHERE workspace_id = $1 ORDER BY updated_at DESC, id COLLATE "C"', [workspaceId]);
        return rows.map((row) => dialogueFromRow(row).dialogue);
      },
      async update(dialogue) {
        await sql.run('UPDATE dialogues SET state = $1, record = $2, updated_at = $3 WHERE id = $4', [
          dialogue.state,
          JSON.stringify(dialogue),
          Date.parse(dialogue.updatedAt),
          dialogue.id,
        ]);
      },
      async addSubmission(submission, clientKey) {
        const row = await sql.row<{ number: number }>(
          `INSERT INTO dialogue_submissions (id, dialogue_id, number, topic, status, client_key, record, created_at)
           SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6, $7 FROM dialogue_submissions WHERE dialogue_id = $2
           RETURNING number`,
          [submission.id, submission.dialogueId, submission.topic, submission.status, clientKey, submissionJson(submission), Date.parse(submission.createdAt)],
        );
        if (!row) throw new Error(`the submission ${submission.id} was not inserted`);
        return { ...submission, number: row.number };
      },
      async publicSubmissionsSince(dialogueId, clientKey, since) {
        const row = await sql.row<{ client: number; all: number; clientOldest: number | null; allOldest: number | null }>(
          `SELECT count(*) FILTER (WHERE client_key = $2) AS client, count(*) AS "all",
                  min(created_at) FILTER (WHERE client_key = $2) AS "clientOldest", min(created_at) AS "allOldest"
           FROM dialogue_submissions WHERE dialogue_id = $1 AND client_key IS NOT NULL AND created_at > $3`,
          [dialogueId, clientKey, since],
        );
        return row ?? { client: 0, all: 0, clientOldest: null, allOldest: null };
      },
      async getSubmission(dialogueId, id) {
        const row = await sql.row<SubmissionRow>('SELECT * FROM dialogue_submissions WHERE id = $1 AND dialogue_id = $2', [id, dialogueId]);
        return row && submissionFromRow(row);
      },
      async updateSubmission(submission) {
        await sql.run('UPDATE dialogue_submissions SET topic = $1, status = $2, record = $3 WHERE id = $4', [
          submission.topic,
          submission.status,
          submissionJson(submission),
          submission.id,
        ]);
      },
      async listSubmissions(dialogueId, filter) {
        const { where, values } = submissionConditions(dialogueId, filter);
        const total = await sql.row<{ count: number }>(`SELECT count(*) AS count FROM dialogue_submissions WHERE ${where}`, values);
        const rows = await sql.rows<SubmissionRow>(
          `SELECT * FROM dialogue_submissions WHERE ${where} AND number > $${values.length + 1} ORDER BY number LIMIT $${values.length + 2}`,
          [...values, filter.after, filter.limit],
        );
        return { items: rows.map(submissionFromRow), total: total?.count ?? 0 };
      },
      async topics(dialogueId) {
        return sql.rows<{ topic: string; count: number }>(
          `SELECT topic, count(*) AS count FROM dialogue_submissions
           WHERE dialogue_id = $1 AND topic IS NOT NULL AND status <> 'merged' GROUP BY topic ORDER BY topic COLLATE "C"`,
          [dialogueId],
        );
      },
    },

    redemptionAttempts: {
      /** One transaction holding a lock that every admission takes: two instances cannot both take the last attempt allowed. */
      admit: (attempt, limits) =>
        sql.atomic(async (tx): Promise<AttemptAdmission> => {
          await tx.run('LOCK TABLE redemption_attempts IN SHARE ROW EXCLUSIVE MODE');
          await tx.run('DELETE FROM redemption_attempts WHERE at <= $1', [attempt.at - limits.windowMs]);
          const counts = await tx.row<{ address: number; overall: number }>(
            'SELECT count(*) FILTER (WHERE address = $1) AS address, count(*) AS overall FROM redemption_attempts',
            [attempt.address],
          );
          const addressAttempts = counts?.address ?? 0;
          const overallAttempts = counts?.overall ?? 0;
          const refusals: { limit: AttemptLimit; retryAt: number }[] = [];
          if (addressAttempts >= limits.perAddress) {
            // The attempt whose expiry brings the count back under the limit: the (count - limit + 1)th oldest.
            const oldest = await tx.row<{ at: number }>('SELECT at FROM redemption_attempts WHERE address = $1 ORDER BY at LIMIT 1 OFFSET $2', [
              attempt.address,
              addressAttempts - limits.perAddress,
            ]);
            refusals.push({ limit: 'address', retryAt: (oldest?.at ?? attempt.at) + limits.windowMs });
          }
          if (overallAttempts >= limits.overall) {
            const oldest = await tx.row<{ at: number }>('SELECT at FROM redemption_attempts ORDER BY at LIMIT 1 OFFSET $1', [overallAttempts - limits.overall]);
            refusals.push({ limit: 'overall', retryAt: (oldest?.at ?? attempt.at) + limits.windowMs });
          }
          const refusal = refusals.reduce<(typeof refusals)[number] | undefined>(
            (later, candidate) => (later && later.retryAt >= candidate.retryAt ? later : candidate),
            undefined,
          );
          if (refusal) return { admitted: false, ...refusal };
          await tx.run('INSERT INTO redemption_attempts (id, address, at) VALUES ($1, $2, $3)', [attempt.id, attempt.address, attempt.at]);
          return { admitted: true, addressAttempts: addressAttempts + 1, overallAttempts: overallAttempts + 1 };
        }),
      async release(id) {
        await sql.run('DELETE FROM redemption_attempts WHERE id = $1', [id]);
      },
    },
  };
}

/** The conditions of a submission filter as numbered parameters, with their values (the page's start excepted). */
function submissionConditions(dialogueId: string, filter: SubmissionFilter): { where: string; values: (string | number)[] } {
  const conditions = ['dialogue_id = $1'];
  const values: (string | number)[] = [dialogueId];
  if (filter.topic !== undefined) {
    values.push(filter.topic);
    conditions.push(`topic = $${values.length}`);
  }
  if (filter.untagged) conditions.push('topic IS NULL');
  if (filter.status !== undefined) {
    values.push(filter.status);
    conditions.push(`status = $${values.length}`);
  } else if (!filter.includeMerged) {
    conditions.push("status <> 'merged'");
  }
  return { where: conditions.join(' AND '), values };
}
