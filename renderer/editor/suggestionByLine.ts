import type { TFunction } from 'i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Language } from '#shared/format/locale';
import type { FormatChange, SuggestionRecord } from '#shared/negotiation/suggestions';
import { describeFormatChange } from './formatChange';

/** What a suggested run changes: text inserted, text deleted, or its formatting (decision 0028). */
export type SuggestedRunChange = { kind: 'insert' | 'delete' } | { kind: 'format'; change: Omit<FormatChange, 'text'> };

/**
 * "Suggested insertion — by Anh Minh, 07/12/2026 14:05" (Vietnam's time), "Suggested formatting:
 * Bold — …", or that the server has not recorded the suggestion yet.
 */
export function suggestionByLine(t: TFunction, language: Language, run: SuggestedRunChange, record: SuggestionRecord | undefined): string {
  const what =
    run.kind === 'format'
      ? t('suggestions.formatted', { change: describeFormatChange(t, run.change, language) })
      : t(run.kind === 'insert' ? 'suggestions.inserted' : 'suggestions.deleted');
  const byLine = record
    ? t('suggestions.byLine', { name: record.authorName, at: formatVietnamDateTime(record.createdAt, language) })
    : t('suggestions.notYetRecorded');
  return `${what} — ${byLine}`;
}
