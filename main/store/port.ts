import { ApiError } from '#shared/api/errors';
import type { Dialogue, Submission } from '#shared/dialogue/model';
import type { LifecycleEventRecord } from '#shared/lifecycle/model';
import type { BargainingSide, DraftProposal, Thread } from '#shared/negotiation/model';
import type { PhraseAnchor } from '#shared/negotiation/phraseAnchor';
import type { ArticleTemplate, VariableDefinition } from '#shared/templates/schema';
import type {
  AccessInvitationRecord,
  AdminTokenRecord,
  AttemptAdmission,
  AttemptLimits,
  AuditEntry,
  AuthorityRecord,
  AuthorityReviewerRecord,
  ClientSighting,
  CostingScenarioChange,
  CostingScenarioRecord,
  DeletionRecord,
  DialogueRecord,
  DocumentRecord,
  InternalComment,
  InvitationRecord,
  LoggedUpdate,
  LoggedUpdates,
  NewDocumentRecord,
  ParticipantRecord,
  ReviewFindingRecord,
  StoredDocumentState,
  SubmissionFilter,
  UserTemplateRecord,
  UserVariableRecord,
  VersionHeader,
  VersionRecord,
  VersionStorage,
  WorkspaceRecord,
} from '#main/store/records';

/**
 * The persistence port: everything the services and the sync server store, asynchronous, with
 * two adapters (SQLite embedded, PostgreSQL hosted: decision 0017). Nothing outside main/store
 * knows which one it talks to; one contract test suite holds both to the same behaviour.
 */

export interface DocumentsStore {
  insert(record: NewDocumentRecord): Promise<void>;
  get(id: string): Promise<DocumentRecord | undefined>;
  /** Every document of every workspace (the server's own sweeps), most recently changed first. */
  list(includeArchived: boolean): Promise<DocumentRecord[]>;
  /** The documents of one workspace, most recently changed first. */
  listInWorkspace(workspaceId: string, includeArchived: boolean): Promise<DocumentRecord[]>;
  /** The documents not archived whose last sending named this authority, from every workspace, most recently changed first. */
  listSentTo(authorityId: string): Promise<DocumentRecord[]>;
  /** Records the authority the document is sent to (null: one the deployment does not have, or none). */
  setAuthority(id: string, authorityId: string | null): Promise<void>;
  rename(id: string, title: string, at: number): Promise<void>;
  /** Whether the host lets reviewers comment on this document. */
  reviewerComments(id: string): Promise<boolean>;
  setReviewerComments(id: string, allowed: boolean, at: number): Promise<void>;
  /** Mirrors the lifecycle's state today (main/lifecycle keeps it current). */
  setLifecycleState(id: string, state: DocumentRecord['lifecycleState'], at: number): Promise<void>;
  /** Archives a document (once: archiving an archived one changes nothing). */
  archive(id: string, at: number): Promise<void>;
}

/**
 * The log of Yjs updates per document and its compaction into a checkpoint. Invariant: the
 * checkpoint through seq merged with every logged update of a greater seq is the document.
 * Sequence numbers are allocated by the store, consecutive per document.
 */
export interface UpdateLogStore {
  /**
   * Appends updates in one transaction, numbering them after the last one logged, and records
   * the Yjs client ids first seen with them. Returns the seq of the last one.
   */
  append(documentId: string, updates: readonly LoggedUpdate[], clients?: readonly ClientSighting[]): Promise<number>;
  /** The checkpoint and the updates logged after it. */
  load(documentId: string): Promise<StoredDocumentState>;
  /** The seq the checkpoint folds the log up to (0 when there is none yet). */
  checkpointSeq(documentId: string): Promise<number>;
  /**
   * The updates logged after `seq` (which the checkpoint must not have folded), with who sent
   * them, in order: at most `limit` of them when given (read on after the returned lastSeq).
   */
  updatesAfter(documentId: string, seq: number, limit?: number): Promise<LoggedUpdates>;
  /** The highest seq ever logged for the document (0 when none). */
  lastSeq(documentId: string): Promise<number>;
  /**
   * Folds every update up to `throughSeq` into one checkpoint and drops them from the log,
   * recording first who deleted what in them (decision 0008). A checkpoint never moves back: one
   * through a seq below the current checkpoint's changes nothing.
   */
  compact(documentId: string, throughSeq: number, state: Uint8Array, at: number, deletions?: readonly DeletionRecord[]): Promise<void>;
  /** The deletions recorded by past compactions, oldest first. */
  deletionAuthors(documentId: string): Promise<DeletionRecord[]>;
  /** Yjs client id → the participant who first wrote with it (null: the server or the host). */
  clients(documentId: string): Promise<Map<number, string | null>>;
}

