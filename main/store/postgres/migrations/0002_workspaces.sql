-- Thỏa Ước schema for PostgreSQL, version 2: workspaces and authorities, as the SQLite schema's
-- migration 0008 has them (docs/decisions/0019-workspaces-and-authorities.md). Everything stored
-- before belongs to the built-in workspace, `local`.

CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

INSERT INTO workspaces (id, name, created_at) VALUES ('local', 'local', 0);

CREATE TABLE authorities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

ALTER TABLE documents
  ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local' REFERENCES workspaces(id),
  ADD COLUMN authority_id TEXT REFERENCES authorities(id);
CREATE INDEX documents_by_workspace ON documents(workspace_id, updated_at);
CREATE INDEX documents_by_authority ON documents(authority_id) WHERE authority_id IS NOT NULL;

ALTER TABLE admin_tokens ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local' REFERENCES workspaces(id);

-- Two workspaces may import the same pack: templates and variables are keyed by (workspace, id).
ALTER TABLE user_templates
  ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local' REFERENCES workspaces(id),
  DROP CONSTRAINT user_templates_pkey;
ALTER TABLE user_templates ALTER COLUMN workspace_id DROP DEFAULT, ADD PRIMARY KEY (workspace_id, id);
DROP INDEX user_templates_by_owner;
CREATE INDEX user_templates_by_owner ON user_templates(workspace_id, owner_side, created_at);

ALTER TABLE user_variables
  ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local' REFERENCES workspaces(id),
  DROP CONSTRAINT user_variables_pkey;
ALTER TABLE user_variables ALTER COLUMN workspace_id DROP DEFAULT, ADD PRIMARY KEY (workspace_id, id);

CREATE TABLE authority_reviewers (
  id TEXT PRIMARY KEY,
  authority_id TEXT NOT NULL REFERENCES authorities(id),
  display_name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE INDEX authority_reviewers_by_authority ON authority_reviewers(authority_id, created_at);

CREATE TABLE reviewer_seats (
  reviewer_id TEXT NOT NULL REFERENCES authority_reviewers(id),
  document_id TEXT NOT NULL REFERENCES documents(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  PRIMARY KEY (reviewer_id, document_id)
);

CREATE TABLE access_invitations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT REFERENCES workspaces(id),
  authority_id TEXT REFERENCES authorities(id),
  code_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  redeemed_at BIGINT,
  redeemed_by TEXT,
  CHECK ((workspace_id IS NULL) <> (authority_id IS NULL))
);
