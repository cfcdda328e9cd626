-- Thỏa Ước schema, version 1. Times are milliseconds since the Unix epoch (UTC).

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  lifecycle_state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived_at INTEGER
) STRICT;

-- Append-only log of Yjs updates as received, in the order they were applied.
-- Rows at or below the document's checkpoint are folded into it and deleted by compaction.
CREATE TABLE updates (
  document_id TEXT NOT NULL REFERENCES documents(id),
  seq INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  participant_id TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq)
) STRICT, WITHOUT ROWID;

-- The merged state of every update up to and including seq, encoded with garbage collection
-- off so that past versions stay reconstructible after compaction.
CREATE TABLE checkpoints (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  at INTEGER NOT NULL
) STRICT;

-- Which participant wrote with which Yjs client id: attribution survives compaction.
CREATE TABLE document_clients (
  document_id TEXT NOT NULL REFERENCES documents(id),
  client_id INTEGER NOT NULL,
  participant_id TEXT,
  first_seen_at INTEGER NOT NULL,
  PRIMARY KEY (document_id, client_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  display_name TEXT NOT NULL,
  side TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invitation_id TEXT,
  joined_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE INDEX participants_by_document ON participants(document_id);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  side TEXT NOT NULL,
  code_hash TEXT NOT NULL UNIQUE,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  redeemed_at INTEGER,
  redeemed_by TEXT
) STRICT;

CREATE TABLE admin_tokens (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  document_id TEXT,
  details TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_document ON audit_log(document_id, at);
