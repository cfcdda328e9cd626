import * as Y from 'yjs';
import type { VerifyReport } from '#shared/api/versions';
import { readDocumentAt } from '#shared/versions/snapshotContent';
import type { Store, UpdateLogStore } from '#main/store/port';
import { contentHashOf } from '#main/versions/integrity';
import { createVersionSnapshots } from '#main/versions/versionSnapshots';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The document as stored (checkpoint and tail), never the live copy: verify checks the file. */
async function loadStoredDocument(log: UpdateLogStore, documentId: string): Promise<Y.Doc> {
  const stored = await log.load(documentId);
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint.state);
    for (const update of stored.tail) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * Recomputes the chain of signed versions from what the database holds now: each signed
 * version's text is rebuilt from its stored snapshot over the stored document, hashed again and
 * compared with the hash stored when it was signed; each must name the previous one's hash.
 */
export async function verifyDocument(store: Store, documentId: string, now: number): Promise<VerifyReport> {
  const signed = await store.versions.signed(documentId);
  const snapshots = createVersionSnapshots(store);
  let doc: Y.Doc | null = null;
  try {
    doc = await loadStoredDocument(store.updates, documentId);
  } catch {
    doc = null;
  }
  const recomputed = await Promise.all(
    signed.map(async (version) => {
      try {
        return doc ? contentHashOf(readDocumentAt(doc, await snapshots.snapshotOf(version))) : null;
      } catch {
        return null;
      }
    }),
  );
  let expectedPrevious: string | null = null;
  const versions = signed.map((version, index) => {
    const recomputedHash = recomputed[index] ?? null;
    const status: VerifyReport['versions'][number]['status'] =
      recomputedHash === null
        ? 'unreadable'
        : recomputedHash !== version.contentHash
          ? 'content_mismatch'
          : version.previousHash !== expectedPrevious
            ? 'chain_broken'
            : 'ok';
    const row = {
      versionId: version.id,
      number: version.number,
      name: version.name,
      createdAt: iso(version.createdAt),
      status,
      contentHash: version.contentHash,
      recomputedHash,
      previousHash: version.previousHash,
      expectedPreviousHash: expectedPrevious,
    };
    expectedPrevious = version.contentHash;
    return row;
  });
  doc?.destroy();
  return { documentId, ok: versions.every((version) => version.status === 'ok'), checkedAt: iso(now), versions };
}
