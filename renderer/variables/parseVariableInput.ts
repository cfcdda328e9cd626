import { formatNumber, type Language } from '#shared/format/locale';
import type { VariableDefinition, VariableValue } from '#shared/templates/schema';

const numericTypes = new Set<VariableDefinition['type']>(['money', 'percent', 'days', 'workingDays', 'months', 'hours', 'headcount']);

/**
 * Reads what a person typed for a variable. Numbers may be written the Vietnamese way
 * ("5.310.000", "1,5") or the English way ("5,310,000", "1.5"), with or without "₫" or "%".
 * Returns the raw text when it is not a number, so that validation can say what is wrong.
 */
export function parseVariableInput(definition: VariableDefinition, text: string, language: Language): VariableValue {
  if (!numericTypes.has(definition.type)) return text.trim();
  return parseNumberInput(text, language);
}

/** A number as a person types it in the interface's language (see parseVariableInput), else the text trimmed. */
export function parseNumberInput(text: string, language: Language): number | string {
  const cleaned = text.replace(/[₫%\s]|đồng|vnd/gi, '');
  const [thousands, decimal] = language === 'vi' ? ['.', ','] : [',', '.'];
  const normalised = cleaned.split(thousands).join('').replace(decimal, '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return text.trim();
  return Number(normalised);
}

/** A value as it appears in an input field, before editing. */
export function inputTextOf(definition: VariableDefinition, value: VariableValue | undefined, language: Language): string {
  if (value === undefined) return '';
  if (typeof value === 'number' && numericTypes.has(definition.type)) return formatNumber(value, language);
  return String(value);
}
