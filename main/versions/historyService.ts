import * as Y from 'yjs';
import type { CallContext } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { Attribution, Comparison, VersionMeta, VersionRef } from '#shared/api/versions';
import { readContent, variablesMap } from '#shared/document/yjsContent';
import { agreedArticles, articleLabel, variablesShownIn } from '#shared/negotiation/agreedLock';
import { bodyDifferences } from '#shared/versions/compareBodies';
import { charactersByClient, type Contributor } from '#shared/versions/itemChanges';
import type { Person } from '#shared/versions/model';
import { writeArticle, writeDocumentText } from '#shared/versions/restoreBody';
import { articleHeadingsAt, readDocumentAt, type DocumentText } from '#shared/versions/snapshotContent';
import { visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { FileWorkers } from '#main/export/fileWorkers';
import { peopleOf, type People } from '#main/versions/people';
import type { ComparisonEnd, ContributedCharacters } from '#main/versions/storedComparison';
import type { HistoryActor, VersionsService } from '#main/versions/versionsService';

const iso = (ms: number): string => new Date(ms).toISOString();

/** One end of a comparison: what the file worker reads, and how the answer names it. */
interface End {
  read: ComparisonEnd;
  info: Comparison['from'];
}

function authorsOf(byPerson: ReadonlyMap<Contributor, ContributedCharacters> | undefined, people: People): Comparison['articles'][number]['authors'] {
  return [...(byPerson ?? new Map<Contributor, ContributedCharacters>())]
    .map(([participantId, counts]) => ({ person: people(participantId), insertedChars: counts.inserted, deletedChars: counts.deleted }))
    .sort((a, b) => b.insertedChars + b.deletedChars - (a.insertedChars + a.deletedChars));
}

/**
 * Refuses a change that would alter what both sides agreed (S23): an agreed article's text, or a
 * value an agreed article shows. The change is tried on a copy of the document first.
 */
function refuseChangesToAgreed(live: Y.Doc, change: (doc: Y.Doc) => void): void {
  const agreed = agreedArticles(live);
  if (agreed.size === 0) return;
  const trial = new Y.Doc();
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(live));
    change(trial);
    const articles = bodyDifferences(readContent(live), readContent(trial)).filter(
      (difference) => agreed.has(difference.clauseId) && (difference.textChanged || difference.status === 'removed'),
    );
    const before = variablesMap(live).toJSON();
    const after = variablesMap(trial).toJSON();
    const shown = variablesShownIn(live, agreed);
    const values = [...shown.keys()].filter((id) => before[id] !== after[id]);
    if (articles.length === 0 && values.length === 0) return;
    const named = [...new Set([...articles.map((difference) => difference.clauseId), ...values.flatMap((id) => shown.get(id) ?? [])])].map((clauseId) =>
      articleLabel(live, clauseId),
    );
    throw new ApiError(
      'conflict',
      `this would change what both sides agreed (${named.join(', ')}): change it through a proposal the other side accepts, or reopen it with the other side's consent first`,
      { reason: { key: 'restore_changes_agreed' } },
    );
  } finally {
    trial.destroy();
  }
}

/**
 * Comparison, "since my last visit", restore and attribution. A comparison is read and drawn in
 * the file worker, from the store (decision 0014): the event loop names the two ends and stores
 * what the document's room holds first, so that no comparison, however many edits it reads or
 * however large its redlines, holds up the relaying of edits.
 */
