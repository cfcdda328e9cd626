import type { DocumentKind } from '#shared/documents/kinds';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Side } from '#shared/sides';
import type { ArticleTemplate, VariableDefinition } from '#shared/templates/schema';

/** Rows as the store returns them. Times are milliseconds since the Unix epoch. */

export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  title: string;
  lifecycleState: LifecycleState;
  createdAt: number;
  updatedAt: number;
  archivedAt: number | null;
}

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
  createdAt: number;
  revokedAt: number | null;
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
export interface StoredDocumentState {
  checkpoint: { seq: number; state: Uint8Array } | null;
  tail: Uint8Array[];
  lastSeq: number;
  tailBytes: number;
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
