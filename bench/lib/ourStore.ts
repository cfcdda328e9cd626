import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryLogger } from '#main/logger';
import { randomId } from '#main/secrets';
import { databaseFileName } from '#main/server/dataFolder';
import { openStore } from '#main/store/openStore';
import type { Store, UpdateLogStore } from '#main/store/port';
import { PersistentDoc } from '#main/sync/persistentDoc';
import { checkUpdates, createWritePolicy } from '#main/sync/writePolicy';
import { templateLibrary } from '#shared/templates/library';
import { BenchmarkError } from './benchmark';

/** Our store in a data folder, with one document to write to, as server mode opens it. */
export interface OurDocumentStore {
  readonly file: string;
  readonly store: Store;
  readonly documentId: string;
}

/** Opens (creating) the database of a data folder and adds an empty document. */
export async function createDocumentStore(folder: string): Promise<OurDocumentStore> {
  const file = join(folder, databaseFileName);
  const store = await openStore({ kind: 'sqlite', file });
  return { file, store, documentId: await insertBenchDocument(store) };
}

/** Adds an empty document to `store` (any adapter); returns its id. */
export async function insertBenchDocument(store: Store): Promise<string> {
  const now = Date.now();
  const documentId = randomId();
  await store.documents.insert({
    id: documentId,
    kind: 'enterprise_agreement',
    title: 'Bench: automerge-paper',
    lifecycleState: 'drafting',
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
  });
  return documentId;
}

/** The update log, counting compactions (for the report; it only adds a counter). */
export function countingLog(log: UpdateLogStore): { log: UpdateLogStore; compactions: () => number } {
  let compactions = 0;
  return {
    log: {
      ...log,
      compact(documentId, throughSeq, state, at, deletions) {
        compactions += 1;
        return log.compact(documentId, throughSeq, state, at, deletions);
      },
    },
    compactions: () => compactions,
  };
}

/**
 * A PersistentDoc wired as DocumentRoom wires it, plus a way to await the group commit of
 * what one event-loop turn received. A storage failure rejects that wait.
 */
const builtInVariables = new Map(templateLibrary().variables.map((variable) => [variable.id, variable]));
const lookupBuiltInVariable = (id: string) => builtInVariables.get(id);

export async function openPersistentDoc(log: UpdateLogStore, documentId: string) {
  let settle: ((error?: unknown) => void) | null = null;
  let failure: unknown = null;
  const doc = await PersistentDoc.open<string>({
    documentId,
    log,
    logger: createMemoryLogger(),
    now: () => Date.now(),
    // The same check the sync server runs on every client update (which parts it touches, valid values).
    admit: checkUpdates(createWritePolicy(lookupBuiltInVariable)),
    onStored: () => settle?.(),
    onStorageFailure: (error) => {
      failure = error ?? new Error('unknown storage failure');
      settle?.(failure);
    },
  });
  const storageError = (error: unknown): BenchmarkError =>
    new BenchmarkError(`PersistentDoc could not store: ${error instanceof Error ? error.message : String(error)}`);
  return {
    doc,
    /** Throws if storing (or compacting) ever failed. */
    assertHealthy(): void {
      if (failure !== null) throw storageError(failure);
    },
    /** Resolves once the next flush (the one setImmediate scheduled for this turn) has stored its batch. */
    nextCommit(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        settle = (error) => {
          settle = null;
          if (error === undefined) resolve();
          else reject(storageError(error));
        };
      });
    },
  };
}

/** Bytes of the database on disk: the main file and its write-ahead log, if any. */
export function databaseBytes(file: string): { main: number; wal: number } {
  const wal = `${file}-wal`;
  return { main: statSync(file).size, wal: existsSync(wal) ? statSync(wal).size : 0 };
}
