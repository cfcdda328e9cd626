import type { SqliteDatabase } from '#main/store/sqlite/database';
import type { BargainingSide } from '#shared/negotiation/model';
import type { CostingScenarioChange, CostingScenarioRecord } from '#main/store/records';
import { costingScenarioColumns, costingScenarioFromRow, costingScenarioValues, type CostingScenarioRow } from '#main/store/rows';

/** Each side's costing scenarios: served to that side alone until published (decision 0023). */
export function createCostingScenariosRepo(db: SqliteDatabase) {
  const statements = {
    insert: db.prepare<(string | number | null)[]>(
      `INSERT INTO costing_scenarios (${costingScenarioColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    one: db.prepare<[string, string], CostingScenarioRow>('SELECT * FROM costing_scenarios WHERE id = ? AND document_id = ?'),
    update: db.prepare<[string, string | null, string, string, number, string, string]>(
      'UPDATE costing_scenarios SET name = ?, clause_id = ?, settings = ?, "values" = ?, updated_at = ? WHERE id = ? AND document_id = ? AND published_at IS NULL',
    ),
    publish: db.prepare<[number, string, string, string, string]>(
      'UPDATE costing_scenarios SET published_at = ?, published_by_name = ?, published_cost = ? WHERE id = ? AND document_id = ? AND published_at IS NULL',
    ),
    remove: db.prepare<[string, string]>('DELETE FROM costing_scenarios WHERE id = ? AND document_id = ? AND published_at IS NULL'),
    ofSide: db.prepare<[string, BargainingSide], CostingScenarioRow>(
      'SELECT * FROM costing_scenarios WHERE document_id = ? AND side = ? ORDER BY created_at, id',
    ),
    published: db.prepare<[string], CostingScenarioRow>(
      'SELECT * FROM costing_scenarios WHERE document_id = ? AND published_at IS NOT NULL ORDER BY published_at, id',
    ),
  };
  return {
    insert(record: CostingScenarioRecord): void {
      statements.insert.run(...costingScenarioValues(record));
    },
    get(documentId: string, id: string): CostingScenarioRecord | undefined {
      const row = statements.one.get(id, documentId);
      return row ? costingScenarioFromRow(row) : undefined;
    },
    update(documentId: string, id: string, change: CostingScenarioChange): boolean {
      const { name, clauseId, settings, values, updatedAt } = change;
      return statements.update.run(name, clauseId, JSON.stringify(settings), JSON.stringify(values), updatedAt, id, documentId).changes > 0;
    },
    publish(documentId: string, id: string, publication: NonNullable<CostingScenarioRecord['published']>): boolean {
      return statements.publish.run(publication.at, publication.byName, JSON.stringify(publication.cost), id, documentId).changes > 0;
    },
    remove(documentId: string, id: string): boolean {
      return statements.remove.run(id, documentId).changes > 0;
    },
    listForSide(documentId: string, side: BargainingSide): CostingScenarioRecord[] {
      return statements.ofSide.all(documentId, side).map(costingScenarioFromRow);
    },
    listPublished(documentId: string): CostingScenarioRecord[] {
      return statements.published.all(documentId).map(costingScenarioFromRow);
    },
  };
}
