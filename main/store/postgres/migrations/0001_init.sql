-- Thỏa Ước schema for PostgreSQL (hosted mode), version 1: what the embedded SQLite schema holds
-- after its migrations 0001 to 0007, with the sequence numbers of the update log allocated here.
-- Times are milliseconds since the Unix epoch (UTC); JSON is stored as text, as SQLite stores it.

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  lifecycle_state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  reviewer_comments BOOLEAN NOT NULL DEFAULT FALSE,
  -- The last sequence number given to an update of this document (see updates).
  last_update_seq BIGINT NOT NULL DEFAULT 0
);

-- Append-only log of Yjs updates as stored, numbered per document by documents.last_update_seq:
-- instances appending to one document take numbers one after the other. Rows at or below the
-- checkpoint are folded into it and deleted by compaction.
CREATE TABLE updates (
  document_id TEXT NOT NULL REFERENCES documents(id),
  seq BIGINT NOT NULL,
  bytes BYTEA NOT NULL,
  participant_id TEXT,
  at BIGINT NOT NULL,
  PRIMARY KEY (document_id, seq)
);

-- The merged state of every update up to and including seq (garbage collection off).
CREATE TABLE checkpoints (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  at BIGINT NOT NULL
);

-- Which participant wrote with which Yjs client id (an unsigned 32-bit number).
CREATE TABLE document_clients (
  document_id TEXT NOT NULL REFERENCES documents(id),
  client_id BIGINT NOT NULL,
  participant_id TEXT,
  first_seen_at BIGINT NOT NULL,
  PRIMARY KEY (document_id, client_id)
);

CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  display_name TEXT NOT NULL,
  side TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invitation_id TEXT,
  joined_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE INDEX participants_by_document ON participants(document_id);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  side TEXT NOT NULL,
  code_hash TEXT NOT NULL UNIQUE,
  created_by TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  redeemed_at BIGINT,
  redeemed_by TEXT
);

CREATE TABLE admin_tokens (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  document_id TEXT,
  details TEXT NOT NULL
);

CREATE INDEX audit_log_by_document ON audit_log(document_id, at);
CREATE INDEX audit_log_by_action ON audit_log(action text_pattern_ops);

CREATE TABLE user_templates (
  id TEXT PRIMARY KEY,
  template TEXT NOT NULL,
  owner_side TEXT CHECK (owner_side IN ('employer', 'union')),
  created_by TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- The order they were written in (several share a created_at when imported together).
  position BIGINT GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX user_templates_by_owner ON user_templates(owner_side, created_at);

CREATE TABLE user_variables (
  id TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  position BIGINT GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE internal_threads (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  clause_id TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('employer', 'union')),
  created_at BIGINT NOT NULL,
  resolved_at BIGINT,
  resolved_by_name TEXT
);

CREATE INDEX internal_threads_by_document ON internal_threads(document_id, side);

CREATE TABLE internal_comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES internal_threads(id),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  mentions TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE INDEX internal_comments_by_thread ON internal_comments(thread_id, created_at);

CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  number INTEGER NOT NULL,
  version_kind TEXT NOT NULL CHECK (version_kind IN ('initial', 'automatic', 'named', 'signed', 'restore')),
  name TEXT,
  author_id TEXT,
  side TEXT CHECK (side IN ('employer', 'union', 'reviewer')),
  created_at BIGINT NOT NULL,
  snapshot BYTEA NOT NULL,
  snapshot_base INTEGER NOT NULL,
  summary TEXT NOT NULL,
  restored_from TEXT,
  content_hash TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
  previous_hash TEXT CHECK (previous_hash IS NULL OR length(previous_hash) = 64),
  CHECK ((version_kind = 'signed') = (content_hash IS NOT NULL)),
  UNIQUE (document_id, number)
);

CREATE TABLE version_visits (
  document_id TEXT NOT NULL REFERENCES documents(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  snapshot BYTEA NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (document_id, participant_id)
);

CREATE TABLE deletion_authors (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  through_seq BIGINT NOT NULL,
  participant_id TEXT,
  delete_set BYTEA NOT NULL
);

CREATE INDEX deletion_authors_by_document ON deletion_authors(document_id, through_seq);

CREATE TABLE lifecycle_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  step TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  facts TEXT NOT NULL,
  actor_id TEXT,
  actor_side TEXT CHECK (actor_side IN ('employer', 'union', 'reviewer')),
  actor_name TEXT,
  at BIGINT NOT NULL
);

CREATE INDEX lifecycle_events_by_document ON lifecycle_events(document_id, id);

CREATE TABLE review_findings (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  clause_id TEXT NOT NULL,
  rule_id TEXT,
  body TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES participants(id),
  author_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  withdrawn_at BIGINT
);

CREATE INDEX review_findings_by_document ON review_findings(document_id, created_at);

CREATE TABLE redemption_attempts (
  id TEXT PRIMARY KEY,
  address TEXT NOT NULL,
  at BIGINT NOT NULL
);

CREATE INDEX redemption_attempts_by_address ON redemption_attempts(address, at);
CREATE INDEX redemption_attempts_by_time ON redemption_attempts(at);

CREATE TABLE draft_proposals (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  clause_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  article TEXT,
  "values" TEXT NOT NULL,
  origin TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE INDEX draft_proposals_by_author ON draft_proposals(document_id, participant_id, created_at);
