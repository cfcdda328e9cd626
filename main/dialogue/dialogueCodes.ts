import { ApiError } from '#shared/api/errors';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { normaliseInvitationCode, randomInvitationCode } from '#main/secrets';
import type { DialogueRecord } from '#main/store/records';

/**
 * A dialogue's public code: what its submission link and its public page carry, printed on the
 * notice at the workplace. It is an invitation-style code (50 random bits, read aloud and typed by
 * hand), stored as compared: upper case, without the dash.
 */
export function newDialogueCode(): string {
  return normaliseInvitationCode(randomInvitationCode());
}

/** The code as the notice prints it: two groups of five. */
export function codeOnNotice(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The dialogue of a code typed by someone without an account. Wrong codes count against the
 * limits on guessing codes (main/kernel/redemptionLimiter.ts), as invitation codes do: a right
 * one takes its attempt back. Callers without a network address (the desktop window) are not
 * counted.
 */
export async function dialogueOfCode(context: ServiceContext, rawCode: string, remoteAddress: string | undefined): Promise<DialogueRecord> {
  const code = normaliseInvitationCode(rawCode);
  let attemptId: string | null = null;
  if (remoteAddress !== undefined) {
    const at = context.now();
    attemptId = context.newId();
    const admission = await context.redemptionLimiter.admit({ id: attemptId, address: remoteAddress, at });
    if (!admission.admitted) {
      const retryAfterSeconds = Math.max(1, Math.ceil((admission.retryAt - at) / 1000));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new ApiError('rate_limited', `too many wrong codes from this address; try again in ${minutes} minutes`, {
        reason: { key: 'too_many_codes', values: { count: minutes } },
        retryAfterSeconds,
      });
    }
  }
  const found = await context.store.dialogues.byCode(code);
  if (!found) {
    context.logger.log(remoteAddress === undefined ? 'info' : 'warn', 'dialogue.code_unknown', {
      address: remoteAddress ?? 'local',
      codeStart: code.slice(0, 2),
    });
    throw new ApiError('not_found', 'no dialogue has this code; check the code on the notice', { reason: { key: 'dialogue_code_unknown' } });
  }
  if (attemptId !== null) await context.redemptionLimiter.release(attemptId);
  return found;
}
