import type { DocumentKind } from '#shared/documents/kinds';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Side } from '#shared/sides';

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
