import type { Store, StoreLocation } from '#main/store/port';
import type { OpenDatabaseOptions } from '#main/store/sqlite/database';
import { openSqliteStore, openSqliteStoreReader } from '#main/store/sqlite/sqliteStore';

/** Opens the store at a location (creating and migrating it when it is a new SQLite file). */
export function openStore(location: StoreLocation, options?: OpenDatabaseOptions): Store {
  if (location.kind === 'sqlite') return openSqliteStore(location.file, options);
  throw new Error('PostgreSQL is not supported yet');
}

/** A reader of a store another connection of this process keeps open (the file worker's). */
export function openStoreReader(location: StoreLocation): Store {
  if (location.kind === 'sqlite') return openSqliteStoreReader(location.file);
  throw new Error('PostgreSQL is not supported yet');
}