export interface ParticipantsStore {
  insert(record: ParticipantRecord, tokenHash: string): Promise<void>;
  get(id: string): Promise<ParticipantRecord | undefined>;
  byTokenHash(tokenHash: string): Promise<ParticipantRecord | undefined>;
  listByDocument(documentId: string): Promise<ParticipantRecord[]>;
  revoke(id: string, at: number): Promise<void>;
}

export interface InvitationsStore {
  insert(record: InvitationRecord, codeHash: string): Promise<void>;
  byCodeHash(codeHash: string): Promise<InvitationRecord | undefined>;
  /** Marks the invitation used; false when it had already been used (one-time codes). */
  markRedeemed(id: string, participantId: string, at: number): Promise<boolean>;
}

export interface AdminTokensStore {
  insert(record: AdminTokenRecord, tokenHash: string): Promise<void>;
  byTokenHash(tokenHash: string): Promise<AdminTokenRecord | undefined>;
}

/** Who did what and when: every change made through the API, and every refused write. */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  listByDocument(documentId: string): Promise<AuditEntry[]>;
  /** Entries whose action starts with `prefix` (such as `template.`), oldest first. */
  listByActionPrefix(prefix: string): Promise<AuditEntry[]>;
}

/** User templates, each workspace's own: two workspaces may hold templates of the same id (one pack imported by both). */
export interface UserTemplatesStore {
  /** Adds templates to a workspace, all or none. */
  insert(workspaceId: string, records: readonly UserTemplateRecord[]): Promise<void>;
  /** Replaces the content of existing templates of a workspace (matched by id), all or none. */
  replace(workspaceId: string, templates: readonly ArticleTemplate[], at: number): Promise<void>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  get(workspaceId: string, id: string): Promise<UserTemplateRecord | undefined>;
  /** Every user template of a workspace, oldest first (those written together, in the order they were written). */
  list(workspaceId: string): Promise<UserTemplateRecord[]>;
  /** The templates of one side, or the host's own (null), in a workspace, oldest first. */
  listByOwner(workspaceId: string, ownerSide: UserTemplateRecord['ownerSide']): Promise<UserTemplateRecord[]>;
}

/** Variables defined by template packs, each workspace's own (its documents hold values of them). */
export interface UserVariablesStore {
  /** Adds variables to a workspace, or replaces the definitions of those it already knows (created_at kept); all or none. */
  upsert(workspaceId: string, definitions: readonly VariableDefinition[], at: number): Promise<void>;
  get(workspaceId: string, id: string): Promise<UserVariableRecord | undefined>;
  /** A workspace's variables, by id. */
  list(workspaceId: string): Promise<UserVariableRecord[]>;
}

/** Workspaces (decision 0019); the built-in one, `local`, holds everything of the desktop app and server mode. */
export interface WorkspacesStore {
  insert(record: WorkspaceRecord): Promise<void>;
  get(id: string): Promise<WorkspaceRecord | undefined>;
  /** Oldest first, the built-in one first of all. */
  list(): Promise<WorkspaceRecord[]>;
}

/** The labour authorities of the deployment, their reviewers, and the seats reviewers hold on documents sent to them. */
export interface AuthoritiesStore {
  insert(record: AuthorityRecord): Promise<void>;
  get(id: string): Promise<AuthorityRecord | undefined>;
  /** Oldest first. */
  list(): Promise<AuthorityRecord[]>;
  insertReviewer(record: AuthorityReviewerRecord, tokenHash: string): Promise<void>;
  reviewer(id: string): Promise<AuthorityReviewerRecord | undefined>;
  reviewerByTokenHash(tokenHash: string): Promise<AuthorityReviewerRecord | undefined>;
  /** An authority's reviewers, oldest first. */
  listReviewers(authorityId: string): Promise<AuthorityReviewerRecord[]>;
  /** Ends a reviewer's token (once: revoking a revoked reviewer changes nothing). */
  revokeReviewer(id: string, at: number): Promise<void>;
  /** The participant a reviewer reviews a document as, once they have opened it. */
  seat(reviewerId: string, documentId: string): Promise<string | undefined>;
  insertSeat(reviewerId: string, documentId: string, participantId: string): Promise<void>;
}

/** One-time codes for a workspace's hosts and an authority's reviewers (the operator's command line makes them). */
export interface AccessInvitationsStore {
  insert(record: AccessInvitationRecord, codeHash: string): Promise<void>;
  byCodeHash(codeHash: string): Promise<AccessInvitationRecord | undefined>;
  /** Marks the invitation used by what it made; false when it had already been used. */
  markRedeemed(id: string, redeemedBy: string, at: number): Promise<boolean>;
}

