import type * as Y from 'yjs';
import { assembleSnapshot, encodeVersionSnapshot, subtractDeleteSet } from '#shared/versions/deleteSets';
import type { VersionHeader } from '#main/store/records';
import type { StoreRepositories } from '#main/store/port';

/** The newest version of a document, with its complete snapshot (the next one is encoded against it). */
export interface LatestVersion {
  id: string;
  number: number;
  snapshot: Y.Snapshot;
  /** The version whose stored snapshot is complete, from which this one is rebuilt. */
  base: number;
  /** Bytes of the stored pieces after the base, up to this version. */
  bytesSinceBase: number;
}

/** How a new version's snapshot is stored. */
export interface EncodedSnapshot {
  bytes: Uint8Array;
  base: number;
  bytesSinceBase: number;
}

/** A version's stored snapshot that cannot be put back together (a piece is missing or unreadable). */
export class BrokenSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokenSnapshotError';
  }
}

/**
 * Stores versions small and rebuilds their complete snapshots. A version keeps the full state
 * vector (a few bytes per writer) and only the deletions made since the version before; a complete
 * delete set is stored again once the pieces since the last complete one outweigh it, so rebuilding
 * reads at most about twice a complete snapshot, and the storage grows with the edits.
 */
export function createVersionSnapshots(store: Pick<StoreRepositories, 'versions'>) {
  const latestByDocument = new Map<string, LatestVersion>();

  async function assemble(
    documentId: string,
    base: number,
    number: number,
    repositories: Pick<StoreRepositories, 'versions'> = store,
  ): Promise<{ snapshot: Y.Snapshot; bytesSinceBase: number }> {
    const pieces = await repositories.versions.snapshotPieces(documentId, base, number);
    if (pieces.length !== number - base + 1 || pieces.some((piece, index) => piece.number !== base + index)) {
      throw new BrokenSnapshotError(`the stored snapshots of versions ${base} to ${number} are incomplete`);
    }
    try {
      return {
        snapshot: assembleSnapshot(pieces.map((piece) => piece.snapshot)),
        bytesSinceBase: pieces.slice(1).reduce((sum, piece) => sum + piece.snapshot.length, 0),
      };
    } catch (error) {
      throw new BrokenSnapshotError(`the stored snapshot of version ${number} cannot be read (${(error as Error).message})`);
    }
  }

  return {
    /** The complete snapshot of a stored version. */
    async snapshotOf(version: Pick<VersionHeader, 'id' | 'documentId' | 'number' | 'snapshotBase'>): Promise<Y.Snapshot> {
      const latest = latestByDocument.get(version.documentId);
      if (latest && latest.id === version.id) return latest.snapshot;
      if (version.snapshotBase > version.number || version.snapshotBase < 1)
        throw new BrokenSnapshotError(`version ${version.number} names an impossible base (${version.snapshotBase})`);
      return (await assemble(version.documentId, version.snapshotBase, version.number)).snapshot;
    },

    /**
     * The newest version of a document (cached, checked against the database), or null. Inside a
     * transaction, read through it (`repositories`): the store itself waits for the transaction.
     */
    async latestOf(documentId: string, repositories: Pick<StoreRepositories, 'versions'> = store): Promise<LatestVersion | null> {
      const row = await repositories.versions.latest(documentId);
      if (!row) {
        latestByDocument.delete(documentId);
        return null;
      }
      const cached = latestByDocument.get(documentId);
      if (cached && cached.id === row.id) return cached;
      const { snapshot, bytesSinceBase } = await assemble(documentId, row.snapshotBase, row.number, repositories);
      const latest = { id: row.id, number: row.number, snapshot, base: row.snapshotBase, bytesSinceBase };
      latestByDocument.set(documentId, latest);
      return latest;
    },

    /** Encodes the snapshot of version `number` against the previous version (complete when `complete`). */
    encode(current: Y.Snapshot, number: number, previous: LatestVersion | null, complete: boolean): EncodedSnapshot {
      const full = encodeVersionSnapshot(current.sv, current.ds);
      if (!previous || complete) return { bytes: full, base: number, bytesSinceBase: 0 };
      const delta = encodeVersionSnapshot(current.sv, subtractDeleteSet(current.ds, previous.snapshot.ds));
      // Once the pieces since the last complete snapshot outweigh a complete one, store it again.
      if (previous.bytesSinceBase + delta.length > full.length) return { bytes: full, base: number, bytesSinceBase: 0 };
      return { bytes: delta, base: previous.base, bytesSinceBase: previous.bytesSinceBase + delta.length };
    },

    /** Remembers a version just stored as the newest of its document. */
    remember(documentId: string, latest: LatestVersion): void {
      latestByDocument.set(documentId, latest);
    },
  };
}

export type VersionSnapshots = ReturnType<typeof createVersionSnapshots>;
