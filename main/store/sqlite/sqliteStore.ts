import type { Store, StoreRepositories } from '#main/store/port';
import { createAdminTokensRepo } from '#main/store/sqlite/adminTokensRepo';
import { createAuditLog } from '#main/store/sqlite/auditLog';
import { openDatabase, openDatabaseReader, type OpenDatabaseOptions, type SqliteDatabase } from '#main/store/sqlite/database';
import { createDialoguesRepo } from '#main/store/sqlite/dialoguesRepo';
import { createCostingScenariosRepo } from '#main/store/sqlite/costingScenariosRepo';
import { createDocumentsRepo } from '#main/store/sqlite/documentsRepo';
import { createDraftProposalsRepo } from '#main/store/sqlite/draftProposalsRepo';
import { createInternalThreadsRepo } from '#main/store/sqlite/internalThreadsRepo';
import { createInvitationsRepo } from '#main/store/sqlite/invitationsRepo';
import { createLifecycleRepo } from '#main/store/sqlite/lifecycleRepo';
import { createMentionReadsRepo } from '#main/store/sqlite/mentionReadsRepo';
import { createParticipantsRepo } from '#main/store/sqlite/participantsRepo';
import { createRedemptionAttemptsRepo } from '#main/store/sqlite/redemptionAttemptsRepo';
import { createReviewFindingsRepo } from '#main/store/sqlite/reviewFindingsRepo';
import { createUpdateLog } from '#main/store/sqlite/updateLog';
import { createUserTemplatesRepo } from '#main/store/sqlite/userTemplatesRepo';
import { createUserVariablesRepo } from '#main/store/sqlite/userVariablesRepo';
import { createVersionsRepo } from '#main/store/sqlite/versionsRepo';
import { createAccessInvitationsRepo, createAuthoritiesRepo, createWorkspacesRepo } from '#main/store/sqlite/workspacesRepo';

/** Every repository over one SQLite connection, synchronous as better-sqlite3 is. */
function createSqliteRepositories(db: SqliteDatabase) {
  return {
    documents: createDocumentsRepo(db),
    updates: createUpdateLog(db),
    participants: createParticipantsRepo(db),
    invitations: createInvitationsRepo(db),
    adminTokens: createAdminTokensRepo(db),
    audit: createAuditLog(db),
    userTemplates: createUserTemplatesRepo(db),
    userVariables: createUserVariablesRepo(db),
    internalThreads: createInternalThreadsRepo(db),
    mentionReads: createMentionReadsRepo(db),
    draftProposals: createDraftProposalsRepo(db),
    costingScenarios: createCostingScenariosRepo(db),
    versions: createVersionsRepo(db),
    lifecycle: createLifecycleRepo(db),
    reviewFindings: createReviewFindingsRepo(db),
    redemptionAttempts: createRedemptionAttemptsRepo(db),
    workspaces: createWorkspacesRepo(db),
    authorities: createAuthoritiesRepo(db),
    accessInvitations: createAccessInvitationsRepo(db),
    dialogues: createDialoguesRepo(db),
  };
}

type SqliteRepositories = ReturnType<typeof createSqliteRepositories>;

/**
 * One connection serves every caller, so while a transaction is open (across the awaits of its
 * work) nothing else may run a statement on it: that statement would join the transaction, see
 * its uncommitted writes and vanish with its rollback. Transactions take turns, and calls made
 * outside them wait for the one under way.
 */
class ConnectionTurns {
  private current: Promise<void> | null = null;

  /** What a call outside transactions waits for, or null when the connection is free. */
  get busy(): Promise<void> | null {
    return this.current;
  }

  async take<T>(work: () => Promise<T>): Promise<T> {
    while (this.current) await this.current;
    let release = (): void => {};
    this.current = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      return await work();
    } finally {
      this.current = null;
      release();
    }
  }
}

/** The repositories with each method returning a promise of what it returned. */
type Promised<T> = { [R in keyof T]: { [M in keyof T[R]]: T[R][M] extends (...args: infer A) => infer V ? (...args: A) => Promise<V> : never } };

/**
 * The repositories as the port has them: each method asynchronous, waiting while `busy` says so.
 * (Assigning the result to StoreRepositories checks that they have the port's methods.)
 */
function asPort(repositories: SqliteRepositories, busy: () => Promise<void> | null): Promised<SqliteRepositories> {
  const port: Record<string, Record<string, unknown>> = {};
  for (const [name, repository] of Object.entries(repositories)) {
    const methods: Record<string, unknown> = {};
    for (const [methodName, method] of Object.entries(repository as Record<string, (...args: unknown[]) => unknown>)) {
      methods[methodName] = async (...args: unknown[]) => {
        for (let waiting = busy(); waiting; waiting = busy()) await waiting;
        return method(...args);
      };
    }
    port[name] = methods;
  }
  return port as Promised<SqliteRepositories>;
}

/** The embedded store: a SQLite file through better-sqlite3, behind the port. */
export function createSqliteStore(db: SqliteDatabase): Store {
  const repositories = createSqliteRepositories(db);
  const turns = new ConnectionTurns();
  const outside: StoreRepositories = asPort(repositories, () => turns.busy);
  const inside: StoreRepositories = asPort(repositories, () => null);
  return {
    ...outside,
    location: { kind: 'sqlite', file: db.name },
    transaction: (work, options) =>
      turns.take(async () => {
        // A reader's transaction takes no write lock (and a read-only connection could not).
        db.exec(options?.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
        try {
          const result = await work(inside);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      while (turns.busy) await turns.busy;
      if (!db.open) return;
      // Folds the write-ahead log into the database file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** Opens the database file and returns the store over it. */
export function openSqliteStore(file: string, options?: OpenDatabaseOptions): Store {
  return createSqliteStore(openDatabase(file, options));
}

/**
 * The store of a database file another connection keeps (openSqliteStore), read-only: the file
 * worker reads documents through it beside the server's connection. Its writing methods throw.
 */
export function openSqliteStoreReader(file: string): Store {
  return createSqliteStore(openDatabaseReader(file));
}