/** One side's private threads: never put in the shared document, only served to that side. */
export interface InternalThreadsStore {
  create(documentId: string, thread: { id: string; clauseId: string; side: BargainingSide; anchor?: PhraseAnchor }, comment: InternalComment): Promise<void>;
  reply(threadId: string, comment: InternalComment): Promise<void>;
  /** The side a thread belongs to, if it is an internal thread of this document. */
  sideOf(documentId: string, threadId: string): Promise<BargainingSide | undefined>;
  setResolved(threadId: string, resolution: { at: number; byName: string } | null): Promise<void>;
  /** A side's internal threads of a document, with their comments, oldest first. */
  listForSide(documentId: string, side: BargainingSide): Promise<Thread[]>;
}

/** The comments mentioning a participant that they have opened (the others are their unread mentions). */
export interface MentionReadsStore {
  /** Records these comments as read by the participant (again: no change). */
  markRead(documentId: string, participantId: string, commentIds: readonly string[], at: number): Promise<void>;
  /** The comments of a document the participant has read, by id, in no particular order. */
  readBy(documentId: string, participantId: string): Promise<string[]>;
}

/** Draft positions, each served to its author alone. */
export interface DraftProposalsStore {
  insert(documentId: string, participantId: string, draft: DraftProposal): Promise<void>;
  /** A participant's drafts in a document, oldest first. */
  ofAuthor(documentId: string, participantId: string): Promise<DraftProposal[]>;
  /** One of a participant's drafts, if it is theirs. */
  get(documentId: string, participantId: string, draftId: string): Promise<DraftProposal | undefined>;
  remove(draftId: string): Promise<boolean>;
}

/**
 * Each side's costing scenarios of a document: served to that side alone until published, then
 * fixed, with the figures they had, and read by both (decision 0023).
 */
export interface CostingScenariosStore {
  insert(record: CostingScenarioRecord): Promise<void>;
  /** A scenario of this document, if there is one of that id. */
  get(documentId: string, id: string): Promise<CostingScenarioRecord | undefined>;
  /** Replaces an unpublished scenario's name, article, settings and values; false when there is none such. */
  update(documentId: string, id: string, change: CostingScenarioChange): Promise<boolean>;
  /** Publishes an unpublished scenario; false when there is none such (publishing is once). */
  publish(documentId: string, id: string, publication: NonNullable<CostingScenarioRecord['published']>): Promise<boolean>;
  /** Removes an unpublished scenario; false when there is none such. */
  remove(documentId: string, id: string): Promise<boolean>;
  /** A side's scenarios, published or not, oldest first. */
  listForSide(documentId: string, side: BargainingSide): Promise<CostingScenarioRecord[]>;
  /** Both sides' published scenarios, in the order they were published. */
  listPublished(documentId: string): Promise<CostingScenarioRecord[]>;
}

/** Versions of documents and what each participant last saw. */
export interface VersionsStore {
  insert(record: VersionRecord): Promise<void>;
  /** Every version of a document, oldest first, without snapshots. */
  list(documentId: string): Promise<VersionHeader[]>;
  get(documentId: string, versionId: string): Promise<VersionRecord | undefined>;
  latest(documentId: string): Promise<VersionRecord | undefined>;
  /** The stored snapshots of versions `from` to `to` (numbers), oldest first. */
  snapshotPieces(documentId: string, from: number, to: number): Promise<{ number: number; snapshot: Uint8Array }[]>;
  /** The signed versions of a document, oldest first, with their snapshots. */
  signed(documentId: string): Promise<VersionRecord[]>;
  /** Records what a participant saw of the document when they last left it. */
  recordVisit(documentId: string, participantId: string, snapshot: Uint8Array, at: number): Promise<void>;
  visit(documentId: string, participantId: string): Promise<{ snapshot: Uint8Array; seenAt: number } | undefined>;
  /** What a document's versions take: how many, the bytes of their snapshots and summaries, the largest. */
  storage(documentId: string): Promise<VersionStorage>;
}

/** The steps of documents' lifecycles, appended, never changed. */
export interface LifecycleStore {
  /** Appends a step; returns its id. */
  append(event: Omit<LifecycleEventRecord, 'id'>): Promise<number>;
  /** A document's steps, oldest first. */
  listByDocument(documentId: string): Promise<LifecycleEventRecord[]>;
}

export interface ReviewFindingsStore {
  insert(record: Omit<ReviewFindingRecord, 'withdrawnAt'>): Promise<void>;
  get(documentId: string, id: string): Promise<ReviewFindingRecord | undefined>;
  listByDocument(documentId: string): Promise<ReviewFindingRecord[]>;
  withdraw(id: string, at: number): Promise<void>;
}

