import { dialogueSchema, submissionSchema, type Submission } from '#shared/dialogue/model';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import { eventFactsSchema, type LifecycleEventRecord } from '#shared/lifecycle/model';
import type { BargainingSide, DraftProposal, Thread, ThreadComment } from '#shared/negotiation/model';
import { phraseAnchorSchema } from '#shared/negotiation/phraseAnchor';
import type { Side } from '#shared/sides';
import { articleTemplateSchema, variableDefinitionSchema, type ArticleTemplate } from '#shared/templates/schema';
import { emptySummary, versionSummarySchema, type VersionSummary } from '#shared/versions/model';
import type {
  AccessInvitationRecord,
  AdminTokenRecord,
  AuditEntry,
  AuthorityRecord,
  AuthorityReviewerRecord,
  DialogueRecord,
  CostingScenarioRecord,
  DocumentRecord,
  InvitationRecord,
  ParticipantRecord,
  ReviewFindingRecord,
  UserTemplateRecord,
  UserVariableRecord,
  VersionHeader,
  VersionRecord,
  WorkspaceRecord,
} from '#main/store/records';

/**
 * Rows as both adapters read them (the SQLite and PostgreSQL schemas name and type their columns
 * alike), and the records the port returns for them: one reading of each row, whichever the store.
 */

const iso = (ms: number): string => new Date(ms).toISOString();

export interface DocumentRow {
  id: string;
  kind: DocumentRecord['kind'];
  title: string;
  lifecycle_state: DocumentRecord['lifecycleState'];
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  workspace_id: string;
  authority_id: string | null;
}

export function documentFromRow(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    lifecycleState: row.lifecycle_state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    workspaceId: row.workspace_id,
    authorityId: row.authority_id,
  };
}

export const documentColumns = 'id, kind, title, lifecycle_state, created_at, updated_at, archived_at, workspace_id, authority_id';

export interface InvitationRow {
  id: string;
  document_id: string;
  side: InvitationRecord['side'];
  created_by: string | null;
  created_at: number;
  expires_at: number;
  redeemed_at: number | null;
  redeemed_by: string | null;
}

export function invitationFromRow(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    side: row.side,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    redeemedAt: row.redeemed_at,
    redeemedBy: row.redeemed_by,
  };
}

export interface AdminTokenRow {
  id: string;
  label: string;
  workspace_id: string;
  created_at: number;
  revoked_at: number | null;
}

export function adminTokenFromRow(row: AdminTokenRow): AdminTokenRecord {
  return { id: row.id, label: row.label, workspaceId: row.workspace_id, createdAt: row.created_at, revokedAt: row.revoked_at };
}

export const adminTokenColumns = 'id, label, workspace_id, created_at, revoked_at';

/** A workspace's or an authority's row: both are an id, a name and when they were made. */
export interface NamedRow {
  id: string;
  name: string;
  created_at: number;
}

export const namedFromRow = (row: NamedRow): WorkspaceRecord & AuthorityRecord => ({ id: row.id, name: row.name, createdAt: row.created_at });

export interface ReviewerRow {
  id: string;
  authority_id: string;
  display_name: string;
  created_at: number;
  revoked_at: number | null;
}

