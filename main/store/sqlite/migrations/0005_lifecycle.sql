-- Thỏa Ước schema, version 5: the lifecycle of documents and the labour authority's review.
-- Times are milliseconds since the Unix epoch (UTC); dates inside `facts` are YYYY-MM-DD.

-- Every step of a document's lifecycle, in the order taken: the round it belongs to (an amendment
-- opens the next), the states before and after, and what it recorded (`facts`, JSON validated with
-- eventFactsSchema of shared/lifecycle/model.ts: dates, the vote, the signing, the dossier, the
-- authority's answer). documents.lifecycle_state mirrors the state these steps and the calendar
-- give today. `actor_id` is the participant; NULL for the host or, with step 'time_passed', the calendar.
CREATE TABLE lifecycle_events (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  step TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  facts TEXT NOT NULL CHECK (json_valid(facts)),
  actor_id TEXT,
  actor_side TEXT CHECK (actor_side IN ('employer', 'union', 'reviewer')),
  actor_name TEXT,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX lifecycle_events_by_document ON lifecycle_events(document_id, id);

-- Findings a reviewer of the labour authority writes on articles of a document sent to it: the
-- text, optionally the compliance rule it concerns. Both parties read them; nobody edits them; the
-- reviewer may withdraw one (withdrawn_at).
CREATE TABLE review_findings (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  clause_id TEXT NOT NULL,
  rule_id TEXT,
  body TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES participants(id),
  author_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  withdrawn_at INTEGER
) STRICT;

CREATE INDEX review_findings_by_document ON review_findings(document_id, created_at);
