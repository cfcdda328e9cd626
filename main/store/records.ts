import type { Dialogue, SubmissionStatus } from '#shared/dialogue/model';
import type { DocumentKind } from '#shared/documents/kinds';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Side } from '#shared/sides';
import type { ArticleTemplate, VariableDefinition } from '#shared/templates/schema';
import type { VersionKind, VersionSummary } from '#shared/versions/model';

/** Rows as the store returns them. Times are milliseconds since the Unix epoch. */

export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  title: string;
  lifecycleState: LifecycleState;
  createdAt: number;
  updatedAt: number;
  archivedAt: number | null;
  /** The workspace the document belongs to (decision 0019): its hosts alone see it. */
  workspaceId: string;
  /** The authority the document was last sent to, when that sending named one the deployment has; its reviewers may review it. */
  authorityId: string | null;
}

/** A document as it is first stored: in the built-in workspace unless one is named (as the column's default has it). */
export type NewDocumentRecord = Omit<DocumentRecord, 'workspaceId' | 'authorityId'> & { workspaceId?: string };

export interface ParticipantRecord {
  id: string;
  documentId: string;
  displayName: string;
  side: Side;
  invitationId: string | null;
  joinedAt: number;
  revokedAt: number | null;
}

export interface InvitationRecord {
  id: string;
  documentId: string;
  side: Side;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  redeemedAt: number | null;
  redeemedBy: string | null;
}

export interface AdminTokenRecord {
  id: string;
  label: string;
  /** The workspace whose host the token makes its bearer. */
  workspaceId: string;
  createdAt: number;
  revokedAt: number | null;
}

/** One enterprise's (or federation's) own hosts, documents and templates, isolated from every other's (decision 0019). */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: number;
}

/** A labour authority (a provincial Department of Home Affairs) whose reviewers review what any workspace sends it. */
export interface AuthorityRecord {
  id: string;
  name: string;
  createdAt: number;
}

/** A reviewer of an authority, with a token of their own (stored as a hash). */
export interface AuthorityReviewerRecord {
  id: string;
  authorityId: string;
  displayName: string;
  createdAt: number;
  revokedAt: number | null;
}

/** What redeeming an access invitation makes its bearer: a host of a workspace, or a reviewer of an authority. */
export type AccessGrant = { kind: 'host'; workspaceId: string } | { kind: 'reviewer'; authorityId: string };

/** A one-time code the operator hands out (the command line), redeemed for a host or reviewer token. */
export interface AccessInvitationRecord {
  id: string;
  grants: AccessGrant;
  createdAt: number;
  expiresAt: number;
  redeemedAt: number | null;
  /** The host token or the reviewer it made. */
  redeemedBy: string | null;
}

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  documentId: string | null;
  details: Record<string, unknown>;
}

/** One Yjs update as received from a participant (or from the server itself when null). */
export interface LoggedUpdate {
  bytes: Uint8Array;
  participantId: string | null;
  at: number;
}

/** What opening a document reads: one merged state and the short tail logged after it. */
export interface StoredDocumentState extends LoggedUpdates {
  checkpoint: { seq: number; state: Uint8Array } | null;
}

/** An article template saved or imported by the host (ownerSide null) or a bargaining side. */
export interface UserTemplateRecord {
  id: string;
  template: ArticleTemplate;
  ownerSide: 'employer' | 'union' | null;
  /** The participant who saved it first; null for the host. */
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A variable defined by an imported template pack, known to every document. */
export interface UserVariableRecord {
  definition: VariableDefinition;
  createdAt: number;
  updatedAt: number;
}

/** A version of a document (see migration 0004): a Yjs snapshot and what the timeline shows. */
export interface VersionRecord {
  id: string;
  documentId: string;
  /** 1, 2, 3... per document, in the order the versions were made. */
  number: number;
  kind: VersionKind;
  name: string | null;
  /** The participant it is attributed to; null for the host or the server. */
  authorId: string | null;
  side: Side | null;
  createdAt: number;
  /** Y.encodeSnapshot: the full state vector, and the deletions made since version `snapshotBase`. */
  snapshot: Uint8Array;
  snapshotBase: number;
  summary: VersionSummary;
  restoredFrom: string | null;
  /** Signed versions only: SHA-256 (hex) of the canonical text, and that of the previous signed version. */
  contentHash: string | null;
  previousHash: string | null;
}

/** A version without its snapshot, for listing. */
export type VersionHeader = Omit<VersionRecord, 'snapshot'>;

/** A Yjs client id seen for the first time, with who wrote with it. */
export interface ClientSighting {
  clientId: number;
  participantId: string | null;
  at: number;
}

/** The deletions one participant (null: the server or the host) made in the updates a compaction folds. */
export interface DeletionRecord {
  participantId: string | null;
  /** Y.encodeSnapshot of an empty state vector and the delete set. */
  deleteSet: Uint8Array;
}

/** The updates logged after some seq, with who sent each (null: the server or the host). */
export interface LoggedUpdates {
  tail: Uint8Array[];
  tailAuthors: (string | null)[];
  lastSeq: number;
  tailBytes: number;
}

/** A comment of a side's internal thread. */
export interface InternalComment {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  at: number;
}

/** A finding a reviewer wrote on an article (migration 0005). Times are milliseconds since the epoch. */
/**
 * A side's costing scenario (shared/costing/bargainingScenario.ts) as stored: its settings and
 * values are JSON the service reads with their schemas; publication fixes it, with its figures then.
 */
export interface CostingScenarioRecord {
  id: string;
  documentId: string;
  side: 'employer' | 'union';
  name: string;
  clauseId: string | null;
  settings: unknown;
  values: Record<string, number | string>;
  authorId: string;
  authorName: string;
  createdAt: number;
  updatedAt: number;
  published: { at: number; byName: string; cost: unknown } | null;
}

/** What saving an unpublished scenario again replaces. */
export type CostingScenarioChange = Pick<CostingScenarioRecord, 'name' | 'clauseId' | 'settings' | 'values' | 'updatedAt'>;

export interface ReviewFindingRecord {
  id: string;
  documentId: string;
  round: number;
  clauseId: string;
  ruleId: string | null;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  withdrawnAt: number | null;
}

/** How many attempts an address, and all addresses together, may make within a sliding window. */
export interface AttemptLimits {
  windowMs: number;
  perAddress: number;
  overall: number;
}

export type AttemptLimit = 'address' | 'overall';

export type AttemptAdmission =
  /** Counted; the counts include this attempt. */
  | { admitted: true; addressAttempts: number; overallAttempts: number }
  /** Not counted: a limit is reached until `retryAt` (the later one when both are). */
  | { admitted: false; limit: AttemptLimit; retryAt: number };

/** What a document's versions take in the store. */
export interface VersionStorage {
  count: number;
  snapshotBytes: number;
  summaryBytes: number;
  largestBytes: number;
}

/** A dialogue as stored (decision 0022): the record, and its public code (submissions and the public page). */
export interface DialogueRecord {
  dialogue: Dialogue;
  code: string;
}

/** Which submissions of a dialogue to list, and which page. */
export interface SubmissionFilter {
  topic?: string;
  /** Only those without a topic. */
  untagged?: boolean;
  status?: SubmissionStatus;
  includeMerged: boolean;
  /** Numbers after this one. */
  after: number;
  limit: number;
}
