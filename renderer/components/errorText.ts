import type { TFunction } from 'i18next';
import { ApiError } from '#shared/api/errors';
import { ApiUnreachableError } from '#shared/api/httpTransport';
import type { Language } from '#shared/format/locale';

/** A failure the interface itself found (an empty article, a file too large), already worded in the interface language. */
export class InterfaceError extends Error {
  override readonly name = 'InterfaceError';
}

/**
 * An error in one sentence of the interface language (decision record 0016): the API's reason
 * worded by the interface, or explained by the rule that refused; else what its code means. The
 * English message of an API error is for logs and programs, never shown.
 */
export function errorText(t: TFunction, error: unknown, language: Language): string {
  if (error instanceof InterfaceError) return error.message;
  if (error instanceof ApiUnreachableError) return t('errors.unreachable');
  // A failure of this page itself: its detail is for the console, where the browser reports it.
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const { reason } = error;
  if (reason === undefined) return t(`errors.${error.code}`);
  if (reason.key === 'explained') return reason.text[language];
  const values = Object.fromEntries(Object.entries(reason.values ?? {}).map(([name, value]) => [name, typeof value === 'object' ? value[language] : value]));
  return t(`errorReasons.${reason.key}`, values);
}
