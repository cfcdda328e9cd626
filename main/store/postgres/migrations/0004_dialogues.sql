-- Thỏa Ước schema for PostgreSQL, version 4: workplace dialogues and their submissions, as the
-- SQLite schema's migration 0009 has them (docs/decisions/0022-workplace-dialogue.md).
CREATE TABLE dialogues (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  record TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX dialogues_by_workspace ON dialogues(workspace_id, updated_at);

CREATE TABLE dialogue_submissions (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  number INTEGER NOT NULL,
  topic TEXT,
  status TEXT NOT NULL,
  client_key TEXT,
  record TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (dialogue_id, number)
);

CREATE INDEX dialogue_submissions_by_topic ON dialogue_submissions(dialogue_id, topic COLLATE "C", number);
CREATE INDEX dialogue_submissions_by_client ON dialogue_submissions(dialogue_id, client_key, created_at);