export function createHistoryService(context: ServiceContext, rooms: DocumentRooms, versions: VersionsService, workers: FileWorkers) {
  const { store } = context;

  async function endOf(documentId: string, ref: VersionRef): Promise<End> {
    if (ref === 'current') return { read: { kind: 'current' }, info: { versionId: null, number: null, at: iso(context.now()), kind: 'current' } };
    const version = await versions.findVersion(documentId, ref);
    const { id, number, snapshotBase } = version;
    return {
      read: { kind: 'version', version: { id, documentId, number, snapshotBase } },
      info: { versionId: version.id, number: version.number, at: iso(version.createdAt), kind: 'version' },
    };
  }

  /** Compares two ends article by article in the file worker, then names who made each article's changes; the caller going stops it. */
  async function compareEnds(documentId: string, from: End, to: End, call: CallContext | undefined): Promise<Comparison> {
    await rooms.storeForReaders(documentId);
    const compared = await workers.compareVersions(store.location, { documentId, from: from.read, to: to.read }, call?.signal);
    const people = await peopleOf(store, documentId);
    const count = (status: string): number => compared.articles.filter((change) => change.status === status).length;
    return {
      from: from.info,
      to: to.info,
      articles: compared.articles.map((change) => ({ ...change, authors: authorsOf(compared.authors.get(change.clauseId), people) })),
      variables: compared.variables,
      counts: { added: count('added'), removed: count('removed'), moved: count('moved'), changed: count('changed') },
    };
  }

  /** Writes a past text into the document as a new change, then records it as a version. */
  async function restoreWith(
    documentId: string,
    versionId: string,
    caller: Caller,
    action: string,
    write: (doc: Y.Doc, past: DocumentText) => boolean,
    details: Record<string, unknown>,
  ): Promise<VersionMeta> {
    // A text put to the vote or signed changes only through an amendment round (LC Art. 82).
    const actor: HistoryActor = await versions.actorFor(caller, documentId, true);
    const version = await versions.findVersion(documentId, versionId);
    const snapshot = await versions.snapshotOf(version);
    const record = await rooms.withRoom(documentId, (room) =>
      room.exclusive(async () => {
        const past = readDocumentAt(room.doc, snapshot);
        // The text as it is goes into a version first (unless one already holds it), so that a
        // restore can itself be undone by restoring, and says exactly what it changed.
        refuseChangesToAgreed(room.doc, (doc) => write(doc, past));
        await versions.writeVersion(room, { kind: 'automatic', name: null, authorId: actor.participantId, onlyIfTextChanged: true });
        let isWritten = true;
        const isChanged = await room.change(actor.participantId, (doc) => {
          isWritten = write(doc, past);
        });
        if (!isWritten) throw new ApiError('not_found', 'that article is not in this version', { reason: { key: 'version_article_missing' } });
        if (!isChanged) throw new ApiError('conflict', 'the document already has this text', { reason: { key: 'already_this_text' } });
        return versions.writeVersion(room, { kind: 'restore', name: null, authorId: actor.participantId, restoredFrom: version.id });
      }),
    );
    if (!record) throw new ApiError('internal', 'the restore was not recorded');
    await versions.audit(caller, action, documentId, { versionId, newVersionId: record.id, ...details });
    return versions.metaOf(documentId, record);
  }

  async function compare(documentId: string, from: VersionRef, to: VersionRef, caller: Caller, call?: CallContext): Promise<Comparison> {
    await visibleDocument(context, caller, documentId);
    return compareEnds(documentId, await endOf(documentId, from), await endOf(documentId, to), call);
  }

  return {
    compare,

    /** What changed since the caller last left the document (or since a version the client names). */
    async sinceLastVisit(
      documentId: string,
      caller: Caller,
      versionId?: string,
      call?: CallContext,
    ): Promise<{ since: string | null; comparison: Comparison | null }> {
      await visibleDocument(context, caller, documentId);
      if (versionId) {
        const comparison = await compare(documentId, versionId, 'current', caller, call);
        return { since: comparison.from.at, comparison };
      }
      if (caller.kind !== 'participant') throw new ApiError('invalid_input', 'the host has no recorded visits: name the version to compare with (versionId)');
      const visit = await store.versions.visit(documentId, caller.participantId);
      if (!visit) return { since: null, comparison: null };
      const since: End = {
        read: { kind: 'snapshot', snapshot: visit.snapshot },
        info: { versionId: null, number: null, at: iso(visit.seenAt), kind: 'visit' },
      };
      return { since: iso(visit.seenAt), comparison: await compareEnds(documentId, since, await endOf(documentId, 'current'), call) };
    },

    /** A past version becomes the current text, as a new change: history is never rewritten. */
    restore(documentId: string, versionId: string, caller: Caller): Promise<VersionMeta> {
      return restoreWith(
        documentId,
        versionId,
        caller,
        'version.restored',
        (doc, past) => {
          writeDocumentText(doc, past);
          return true;
        },
        {},
      );
    },

    /** Copies one article back from a past version (in place, or where it stood). */
    restoreArticle(documentId: string, versionId: string, clauseId: string, caller: Caller): Promise<VersionMeta> {
      return restoreWith(documentId, versionId, caller, 'version.article_restored', (doc, past) => writeArticle(doc, past.blocks, clauseId), { clauseId });
    },

    /** Who wrote each article's current text: characters per person and per side. */
    async attribution(documentId: string, caller: Caller): Promise<Attribution> {
      await visibleDocument(context, caller, documentId);
      const people = await peopleOf(store, documentId);
      return rooms.withRoom(documentId, (room) => {
        const headings = articleHeadingsAt(room.doc);
        const counts = charactersByClient(new Map([...headings].map(([clauseId, heading]) => [clauseId, heading.type])));
        const bySide = new Map<Person['side'], number>();
        const articles = [...headings].map(([clauseId, heading]) => {
          const byPerson = new Map<string | null, number>();
          for (const [clientId, chars] of counts.get(clauseId) ?? []) {
            const owner = room.ownerOfClient(clientId) ?? null;
            byPerson.set(owner, (byPerson.get(owner) ?? 0) + chars);
          }
          const shares = [...byPerson].map(([participantId, chars]) => ({ person: people(participantId), chars })).sort((a, b) => b.chars - a.chars);
          for (const share of shares) bySide.set(share.person.side, (bySide.get(share.person.side) ?? 0) + share.chars);
          return { clauseId, number: heading.number, title: heading.title, totalChars: shares.reduce((sum, share) => sum + share.chars, 0), shares };
        });
        const sides = [...bySide].map(([side, chars]) => ({ side, chars })).sort((a, b) => b.chars - a.chars);
        return { articles, sides };
      });
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
