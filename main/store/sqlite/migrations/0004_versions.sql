-- Thỏa Ước schema, version 4: version history (see docs/decisions/0008-versions-as-snapshots.md).
-- Times are milliseconds since the Unix epoch (UTC).

-- A version is a Yjs snapshot of the server's document (kept with garbage collection off, so
-- every past state stays in the checkpoint) plus what people read in the timeline. `snapshot` is
-- Y.encodeSnapshot(state vector, delete set); to keep a version small, its delete set holds only
-- the deletions made since the version numbered `snapshot_base` (the version's own number when the
-- delete set is complete). Rebuilding version n merges the delete sets from its base to n.
-- `author_id` is the participant it is attributed to, NULL for the host or the server itself.
-- `summary` is JSON: the articles added, removed, moved and changed since the previous version,
-- and who changed them. Signed versions carry the SHA-256 of their canonical text and the hash
-- of the previous signed version of the document (NULL for the first): a chain `verify` checks.
CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  number INTEGER NOT NULL,
  version_kind TEXT NOT NULL CHECK (version_kind IN ('initial', 'automatic', 'named', 'signed', 'restore')),
  name TEXT,
  author_id TEXT,
  side TEXT CHECK (side IN ('employer', 'union', 'reviewer')),
  created_at INTEGER NOT NULL,
  snapshot BLOB NOT NULL,
  snapshot_base INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  restored_from TEXT,
  content_hash TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
  previous_hash TEXT CHECK (previous_hash IS NULL OR length(previous_hash) = 64),
  CHECK ((version_kind = 'signed') = (content_hash IS NOT NULL)),
  UNIQUE (document_id, number)
) STRICT;

-- What each participant last saw of a document: the snapshot taken when they last left it, for
-- "changes since my last visit". One row per participant, replaced at each visit.
CREATE TABLE version_visits (
  document_id TEXT NOT NULL REFERENCES documents(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  snapshot BLOB NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (document_id, participant_id)
) STRICT, WITHOUT ROWID;

-- Who deleted what. A Yjs delete set does not say who deleted an item, and the update log that
-- does (participant_id per update) is folded into the checkpoint by compaction: so compaction
-- first records, per participant (NULL: the server or the host), the delete set of the updates it
-- folds, through `through_seq`.
CREATE TABLE deletion_authors (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  through_seq INTEGER NOT NULL,
  participant_id TEXT,
  delete_set BLOB NOT NULL
) STRICT;

CREATE INDEX deletion_authors_by_document ON deletion_authors(document_id, through_seq);
