import type { TFunction } from 'i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Language } from '#shared/format/locale';
import type { SuggestionRecord } from '#shared/negotiation/suggestions';

/** "Suggested insertion — by Anh Minh, 07/12/2026 14:05" (Vietnam's time), or that the server has not recorded it yet. */
export function suggestionByLine(t: TFunction, language: Language, kind: 'insert' | 'delete', record: SuggestionRecord | undefined): string {
  const what = t(kind === 'insert' ? 'suggestions.inserted' : 'suggestions.deleted');
  const byLine = record
    ? t('suggestions.byLine', { name: record.authorName, at: formatVietnamDateTime(record.createdAt, language) })
    : t('suggestions.notYetRecorded');
  return `${what} — ${byLine}`;
}
