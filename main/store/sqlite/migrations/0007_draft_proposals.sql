-- Thỏa Ước schema, version 7: draft positions, each its author's alone until they propose it or
-- discard it (never in the shared document, like internal notes). A change typed into an article
-- that both sides had agreed meanwhile is kept as one, so that it is never lost. Times are
-- milliseconds since the Unix epoch; the proposed article and values are JSON.
CREATE TABLE draft_proposals (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  clause_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  article TEXT,
  "values" TEXT NOT NULL,
  origin TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX draft_proposals_by_author ON draft_proposals(document_id, participant_id, created_at);
