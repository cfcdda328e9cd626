import type { TFunction } from 'i18next';

/** Why an agreed article is open again: who edited it, or the host's restore (no name). */
export function reopenedLabel(t: TFunction, byName: string | null): string {
  return byName === null ? t('negotiation.reopenedByHost') : t('negotiation.reopenedBy', { name: byName });
}
