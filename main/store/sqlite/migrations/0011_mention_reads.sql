-- Thỏa Ước schema, version 11: comments on a phrase, and the mentions each person has read.
-- An internal note may anchor to a phrase of its article as a public thread does: `anchor` is its
-- JSON (the range's two ends as encoded Yjs relative positions, and the words it covered), null
-- for a note on the whole article. A participant's mentions read are the comments that mention
-- them which they opened; times are milliseconds since the Unix epoch.
ALTER TABLE internal_threads ADD COLUMN anchor TEXT;

CREATE TABLE mention_reads (
  participant_id TEXT NOT NULL REFERENCES participants(id),
  comment_id TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  read_at INTEGER NOT NULL,
  PRIMARY KEY (participant_id, comment_id)
) STRICT;

CREATE INDEX mention_reads_by_document ON mention_reads(document_id, participant_id);
