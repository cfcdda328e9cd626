import { createHash, randomBytes, randomInt } from 'node:crypto';

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Crockford's base32 without I, L, O, U: codes are read aloud and typed by hand.
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomString(alphabet: string, length: number): string {
  let result = '';
  for (let i = 0; i < length; i += 1) result += alphabet[randomInt(alphabet.length)];
  return result;
}

/** A random identifier of lowercase letters and digits (about 82 bits for 16 characters). */
export function randomId(length = 16): string {
  return randomString(idAlphabet, length);
}

/** A bearer token: 32 random bytes; only its hash is ever stored. */
export function randomToken(): string {
  return `tu_${randomBytes(32).toString('base64url')}`;
}

/** A one-time invitation code such as "7KQ2M-XW9PD" (50 bits). */
export function randomInvitationCode(): string {
  return `${randomString(codeAlphabet, 5)}-${randomString(codeAlphabet, 5)}`;
}

/** Invitation codes are compared without case, spaces or dashes, and with O/I/L read as 0/1/1. */
export function normaliseInvitationCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The stored form of a token or code. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
