import type { ApiHandlers } from '#shared/api/contract';
import type { versionMethods } from '#shared/api/versions';
import { visibleDocument } from '#main/services/access';
import type { DocumentRooms } from '#main/services/documentRooms';
import type { ServiceContext } from '#main/services/serviceContext';
import type { FileWorkers } from '#main/export/fileWorkers';
import { realTimers } from '#main/services/timers';
import type { VersionRecord } from '#main/store/records';
import { createAutomaticVersions } from '#main/versions/automaticVersions';
import { createHistoryService } from '#main/versions/historyService';
import { createVersionsService } from '#main/versions/versionsService';
import { verifyDocument } from '#main/versions/verifyService';

type VersionMethod = keyof typeof versionMethods;

/** A person's edits become an automatic version after this long without an edit of theirs. */
export const defaultVersionIdleMs = 3 * 60_000;

/**
 * Makes the signed version of a document (the document lifecycle calls this when an agreement is
 * signed): its canonical text is hashed and chained to the previous signed version.
 */
export function createSignedVersion(context: ServiceContext, rooms: DocumentRooms, documentId: string, by: { participantId: string | null; name?: string | null }): VersionRecord {
  return createVersionsService(context, rooms).createSignedVersion(documentId, by);
}

/** Makes the version of the text put to the workers' vote, with its content hash (the lifecycle calls this). */
export function createVotedVersion(context: ServiceContext, rooms: DocumentRooms, documentId: string, by: { participantId: string | null; name: string }): { record: VersionRecord; contentHash: string } {
  return createVersionsService(context, rooms).createVotedVersion(documentId, by);
}

/** The content hash the text would have as a signed version now (the lifecycle compares it with the voted text). */
export function currentNegotiatedHash(context: ServiceContext, rooms: DocumentRooms, documentId: string): string {
  return createVersionsService(context, rooms).currentNegotiatedHash(documentId);
}

/**
 * The version-history half of the API, and the automatic versions: each person's edits become a
 * version once they stop editing for a while (`context.versioning.idleMs`) or leave the document;
 * what they saw when they left is their last visit. Comparisons draw their redlines in `workers`.
 */
export function createVersionHandlers(context: ServiceContext, rooms: DocumentRooms, workers: FileWorkers): Pick<ApiHandlers, VersionMethod> {
  const versions = createVersionsService(context, rooms);
  const history = createHistoryService(context, rooms, versions, workers);

  const makeAutomatic = (documentId: string, participantId: string): void => {
    try {
      rooms.withRoom(documentId, (room) => {
        if (room.isAvailable) versions.writeVersion(room, documentId, { kind: 'automatic', name: null, authorId: participantId, onlyIfTextChanged: true });
      });
    } catch (error) {
      context.logger.log('error', 'versions.automatic_failed', { document: documentId, participant: participantId, error });
    }
  };
  const automatic = createAutomaticVersions({ idleMs: context.versioning?.idleMs ?? defaultVersionIdleMs, now: context.now, timers: context.versioning?.timers ?? realTimers, onIdle: makeAutomatic });

  context.events.on('documentEdited', ({ documentId, participantIds }) => automatic.noteEdits(documentId, participantIds));
  context.events.on('participantLeft', ({ documentId, participantId }) => {
    try {
      rooms.withRoom(documentId, (room) => {
        if (!room.isAvailable) return;
        if (automatic.take(documentId, participantId)) versions.writeVersion(room, documentId, { kind: 'automatic', name: null, authorId: participantId, onlyIfTextChanged: true });
        versions.recordVisit(room, documentId, participantId);
      });
    } catch (error) {
      context.logger.log('error', 'versions.leave_failed', { document: documentId, participant: participantId, error });
    }
  });

  return {
    'versions/list': async ({ documentId, namedOnly }, caller) => versions.list(documentId, caller, namedOnly),
    'versions/create': async ({ documentId, name }, caller) => versions.createNamed(documentId, name, caller),
    'versions/sign': async ({ documentId, name }, caller) => {
      visibleDocument(context, caller, documentId);
      return versions.metaOf(documentId, versions.createSignedVersion(documentId, { participantId: null, name: name ?? null }, caller));
    },
    'versions/get': async ({ documentId, versionId }, caller) => {
      const { version, text } = versions.get(documentId, versionId, caller);
      return { version, blocks: text.blocks, variables: text.variables };
    },
    'versions/compare': async ({ documentId, from, to }, caller, call) => history.compare(documentId, from, to, caller, call),
    'versions/sinceLastVisit': async ({ documentId, versionId }, caller, call) => history.sinceLastVisit(documentId, caller, versionId, call),
    'versions/restore': async ({ documentId, versionId }, caller) => history.restore(documentId, versionId, caller),
    'versions/restoreArticle': async ({ documentId, versionId, clauseId }, caller) => history.restoreArticle(documentId, versionId, clauseId, caller),
    'versions/attribution': async ({ documentId }, caller) => history.attribution(documentId, caller),
    'versions/verify': async ({ documentId }, caller) => {
      visibleDocument(context, caller, documentId);
      const report = verifyDocument(context.store, documentId, context.now());
      const failed = report.versions.filter((version) => version.status !== 'ok').map((version) => ({ number: version.number, status: version.status }));
      versions.audit(caller, 'version.verified', documentId, { ok: report.ok, signed: report.versions.length, failed });
      return report;
    },
  };
}
