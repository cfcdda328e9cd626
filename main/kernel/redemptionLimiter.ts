import { isIPv6 } from 'node:net';
import type { AttemptAdmission, AttemptLimits } from '#main/store/records';
import type { Store } from '#main/store/port';

/**
 * The limits on guessing invitation codes. A code has 50 random bits; what keeps anyone from
 * trying codes until one works is that only so many wrong ones are answered: per address (one
 * client), and overall (many clients together, each under its own limit). The counts must be
 * the same for every server process that serves the same documents, so they live in shared
 * storage behind this interface: the database today, another store (Redis) when several server
 * instances share one.
 */
export interface RedemptionLimiter {
  readonly limits: AttemptLimits;
  /** Counts an attempt from `address` (as the transport gave it), or refuses it while a limit is reached. */
  admit(attempt: { id: string; address: string; at: number }): Promise<AttemptAdmission>;
  /** Takes an admitted attempt back: its code matched an invitation, and only wrong codes count. */
  release(attemptId: string): Promise<void>;
}

/**
 * Ten wrong codes per address and two hundred from all addresses together in any 15 minutes: an
 * honest person's typos are far from either, and at that pace (about 7 million guesses a year)
 * finding one of a thousand open invitations among the 2^50 codes takes 160,000 years on average.
 */
export const defaultRedemptionLimits: AttemptLimits = { windowMs: 15 * 60_000, perAddress: 10, overall: 200 };

/** The first four groups of an IPv6 address (`2001:db8:0:12::/64`), whatever its notation. */
function ipv6Network(address: string): string {
  const [head = '', tail] = address.split('::');
  // An IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) stands for two groups.
  const groups = (part: string | undefined): string[] => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array.from({ length: 8 - left.length - right.length }, () => '0'), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * What an address is counted as: an IPv4 address as it is (also when written as IPv6,
 * `::ffff:1.2.3.4`), an IPv6 address by its /64 network, which one subscriber usually holds whole
 * (counting each of its addresses apart would let one client guess 2^64 times over).
 */
export function limitKeyOf(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped?.[1]) return mapped[1];
  return isIPv6(plain) ? ipv6Network(plain) : plain;
}

/** The limiter over the database (the redemption_attempts table): every process on the data folder counts the same attempts. */
export function createStoreRedemptionLimiter(store: Store, limits: AttemptLimits = defaultRedemptionLimits): RedemptionLimiter {
  return {
    limits,
    async admit(attempt) {
      return store.redemptionAttempts.admit({ ...attempt, address: limitKeyOf(attempt.address) }, limits);
    },
    async release(attemptId) {
      await store.redemptionAttempts.release(attemptId);
    },
  };
}
