-- Thỏa Ước schema, version 9: workplace dialogues and the worker conference (decision 0022). A
-- dialogue belongs to a workspace; its record (participants, agenda, steps, commitments) is JSON
-- read and written whole, with the columns lists and lookups need beside it. Its submissions are
-- rows of their own, numbered per dialogue, since a provincial conference gathers hundreds and
-- lists them by topic; `client_key` is the network a public submission came from (the limit per
-- address), null for those a signed-in person recorded. Times are milliseconds since the epoch.
CREATE TABLE dialogues (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  record TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX dialogues_by_workspace ON dialogues(workspace_id, updated_at);

CREATE TABLE dialogue_submissions (
  id TEXT PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  number INTEGER NOT NULL,
  topic TEXT,
  status TEXT NOT NULL,
  client_key TEXT,
  record TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (dialogue_id, number)
) STRICT;

CREATE INDEX dialogue_submissions_by_topic ON dialogue_submissions(dialogue_id, topic, number);
CREATE INDEX dialogue_submissions_by_client ON dialogue_submissions(dialogue_id, client_key, created_at);
