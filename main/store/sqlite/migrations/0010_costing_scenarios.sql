-- Thỏa Ước schema, version 10: each side's costing scenarios of a document (decision 0023): its
-- assumptions and a what-if set of values, served to that side alone until it publishes one;
-- publication fixes the scenario and keeps the figures it had then, which both sides and the
-- minutes read. Settings, values and the published figures are JSON; times are milliseconds
-- since the Unix epoch.
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
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER,
  published_by_name TEXT,
  published_cost TEXT,
  CHECK ((published_at IS NULL) = (published_cost IS NULL))
) STRICT;

CREATE INDEX costing_scenarios_by_side ON costing_scenarios(document_id, side, created_at);