export const reviewerFromRow = (row: ReviewerRow): AuthorityReviewerRecord => ({
  id: row.id,
  authorityId: row.authority_id,
  displayName: row.display_name,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export const reviewerColumns = 'id, authority_id, display_name, created_at, revoked_at';

export interface AccessInvitationRow {
  id: string;
  workspace_id: string | null;
  authority_id: string | null;
  created_at: number;
  expires_at: number;
  redeemed_at: number | null;
  redeemed_by: string | null;
}

export function accessInvitationFromRow(row: AccessInvitationRow): AccessInvitationRecord {
  // The schema's CHECK names exactly one of the two.
  const grants: AccessInvitationRecord['grants'] =
    row.authority_id === null ? { kind: 'host', workspaceId: row.workspace_id ?? '' } : { kind: 'reviewer', authorityId: row.authority_id };
  return { id: row.id, grants, createdAt: row.created_at, expiresAt: row.expires_at, redeemedAt: row.redeemed_at, redeemedBy: row.redeemed_by };
}

export const accessInvitationColumns = 'id, workspace_id, authority_id, created_at, expires_at, redeemed_at, redeemed_by';

/** The columns an access invitation's grant is written to: (workspace_id, authority_id). */
export function accessGrantColumns(grants: AccessInvitationRecord['grants']): [string | null, string | null] {
  return grants.kind === 'host' ? [grants.workspaceId, null] : [null, grants.authorityId];
}

export interface AuditRow {
  at: number;
  actor: string;
  action: string;
  document_id: string | null;
  details: string;
}

export const auditFromRow = (row: AuditRow): AuditEntry => ({
  at: row.at,
  actor: row.actor,
  action: row.action,
  documentId: row.document_id,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

export interface LifecycleEventRow {
  id: number;
  document_id: string;
  round: number;
  step: string;
  from_state: LifecycleState;
  to_state: LifecycleState;
  facts: string;
  actor_id: string | null;
  actor_side: Side | null;
  actor_name: string | null;
  at: number;
}

export function lifecycleEventFromRow(row: LifecycleEventRow): LifecycleEventRecord {
  const facts = eventFactsSchema.safeParse(JSON.parse(row.facts));
  // A step is the lifecycle's history: one that cannot be read must stop the reading, not vanish.
  if (!facts.success) throw new Error(`lifecycle event ${row.id} of document ${row.document_id} holds unreadable facts`);
  return {
    id: row.id,
    documentId: row.document_id,
    round: row.round,
    from: row.from_state,
    to: row.to_state,
    facts: facts.data,
    actor: { participantId: row.actor_id, side: row.actor_side, name: row.actor_name },
    at: row.at,
  };
}

export interface FindingRow {
  id: string;
  document_id: string;
  round: number;
  clause_id: string;
  rule_id: string | null;
  body: string;
  author_id: string;
  author_name: string;
  created_at: number;
  withdrawn_at: number | null;
}

export function findingFromRow(row: FindingRow): ReviewFindingRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    round: row.round,
    clauseId: row.clause_id,
    ruleId: row.rule_id,
    body: row.body,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
  };
}

export interface VersionHeaderRow {
  id: string;
  document_id: string;
  number: number;
  version_kind: VersionRecord['kind'];
  name: string | null;
  author_id: string | null;
  side: VersionRecord['side'];
  created_at: number;
  snapshot_base: number;
  summary: string;
  restored_from: string | null;
  content_hash: string | null;
  previous_hash: string | null;
}

export interface VersionRow extends VersionHeaderRow {
  snapshot: Uint8Array;
}

/** A summary is shown, never trusted: one edited by hand into something else reads as empty. */
function parseSummary(json: string): VersionSummary {
  try {
    const parsed = versionSummarySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : emptySummary;
  } catch {
    return emptySummary;
  }
}

export function versionHeaderFromRow(row: VersionHeaderRow): VersionHeader {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    kind: row.version_kind,
    name: row.name,
    authorId: row.author_id,
    side: row.side,
    createdAt: row.created_at,
    snapshotBase: row.snapshot_base,
    summary: parseSummary(row.summary),
    restoredFrom: row.restored_from,
    contentHash: row.content_hash,
    previousHash: row.previous_hash,
  };
}

export const versionFromRow = (row: VersionRow): VersionRecord => ({ ...versionHeaderFromRow(row), snapshot: row.snapshot });

export const versionHeaderColumns =
  'id, document_id, number, version_kind, name, author_id, side, created_at, snapshot_base, summary, restored_from, content_hash, previous_hash';

export interface DraftRow {
  id: string;
  clause_id: string;
  kind: DraftProposal['kind'];
  article: string | null;
  values: string;
  origin: DraftProposal['origin'];
  created_at: number;
}

export const draftFromRow = (row: DraftRow): DraftProposal => ({
  id: row.id,
  clauseId: row.clause_id,
  kind: row.kind,
  article: row.article === null ? null : (JSON.parse(row.article) as DraftProposal['article']),
  values: JSON.parse(row.values) as DraftProposal['values'],
  origin: row.origin,
  createdAt: new Date(row.created_at).toISOString(),
});

export interface CostingScenarioRow {
  id: string;
  document_id: string;
  side: CostingScenarioRecord['side'];
  name: string;
  clause_id: string | null;
  settings: string;
  values: string;
  author_id: string;
  author_name: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  published_by_name: string | null;
  published_cost: string | null;
}

export const costingScenarioFromRow = (row: CostingScenarioRow): CostingScenarioRecord => ({
  id: row.id,
  documentId: row.document_id,
  side: row.side,
  name: row.name,
  clauseId: row.clause_id,
  settings: JSON.parse(row.settings) as unknown,
  values: JSON.parse(row.values) as CostingScenarioRecord['values'],
  authorId: row.author_id,
  authorName: row.author_name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  published:
    row.published_at === null ? null : { at: row.published_at, byName: row.published_by_name ?? '', cost: JSON.parse(row.published_cost ?? 'null') as unknown },
});

/** The columns of an inserted scenario, in the order of costingScenarioColumns. */
export const costingScenarioColumns =
  'id, document_id, side, name, clause_id, settings, "values", author_id, author_name, created_at, updated_at, published_at, published_by_name, published_cost';

export function costingScenarioValues(record: CostingScenarioRecord): (string | number | null)[] {
  return [
    record.id,
    record.documentId,
    record.side,
    record.name,
    record.clauseId,
    JSON.stringify(record.settings),
    JSON.stringify(record.values),
    record.authorId,
    record.authorName,
    record.createdAt,
    record.updatedAt,
    record.published?.at ?? null,
    record.published?.byName ?? null,
    record.published ? JSON.stringify(record.published.cost) : null,
  ];
}

export interface ThreadRow {
  id: string;
  clause_id: string;
  side: BargainingSide;
  created_at: number;
  resolved_at: number | null;
  resolved_by_name: string | null;
  /** The phrase the note is on, as JSON; null for a note on the whole article. */
  anchor: string | null;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  mentions: string;
  created_at: number;
}

/** A side's internal threads with their comments (each list oldest first), as the API shows them. */
export function threadsFromRows(side: BargainingSide, threadRows: readonly ThreadRow[], commentRows: readonly CommentRow[]): Thread[] {
  const comments = new Map<string, ThreadComment[]>();
  for (const row of commentRows) {
    const list = comments.get(row.thread_id) ?? [];
    list.push({
      id: row.id,
      authorId: row.author_id,
      authorName: row.author_name,
      side,
      body: row.body,
      mentions: JSON.parse(row.mentions) as string[],
      createdAt: iso(row.created_at),
    });
    comments.set(row.thread_id, list);
  }
  return threadRows.map((row) => ({
    id: row.id,
    clauseId: row.clause_id,
    ...(row.anchor === null ? {} : { anchor: phraseAnchorSchema.parse(JSON.parse(row.anchor)) }),
    visibility: row.side,
    comments: comments.get(row.id) ?? [],
    createdAt: iso(row.created_at),
    resolvedAt: row.resolved_at === null ? null : iso(row.resolved_at),
    resolvedByName: row.resolved_by_name,
  }));
}

export interface ParticipantRow {
  id: string;
  document_id: string;
  display_name: string;
  side: ParticipantRecord['side'];
  invitation_id: string | null;
  joined_at: number;
  revoked_at: number | null;
}

export function participantFromRow(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    displayName: row.display_name,
    side: row.side,
    invitationId: row.invitation_id,
    joinedAt: row.joined_at,
    revokedAt: row.revoked_at,
  };
}

