import type { TFunction } from 'i18next';
import { markNames } from '#shared/document/elementRules';
import type { FormattedText } from '#shared/document/nodes';
import { formatCode, marksOfCode } from '#shared/document/suggestionMarks';
import type { FormatChange } from '#shared/negotiation/suggestions';

/** What a run's format suggestion changes: the marks it has now and had not, and those it had (decision 0028). */
export function formatChangeOf(leaf: FormattedText): Omit<FormatChange, 'text'> {
  const now = marksOfCode(formatCode(leaf)) ?? [];
  const before = marksOfCode(leaf.suggestFormatFrom) ?? [];
  return { added: markNames.filter((mark) => now.includes(mark) && !before.includes(mark)), removed: before.filter((mark) => !now.includes(mark)) };
}

/** A format change in words, capitalised as the start of a label: "Bold, not italic" ("In đậm, bỏ in nghiêng"). */
export function describeFormatChange(t: TFunction, change: Omit<FormatChange, 'text'>, language: string): string {
  const words = [...change.added.map((mark) => t(`suggestions.markOn_${mark}`)), ...change.removed.map((mark) => t(`suggestions.markOff_${mark}`))].join(', ');
  return words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
}
