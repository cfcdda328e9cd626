import * as Y from 'yjs';
import { articlesOf } from '#shared/document/articles';
import type { TopLevelBlock } from '#shared/document/nodes';
import { encodeVersionSnapshot } from '#shared/versions/deleteSets';
import type { VersionRecord } from '#main/store/records';

/**
 * Version 1 of a new document: the text it was created with (blank, from templates or imported),
 * so that every later text can be compared with it and restored to it. Its snapshot is the state
 * vector of the seeding update, with nothing deleted.
 */
export function initialVersionRecord(input: { id: string; documentId: string; seed: Uint8Array; blocks: readonly TopLevelBlock[]; at: number }): VersionRecord {
  const stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(input.seed));
  return {
    id: input.id,
    documentId: input.documentId,
    number: 1,
    kind: 'initial',
    name: null,
    authorId: null,
    side: null,
    createdAt: input.at,
    snapshot: encodeVersionSnapshot(stateVector, Y.createDeleteSet()),
    snapshotBase: 1,
    // The articles it was created with are counted, not listed: a long agreement would make version 1 large.
    summary: {
      added: [],
      articleCount: articlesOf(input.blocks).length,
      removed: [],
      moved: [],
      changed: [],
      variables: [],
      contributors: [null],
    },
    restoredFrom: null,
    contentHash: null,
    previousHash: null,
  };
}