export const participantColumns = 'id, document_id, display_name, side, invitation_id, joined_at, revoked_at';

export interface UserTemplateRow {
  id: string;
  template: string;
  owner_side: UserTemplateRecord['ownerSide'];
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

/** Rows are written only after validation, and validated again on reading (a file may be edited by hand). */
export function userTemplateFromRow(row: UserTemplateRow): UserTemplateRecord {
  return {
    id: row.id,
    template: articleTemplateSchema.parse(JSON.parse(row.template)),
    ownerSide: row.owner_side,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The template as stored: validated, with the same id as its row. */
export function userTemplateJson(id: string, template: ArticleTemplate): string {
  const valid = articleTemplateSchema.parse(template);
  if (valid.id !== id) throw new Error(`a user template is stored under its own id ("${valid.id}", not "${id}")`);
  return JSON.stringify(valid);
}

export const userTemplateColumns = 'id, template, owner_side, created_by, created_at, updated_at';

export interface UserVariableRow {
  id: string;
  definition: string;
  created_at: number;
  updated_at: number;
}

export function userVariableFromRow(row: UserVariableRow): UserVariableRecord {
  return {
    definition: variableDefinitionSchema.parse(JSON.parse(row.definition)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface DialogueRow {
  id: string;
  workspace_id: string;
  code: string;
  kind: string;
  state: string;
  record: string;
  created_at: number;
  updated_at: number;
}

/** A dialogue's record as written (checked when read: it is the source of every step's rules). */
export function dialogueFromRow(row: DialogueRow): DialogueRecord {
  return { dialogue: dialogueSchema.parse(JSON.parse(row.record)), code: row.code };
}

export interface SubmissionRow {
  id: string;
  dialogue_id: string;
  number: number;
  topic: string | null;
  status: string;
  client_key: string | null;
  record: string;
  created_at: number;
}

/** A submission's record, with the number its row was given. */
export function submissionFromRow(row: SubmissionRow): Submission {
  return submissionSchema.parse({ ...(JSON.parse(row.record) as object), number: row.number });
}

/** What a submission's row keeps as JSON: everything but the number, a column of its own. */
export function submissionJson(submission: Omit<Submission, 'number'>): string {
  return JSON.stringify({ ...submission, number: undefined });
}
