import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readAppVersion } from '#main/appVersion';
import type { Logger } from '#main/logger';
import { randomId } from '#main/secrets';
import { createAuthentication } from '#main/kernel/authentication';
import type { ServiceContext, VersioningOptions } from '#main/kernel/serviceContext';
import { createServiceEvents } from '#main/kernel/serviceEvents';
import { createVariableLookup } from '#main/kernel/variableLookup';
import { databaseFileName } from '#main/server/dataFolder';
import { readMigrations } from '#main/store/migrations';
import { openStore } from '#main/store/openStore';
import type { StoreLocation } from '#main/store/port';
import type { AttemptLimits } from '#main/store/records';
import { createStoreRedemptionLimiter } from '#main/kernel/redemptionLimiter';

export interface OpenServicesOptions {
  /** The clock every service reads (default Date.now); tests inject one to reach expiry times. */
  now?: () => number;
  /** A host token valid only while this process runs (see createAuthentication). */
  sessionHostToken?: string;
  /** Where the SQL migrations are (the desktop app passes its own resources folder). */
  migrationsFolder?: string;
  appVersion?: string;
  /** When automatic versions are made, and the timers that wait for it (tests inject both). */
  versioning?: VersioningOptions;
  /** The limits on guessing invitation codes (default defaultRedemptionLimits). */
  redemptionLimits?: AttemptLimits;
  /** Where documents are stored (default: the SQLite file of the data folder); hosted mode names a PostgreSQL database. */
  store?: StoreLocation;
}

/** Opens the store (the data folder's database, unless told another) and builds the service context over it. */
export async function openServices(dataFolder: string, logger: Logger, options: OpenServicesOptions = {}) {
  const location = options.store ?? { kind: 'sqlite', file: join(dataFolder, databaseFileName) };
  if (location.kind === 'sqlite') mkdirSync(dataFolder, { recursive: true });
  const store = await openStore(location, { sqliteMigrations: readMigrations(options.migrationsFolder) });
  const events = createServiceEvents(logger);
  const context: ServiceContext = {
    store,
    logger,
    now: options.now ?? (() => Date.now()),
    newId: () => randomId(),
    appVersion: options.appVersion ?? readAppVersion(),
    events,
    // Built-in variables, then those of each workspace's imported template packs (kept current on every import).
    variables: await createVariableLookup(store, events),
    versioning: options.versioning,
    redemptionLimiter: createStoreRedemptionLimiter(store, options.redemptionLimits),
  };
  return { context, authentication: createAuthentication(context, options.sessionHostToken) };
}
