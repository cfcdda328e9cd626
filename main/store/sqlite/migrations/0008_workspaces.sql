-- Thỏa Ước schema, version 8: workspaces and authorities (docs/decisions/0019-workspaces-and-authorities.md).
-- Times are milliseconds since the Unix epoch (UTC).

-- A workspace holds one enterprise's (or federation's) hosts, documents and templates; the hosts of
-- one see nothing of another. Everything stored before this migration belongs to the built-in one,
-- `local`, which the desktop app and server mode keep using as before.
CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

INSERT INTO workspaces (id, name, created_at) VALUES ('local', 'local', 0);

-- A labour authority (a provincial Department of Home Affairs): its reviewers' queue holds the
-- documents sent to it from every workspace.
CREATE TABLE authorities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- SQLite adds a column with a foreign key only if its default is NULL: the workspace of documents
-- and host tokens is kept right by the store (PostgreSQL's schema has the foreign key).
ALTER TABLE documents ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local';
-- The authority the document was last sent to, when that sending named one of the deployment's.
ALTER TABLE documents ADD COLUMN authority_id TEXT REFERENCES authorities(id);
CREATE INDEX documents_by_workspace ON documents(workspace_id, updated_at);
CREATE INDEX documents_by_authority ON documents(authority_id) WHERE authority_id IS NOT NULL;

ALTER TABLE admin_tokens ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local';

-- Templates and variables are a workspace's own, and two workspaces may import the same pack (the
-- same ids): the key becomes (workspace, id). SQLite changes a key by copying the table.
CREATE TABLE user_templates_by_workspace (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  id TEXT NOT NULL,
  template TEXT NOT NULL CHECK (json_valid(template)),
  owner_side TEXT CHECK (owner_side IN ('employer', 'union')),
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;

-- In rowid order, which lists templates written together in the order they were written.
INSERT INTO user_templates_by_workspace (workspace_id, id, template, owner_side, created_by, created_at, updated_at)
  SELECT 'local', id, template, owner_side, created_by, created_at, updated_at FROM user_templates ORDER BY rowid;
DROP TABLE user_templates;
ALTER TABLE user_templates_by_workspace RENAME TO user_templates;
CREATE INDEX user_templates_by_owner ON user_templates(workspace_id, owner_side, created_at);

CREATE TABLE user_variables_by_workspace (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  id TEXT NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;

INSERT INTO user_variables_by_workspace (workspace_id, id, definition, created_at, updated_at)
  SELECT 'local', id, definition, created_at, updated_at FROM user_variables;
DROP TABLE user_variables;
ALTER TABLE user_variables_by_workspace RENAME TO user_variables;

-- An authority's reviewers, each with a token of their own (stored as its SHA-256 hash).
CREATE TABLE authority_reviewers (
  id TEXT PRIMARY KEY,
  authority_id TEXT NOT NULL REFERENCES authorities(id),
  display_name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE INDEX authority_reviewers_by_authority ON authority_reviewers(authority_id, created_at);

-- The reviewer participant an authority's reviewer reviews a document as, made when they first
-- open it: findings, decisions and the read-only socket are a reviewer participant's, as before.
CREATE TABLE reviewer_seats (
  reviewer_id TEXT NOT NULL REFERENCES authority_reviewers(id),
  document_id TEXT NOT NULL REFERENCES documents(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  PRIMARY KEY (reviewer_id, document_id)
) STRICT, WITHOUT ROWID;

-- One-time codes the operator hands out: redeemed once for a workspace's host token or for an
-- authority's reviewer token (exactly one of the two is named).
CREATE TABLE access_invitations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT REFERENCES workspaces(id),
  authority_id TEXT REFERENCES authorities(id),
  code_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  redeemed_at INTEGER,
  redeemed_by TEXT,
  CHECK ((workspace_id IS NULL) <> (authority_id IS NULL))
) STRICT;
