-- Thỏa Ước schema for PostgreSQL, version 5: each side's costing scenarios of a document, as the
-- SQLite schema's migration 0010 has them (docs/decisions/0023-costing-positions-and-private-scenarios.md).
CREATE TABLE costing_scenarios (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  side TEXT NOT NULL CHECK (side IN ('employer', 'union')),
  name TEXT NOT NULL,
  clause_id TEXT,
  settings TEXT NOT NULL,
  "values" TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES participants(id),
  author_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  published_at BIGINT,
  published_by_name TEXT,
  published_cost TEXT,
  CHECK ((published_at IS NULL) = (published_cost IS NULL))
);

CREATE INDEX costing_scenarios_by_side ON costing_scenarios(document_id, side, created_at);
