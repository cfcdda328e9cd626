import type { DocumentMeta } from '#shared/api/documents';
import type { Participant } from '#shared/api/participants';
import type { UserTemplate } from '#shared/api/templates';
import type { DocumentRecord, ParticipantRecord, UserTemplateRecord } from '#main/store/records';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function toDocumentMeta(record: DocumentRecord): DocumentMeta {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    lifecycleState: record.lifecycleState,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archivedAt: isoOrNull(record.archivedAt),
  };
}

export function toParticipant(record: ParticipantRecord): Participant {
  return {
    id: record.id,
    documentId: record.documentId,
    displayName: record.displayName,
    side: record.side,
    joinedAt: iso(record.joinedAt),
    revokedAt: isoOrNull(record.revokedAt),
  };
}

export function toUserTemplate(record: UserTemplateRecord): UserTemplate {
  return {
    id: record.id,
    ownerSide: record.ownerSide,
    createdBy: record.createdBy,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    template: record.template,
  };
}
