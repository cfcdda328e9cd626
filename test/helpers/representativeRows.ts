import type { SqliteDatabase } from '#main/store/sqlite/database';

/** One row written into a table, by column name. */
export interface RepresentativeRow {
  table: string;
  values: Record<string, string | number | Buffer | null>;
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
  notnull: number;
}

interface ForeignKeyInfo {
  table: string;
  from: string;
  to: string | null;
}

/**
 * Values that mean something in this schema, for columns whose name says what they hold. Any other
 * column gets a value derived from its declared type, so a table added by a future migration
 * needs nothing here unless it constrains its values (CHECK): then add the column's name.
 */
const meaningfulValues: Record<string, string | number> = {
  kind: 'enterprise_agreement',
  lifecycle_state: 'bargaining',
  side: 'union',
  display_name: 'Anh Minh (Công đoàn cơ sở)',
  title: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027',
  actor: 'admin',
  action: 'document.created',
  details: '{"kind":"enterprise_agreement"}',
  // documents.reviewer_comments (0003) is a 0/1 flag.
  reviewer_comments: 1,
  // user_templates and user_variables (0002) keep JSON (CHECK json_valid) and a side or NULL.
  owner_side: 'union',
  template: JSON.stringify({
    id: 'user.meal_allowance',
    version: 1,
    kinds: ['enterprise_agreement'],
    title: { vi: 'Tiền ăn giữa ca', en: 'Mid-shift meal allowance' },
    body: [
      {
        type: 'clause',
        text: { vi: 'Mỗi ca làm việc được hỗ trợ {{user.meal_per_shift}}.', en: 'Each shift carries a meal allowance of {{user.meal_per_shift}}.' },
      },
    ],
    topics: ['welfare'],
    legalBasis: [{ law: 'LC2019', article: 103 }],
    recommended: false,
    alternatives: [],
  }),
  definition: JSON.stringify({
    id: 'user.meal_per_shift',
    type: 'money',
    label: { vi: 'Tiền ăn một ca', en: 'Meal allowance per shift' },
    default: 30000,
    min: 0,
  }),
  // versions (0004): a kind, a JSON summary, and for a signed version two SHA-256 hashes in hex.
  version_kind: 'signed',
  summary: JSON.stringify({
    added: [],
    removed: [],
    moved: [],
    changed: [{ clauseId: 'dieu-tien-luong', number: 3, title: 'Tiền lương' }],
    variables: [],
    contributors: [null],
  }),
  content_hash: 'a'.repeat(64),
  previous_hash: 'b'.repeat(64),
  // lifecycle_events (0005): what a step recorded (JSON), and the side of whoever took it.
  facts: JSON.stringify({ type: 'send_to_authority', sentOn: '2027-01-20', authority: 'Sở Nội vụ tỉnh Bình Dương' }),
  actor_side: 'employer',
};

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function tablesOf(db: SqliteDatabase): string[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
    .pluck()
    .all();
}

function columnsOf(db: SqliteDatabase, table: string): ColumnInfo[] {
  return db.prepare<[string], ColumnInfo>('SELECT name, type, pk, "notnull" FROM pragma_table_info(?) ORDER BY cid').all(table);
}

function foreignKeysOf(db: SqliteDatabase, table: string): ForeignKeyInfo[] {
  return db.prepare<[string], ForeignKeyInfo>('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)').all(table);
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
function inDependencyOrder(db: SqliteDatabase, tables: string[]): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: string[]): void => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const key of foreignKeysOf(db, table)) if (key.table !== table) visit(key.table, [...path, table]);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

function valueFor(table: string, column: ColumnInfo, index: number): string | number | Buffer {
  const meaningful = meaningfulValues[column.name];
  if (meaningful !== undefined) return meaningful;
  const type = column.type.toUpperCase();
  if (type.includes('INT')) return 1_800_000_000_000 + index;
  if (type.includes('BLOB')) return Buffer.from(`${table}.${column.name} — dữ liệu nhị phân`, 'utf8');
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return index + 0.5;
  return `${table}.${column.name} — Điều ${index}`;
}

/**
 * Inserts `values`; where a CHECK refuses a row with every column filled (one of two columns, say),
 * the same row with one nullable column left empty, the first that passes. Returns what was written.
 */
function insertChecked(
  insert: (row: RepresentativeRow['values']) => void,
  values: RepresentativeRow['values'],
  columns: readonly ColumnInfo[],
): RepresentativeRow['values'] {
  try {
    insert(values);
    return values;
  } catch (error) {
    if (!/CHECK constraint failed/.test((error as Error).message)) throw error;
    for (const column of columns.filter((candidate) => candidate.notnull === 0 && candidate.pk === 0)) {
      const row = { ...values, [column.name]: null };
      try {
        insert(row);
        return row;
      } catch (retryError) {
        if (!/CHECK constraint failed/.test((retryError as Error).message)) throw retryError;
      }
    }
    throw error;
  }
}

/**
 * Writes one row into every application table of the database, with foreign keys pointing at the
 * rows written into the tables they reference, and returns what it wrote.
 */
export function insertRepresentativeRows(db: SqliteDatabase): RepresentativeRow[] {
  const rows: RepresentativeRow[] = [];
  const tables = inDependencyOrder(db, tablesOf(db));
  db.transaction(() => {
    tables.forEach((table, tableIndex) => {
      const foreignKeys = foreignKeysOf(db, table);
      const values: RepresentativeRow['values'] = {};
      columnsOf(db, table).forEach((column, columnIndex) => {
        const key = foreignKeys.find((candidate) => candidate.from === column.name);
        const target = key && rows.find((row) => row.table === key.table);
        const targetColumn = key && (key.to ?? columnsOf(db, key.table).find((candidate) => candidate.pk === 1)?.name);
        const referenced = target && targetColumn ? target.values[targetColumn] : undefined;
        values[column.name] = referenced ?? valueFor(table, column, tableIndex * 100 + columnIndex);
      });
      const insert = (row: RepresentativeRow['values']): void => {
        const names = Object.keys(row);
        db.prepare(`INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row));
      };
      rows.push({ table, values: insertChecked(insert, values, columnsOf(db, table)) });
    });
  })();
  return rows;
}

/** Whether the row is still there, compared on every column its table still has. */
export function hasRepresentativeRow(db: SqliteDatabase, row: RepresentativeRow): boolean {
  const columns = new Set(columnsOf(db, row.table).map((column) => column.name));
  const kept = Object.entries(row.values).filter(([name]) => columns.has(name));
  if (kept.length === 0) return false;
  const where = kept.map(([name]) => `${quote(name)} IS ?`).join(' AND ');
  const count = db
    .prepare(`SELECT count(*) FROM ${quote(row.table)} WHERE ${where}`)
    .pluck()
    .get(...kept.map(([, value]) => value));
  return count === 1;
}
