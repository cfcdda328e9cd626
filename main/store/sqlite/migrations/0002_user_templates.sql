-- Thỏa Ước schema, version 2: user templates and user-defined variables.
-- Times are milliseconds since the Unix epoch (UTC).

-- Article templates saved or imported by the host or a bargaining side. `template` is the
-- template as JSON, validated with articleTemplateSchema before it is written; its id is the row's.
-- `owner_side` is the side whose private playbook it belongs to, NULL for the host's own.
-- `created_by` is the participant who saved it first, NULL for the host.
CREATE TABLE user_templates (
  id TEXT PRIMARY KEY,
  template TEXT NOT NULL CHECK (json_valid(template)),
  owner_side TEXT CHECK (owner_side IN ('employer', 'union')),
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX user_templates_by_owner ON user_templates(owner_side, created_at);

-- Variables defined by template packs, shared by every document: a document keeps values by
-- variable id, and the sync server checks each value written against its definition (JSON,
-- validated with variableDefinitionSchema before it is written).
CREATE TABLE user_variables (
  id TEXT PRIMARY KEY,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
