import { createAdminTokensRepo } from '#main/store/adminTokensRepo';
import { createAuditLog } from '#main/store/auditLog';
import { openDatabase, openDatabaseReader, type OpenDatabaseOptions, type SqliteDatabase } from '#main/store/database';
import { createDocumentsRepo } from '#main/store/documentsRepo';
import { createInvitationsRepo } from '#main/store/invitationsRepo';
import { createParticipantsRepo } from '#main/store/participantsRepo';
import { createUpdateLog } from '#main/store/updateLog';
import { createUserTemplatesRepo } from '#main/store/userTemplatesRepo';
import { createUserVariablesRepo } from '#main/store/userVariablesRepo';
import { createInternalThreadsRepo } from '#main/store/internalThreadsRepo';
import { createVersionsRepo } from '#main/store/versionsRepo';
import { createLifecycleRepo } from '#main/store/lifecycleRepo';
import { createReviewFindingsRepo } from '#main/store/reviewFindingsRepo';
import { createDraftProposalsRepo } from '#main/store/draftProposalsRepo';
import { createRedemptionAttemptsRepo } from '#main/store/redemptionAttemptsRepo';

export type Store = ReturnType<typeof createStore>;

/** Every repository over one database; the only place in the program that holds SQL. */
export function createStore(db: SqliteDatabase) {
  return {
    /** The database file, for a reader beside this connection (openStoreReader). */
    file: db.name,
    documents: createDocumentsRepo(db),
    updates: createUpdateLog(db),
    participants: createParticipantsRepo(db),
    invitations: createInvitationsRepo(db),
    adminTokens: createAdminTokensRepo(db),
    audit: createAuditLog(db),
    userTemplates: createUserTemplatesRepo(db),
    userVariables: createUserVariablesRepo(db),
    internalThreads: createInternalThreadsRepo(db),
    draftProposals: createDraftProposalsRepo(db),
    versions: createVersionsRepo(db),
    lifecycle: createLifecycleRepo(db),
    reviewFindings: createReviewFindingsRepo(db),
    redemptionAttempts: createRedemptionAttemptsRepo(db),
    /** Runs fn in one transaction (fn must not await: better-sqlite3 is synchronous). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    /** Folds the write-ahead log into the database file and closes it. */
    close(): void {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** Opens the database file and returns the store over it. */
export function openStore(file: string, options?: OpenDatabaseOptions): Store {
  return createStore(openDatabase(file, options));
}

/**
 * The store of a database file another connection keeps (openStore), read-only: the file worker
 * reads documents through it beside the server's connection. Its writing methods throw.
 */
export function openStoreReader(file: string): Store {
  return createStore(openDatabaseReader(file));
}
