import * as Y from 'yjs';
import type { VerifyReport } from '#shared/api/versions';
import { readDocumentAt } from '#shared/versions/snapshotContent';
import type { Store } from '#main/store/store';
import type { UpdateLog } from '#main/store/updateLog';
import { contentHashOf } from '#main/versions/integrity';
import { createVersionSnapshots } from '#main/versions/versionSnapshots';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The document as stored (checkpoint and tail), never the live copy: verify checks the file. */
function loadStoredDocument(log: UpdateLog, documentId: string): Y.Doc {
  const stored = log.load(documentId);
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
export function verifyDocument(store: Store, documentId: string, now: number): VerifyReport {
  const signed = store.versions.signed(documentId);
  const snapshots = createVersionSnapshots(store);
  let doc: Y.Doc | null = null;
  try {
    doc = loadStoredDocument(store.updates, documentId);
  } catch {
    doc = null;
  }
  let expectedPrevious: string | null = null;
  const versions = signed.map((version) => {
    let recomputedHash: string | null = null;
    try {
      if (doc) recomputedHash = contentHashOf(readDocumentAt(doc, snapshots.snapshotOf(version)));
    } catch {
      recomputedHash = null;
    }
    const status: VerifyReport['versions'][number]['status'] =
      recomputedHash === null ? 'unreadable' : recomputedHash !== version.contentHash ? 'content_mismatch' : version.previousHash !== expectedPrevious ? 'chain_broken' : 'ok';
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
