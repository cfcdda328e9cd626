-- Negotiation: the public parts (proposals, article statuses, public threads) live in the shared
-- document, written only by the server; internal notes of one side live here, so that the other
-- side's clients never receive them. The host may let reviewers comment.

ALTER TABLE documents ADD COLUMN reviewer_comments INTEGER NOT NULL DEFAULT 0 CHECK (reviewer_comments IN (0, 1));

CREATE TABLE internal_threads (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  clause_id TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('employer', 'union')),
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by_name TEXT
) STRICT;

CREATE INDEX internal_threads_by_document ON internal_threads(document_id, side);

CREATE TABLE internal_comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES internal_threads(id),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  mentions TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX internal_comments_by_thread ON internal_comments(thread_id, created_at);
