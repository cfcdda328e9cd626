-- Thỏa Ước schema, version 6: the attempts at redeeming an invitation code, for the limits on
-- guessing codes (main/services/redemptionLimiter.ts). Times are milliseconds since the Unix epoch.

-- One row per attempt that gave a code matching no invitation (and, for the instant it is being
-- checked, per attempt in progress), by the address it came from: an IPv4 address, or the /64
-- network of an IPv6 one. Rows older than the limits' window are deleted as new attempts come.
-- Kept in the database rather than in a process's memory, so that a restart does not forget them
-- and every server process working on this database counts the same attempts.
CREATE TABLE redemption_attempts (
  id TEXT PRIMARY KEY,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX redemption_attempts_by_address ON redemption_attempts(address, at);
CREATE INDEX redemption_attempts_by_time ON redemption_attempts(at);
