-- Thỏa Ước schema for PostgreSQL, version 6: comments on a phrase, and the mentions each person
-- has read (as SQLite's version 11). `anchor` is an internal note's anchor as JSON, null for a note
-- on the whole article; times are milliseconds since the Unix epoch.
ALTER TABLE internal_threads ADD COLUMN anchor TEXT;

CREATE TABLE mention_reads (
  participant_id TEXT NOT NULL REFERENCES participants(id),
  comment_id TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  read_at BIGINT NOT NULL,
  PRIMARY KEY (participant_id, comment_id)
);

CREATE INDEX mention_reads_by_document ON mention_reads(document_id, participant_id);
