import type { AttemptAdmission, AttemptLimit, AttemptLimits } from '#main/store/records';
import type { SqliteDatabase } from '#main/store/sqlite/database';

/** The attempts at redeeming invitation codes, counted per address and overall over a sliding window. */
export function createRedemptionAttemptsRepo(db: SqliteDatabase) {
  const statements = {
    prune: db.prepare<[number]>('DELETE FROM redemption_attempts WHERE at <= ?'),
    countAll: db.prepare<[], number>('SELECT count(*) FROM redemption_attempts').pluck(),
    countAddress: db.prepare<[string], number>('SELECT count(*) FROM redemption_attempts WHERE address = ?').pluck(),
    // The attempt whose expiry brings the count back under the limit: the (count - limit + 1)th oldest.
    oldestAll: db.prepare<[number], number>('SELECT at FROM redemption_attempts ORDER BY at LIMIT 1 OFFSET ?').pluck(),
    oldestAddress: db.prepare<[string, number], number>('SELECT at FROM redemption_attempts WHERE address = ? ORDER BY at LIMIT 1 OFFSET ?').pluck(),
    insert: db.prepare<[string, string, number]>('INSERT INTO redemption_attempts (id, address, at) VALUES (?, ?, ?)'),
    remove: db.prepare<[string]>('DELETE FROM redemption_attempts WHERE id = ?'),
  };

  const admit = db.transaction((attempt: { id: string; address: string; at: number }, limits: AttemptLimits): AttemptAdmission => {
    statements.prune.run(attempt.at - limits.windowMs);
    const addressAttempts = statements.countAddress.get(attempt.address) ?? 0;
    const overallAttempts = statements.countAll.get() ?? 0;
    const refusals: { limit: AttemptLimit; retryAt: number }[] = [];
    if (addressAttempts >= limits.perAddress) {
      refusals.push({
        limit: 'address',
        retryAt: (statements.oldestAddress.get(attempt.address, addressAttempts - limits.perAddress) ?? attempt.at) + limits.windowMs,
      });
    }
    if (overallAttempts >= limits.overall) {
      refusals.push({ limit: 'overall', retryAt: (statements.oldestAll.get(overallAttempts - limits.overall) ?? attempt.at) + limits.windowMs });
    }
    const refusal = refusals.reduce<(typeof refusals)[number] | undefined>(
      (later, candidate) => (later && later.retryAt >= candidate.retryAt ? later : candidate),
      undefined,
    );
    if (refusal) return { admitted: false, ...refusal };
    statements.insert.run(attempt.id, attempt.address, attempt.at);
    return { admitted: true, addressAttempts: addressAttempts + 1, overallAttempts: overallAttempts + 1 };
  });

  return {
    /**
     * Counts an attempt unless its address, or all addresses together, already made as many as
     * the limits allow within the window. One IMMEDIATE transaction: two processes on the same
     * database cannot both take the last attempt allowed.
     */
    admit(attempt: { id: string; address: string; at: number }, limits: AttemptLimits): AttemptAdmission {
      return admit.immediate(attempt, limits);
    },
    /** Forgets an attempt (one that redeemed a real code: only wrong codes count). */
    release(id: string): void {
      statements.remove.run(id);
    },
  };
}