/** The attempts at redeeming invitation codes, counted per address and overall over a sliding window. */
export interface RedemptionAttemptsStore {
  /**
   * Counts an attempt unless its address, or all addresses together, already made as many as the
   * limits allow within the window; atomic, so that two processes cannot both take the last one.
   */
  admit(attempt: { id: string; address: string; at: number }, limits: AttemptLimits): Promise<AttemptAdmission>;
  /** Forgets an attempt (one that redeemed a real code: only wrong codes count). */
  release(id: string): Promise<void>;
}

/**
 * Workplace dialogues and their submissions (decision 0022). A service that reads a dialogue to
 * change it does so in a transaction naming `dialogueLockKey(id)`, so that two changes of one
 * dialogue take turns on every instance.
 */
export interface DialoguesStore {
  insert(record: DialogueRecord): Promise<void>;
  get(id: string): Promise<DialogueRecord | undefined>;
  /** The dialogue of a public code (codes are unique across workspaces). */
  byCode(code: string): Promise<DialogueRecord | undefined>;
  /** A workspace's dialogues, most recently changed first. */
  listInWorkspace(workspaceId: string): Promise<Dialogue[]>;
  /** Replaces a dialogue's record: its state and time of change come with it. */
  update(dialogue: Dialogue): Promise<void>;
  /** Adds a submission, numbered after the dialogue's last one; `clientKey` is the network of a public submission. */
  addSubmission(submission: Omit<Submission, 'number'>, clientKey: string | null): Promise<Submission>;
  /** The public submissions to a dialogue since a time: from one network and from all, with the oldest of each. */
  publicSubmissionsSince(
    dialogueId: string,
    clientKey: string,
    since: number,
  ): Promise<{ client: number; all: number; clientOldest: number | null; allOldest: number | null }>;
  getSubmission(dialogueId: string, id: string): Promise<Submission | undefined>;
  /** Replaces a submission's record (its topic and status come with it). */
  updateSubmission(submission: Submission): Promise<void>;
  /** A page of submissions in number order, and how many match the filter in all. */
  listSubmissions(dialogueId: string, filter: SubmissionFilter): Promise<{ items: Submission[]; total: number }>;
  /** Every topic of a dialogue's submissions not merged, with how many carry it, by topic. */
  topics(dialogueId: string): Promise<{ topic: string; count: number }[]>;
}

/** The key transactions changing a dialogue take turns on (TransactionOptions.documentId; no document has a colon in its id). */
export function dialogueLockKey(dialogueId: string): string {
  return `dialogue:${dialogueId}`;
}

/** Every repository of the store, as the store itself or one transaction offers them. */
export interface StoreRepositories {
  documents: DocumentsStore;
  updates: UpdateLogStore;
  participants: ParticipantsStore;
  invitations: InvitationsStore;
  adminTokens: AdminTokensStore;
  audit: AuditStore;
  userTemplates: UserTemplatesStore;
  userVariables: UserVariablesStore;
  internalThreads: InternalThreadsStore;
  mentionReads: MentionReadsStore;
  draftProposals: DraftProposalsStore;
  costingScenarios: CostingScenariosStore;
  versions: VersionsStore;
  lifecycle: LifecycleStore;
  reviewFindings: ReviewFindingsStore;
  redemptionAttempts: RedemptionAttemptsStore;
  workspaces: WorkspacesStore;
  authorities: AuthoritiesStore;
  accessInvitations: AccessInvitationsStore;
  dialogues: DialoguesStore;
}

/**
 * The store cannot be reached for now (hosted mode: the database is down or the network to it
 * is): the operation failed and may be tried again once it is back. An API call answers it as
 * `unavailable` (503); the sync server closes a document's sockets with 1011.
 */
export class StoreUnavailableError extends ApiError {
  constructor(cause: unknown) {
    super('unavailable', 'the server cannot reach its database for the moment; try again shortly');
    this.name = 'StoreUnavailableError';
    this.cause = cause;
  }
}

/** Where a store lives, as a worker thread is told to open its own connection to it. */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface TransactionOptions {
  /** Reads only: one consistent view of the store (no lock taken for writing). */
  readOnly?: boolean;
  /**
   * The document the transaction decides about: transactions naming the same document run one
   * after the other, even on different server instances (a check, then a write that relies on it).
   */
  documentId?: string;
}

export interface Store extends StoreRepositories {
  readonly location: StoreLocation;
  /**
   * Runs `work` in one transaction: every write it makes through `tx` is kept, or none if it
   * throws. Only `tx` is inside the transaction; what `work` does through the store itself is not.
   */
  transaction<T>(work: (tx: StoreRepositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Finishes what is under way and closes the connections. */
  close(): Promise<void>;
}
