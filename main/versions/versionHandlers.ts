import type { ApiHandlers } from '#shared/api/contract';
import type { versionMethods } from '#shared/api/versions';
import { visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { FileWorkers } from '#main/export/fileWorkers';
import { realTimers } from '#main/kernel/timers';
import { createAutomaticVersions } from '#main/versions/automaticVersions';
import { createHistoryService } from '#main/versions/historyService';
import { createVersionsService } from '#main/versions/versionsService';
import { verifyDocument } from '#main/versions/verifyService';

type VersionMethod = keyof typeof versionMethods;

/** A person's edits become an automatic version after this long without an edit of theirs. */
export const defaultVersionIdleMs = 3 * 60_000;

/**
 * The version-history half of the API, and the automatic versions: each person's edits become a
 * version once they stop editing for a while (`context.versioning.idleMs`) or leave the document;
 * what they saw when they left is their last visit. Comparisons draw their redlines in `workers`.
 */
export function createVersionHandlers(context: ServiceContext, rooms: DocumentRooms, workers: FileWorkers): Pick<ApiHandlers, VersionMethod> {
  const versions = createVersionsService(context, rooms);
  const history = createHistoryService(context, rooms, versions, workers);

  /** An automatic version of what a participant did, and (when they left) what they saw; a failure is logged. */
  const afterEditing = async (documentId: string, participantId: string, left: boolean): Promise<void> => {
    try {
      await rooms.withRoom(documentId, (room) =>
        room.exclusive(async () => {
          if (!room.isAvailable) return;
          if (!left || automatic.take(documentId, participantId))
            await versions.writeVersion(room, { kind: 'automatic', name: null, authorId: participantId, onlyIfTextChanged: true });
          if (left) await versions.recordVisit(room, participantId);
        }),
      );
    } catch (error) {
      context.logger.log('error', left ? 'versions.leave_failed' : 'versions.automatic_failed', { document: documentId, participant: participantId, error });
    }
  };
  const automatic = createAutomaticVersions({
    idleMs: context.versioning?.idleMs ?? defaultVersionIdleMs,
    now: context.now,
    timers: context.versioning?.timers ?? realTimers,
    onIdle: (documentId, participantId) => void afterEditing(documentId, participantId, false),
  });

  context.events.on('documentEdited', ({ documentId, participantIds }) => automatic.noteEdits(documentId, participantIds));
  context.events.on('participantLeft', ({ documentId, participantId }) => afterEditing(documentId, participantId, true));

  return {
    'versions/list': async ({ documentId, namedOnly }, caller) => versions.list(documentId, caller, namedOnly),
    'versions/create': async ({ documentId, name }, caller) => versions.createNamed(documentId, name, caller),
    'versions/sign': async ({ documentId, name }, caller) => {
      await visibleDocument(context, caller, documentId);
      const record = await rooms.withRoom(documentId, (room) =>
        room.exclusive(async () => {
          await room.flush();
          return context.store.transaction((tx) => versions.createSignedVersion(room, { participantId: null, name: name ?? null }, tx, caller), { documentId });
        }),
      );
      return versions.metaOf(documentId, record);
    },
    'versions/get': async ({ documentId, versionId }, caller) => {
      const { version, text } = await versions.get(documentId, versionId, caller);
      return { version, blocks: text.blocks, variables: text.variables };
    },
    'versions/compare': async ({ documentId, from, to }, caller, call) => history.compare(documentId, from, to, caller, call),
    'versions/sinceLastVisit': async ({ documentId, versionId }, caller, call) => history.sinceLastVisit(documentId, caller, versionId, call),
    'versions/restore': async ({ documentId, versionId }, caller) => history.restore(documentId, versionId, caller),
    'versions/restoreArticle': async ({ documentId, versionId, clauseId }, caller) => history.restoreArticle(documentId, versionId, clauseId, caller),
    'versions/attribution': async ({ documentId }, caller) => history.attribution(documentId, caller),
    'versions/verify': async ({ documentId }, caller) => {
      await visibleDocument(context, caller, documentId);
      const report = await verifyDocument(context.store, documentId, context.now());
      const failed = report.versions.filter((version) => version.status !== 'ok').map((version) => ({ number: version.number, status: version.status }));
      await versions.audit(caller, 'version.verified', documentId, { ok: report.ok, signed: report.versions.length, failed });
      return report;
    },
  };
}
