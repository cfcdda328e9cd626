import type { Store, StoreLocation } from '#main/store/port';
import type { Migration } from '#main/store/migrations';
import { openPostgresStore, openPostgresStoreReader, redactedUrl } from '#main/store/postgres/postgresStore';
import { openSqliteStore, openSqliteStoreReader } from '#main/store/sqlite/sqliteStore';

/** Opens the store at a location, bringing its schema up to date (`migrations`: the SQLite file's, where the desktop app ships them). */
export async function openStore(location: StoreLocation, options: { sqliteMigrations?: readonly Migration[] } = {}): Promise<Store> {
  if (location.kind === 'sqlite') return openSqliteStore(location.file, { migrations: options.sqliteMigrations });
  return openPostgresStore(location.url);
}

/** A reader of a store that a server of this process keeps open (the file worker's). */
export function openStoreReader(location: StoreLocation): Store {
  return location.kind === 'sqlite' ? openSqliteStoreReader(location.file) : openPostgresStoreReader(location.url);
}

/** Where a store is, for people to read: the file, or the database's URL without its password. */
export function describeStoreLocation(location: StoreLocation): string {
  return location.kind === 'sqlite' ? location.file : redactedUrl(location.url);
}
