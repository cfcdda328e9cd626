import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

const migrationFilePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The folder holding the embedded SQLite schema's numbered migrations shipped with this build. */
export const defaultMigrationsFolder = fileURLToPath(new URL('./sqlite/migrations/', import.meta.url));

/** The PostgreSQL schema's migrations, numbered on their own. */
export const postgresMigrationsFolder = fileURLToPath(new URL('./postgres/migrations/', import.meta.url));

/**
 * Reads the numbered migrations (`0001_init.sql`, ...) in order. Numbers must run 1, 2, 3...
 * without gaps so that "the applied list is a prefix of the known list" is well defined.
 */
export function readMigrations(folder: string = defaultMigrationsFolder): Migration[] {
  const migrations = readdirSync(folder)
    .map((file) => ({ file, match: migrationFilePattern.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      id: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(`${folder}/${file}`, 'utf8'),
    }))
    .sort((a, b) => a.id - b.id);
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) {
      throw new Error(`migration ${migration.id} in ${folder} breaks the numbering (expected ${index + 1})`);
    }
  });
  return migrations;
}
