import { isIsoDate } from '#shared/calendar/isoDate';
import { formatNumber, formatVnd, type Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { Bilingual, VariableDefinition, VariableValue } from '#shared/templates/schema';
import { regions } from '#shared/templates/variableTypes';

/** Finds the definition of a document variable (built-in library or user templates). */
export type VariableLookup = (variableId: string) => VariableDefinition | undefined;

const defaultUnits: Partial<Record<VariableDefinition['type'], Bilingual>> = {
  days: { vi: 'ngày', en: 'days' },
  workingDays: { vi: 'ngày làm việc', en: 'working days' },
  months: { vi: 'tháng', en: 'months' },
  hours: { vi: 'giờ', en: 'hours' },
  headcount: { vi: 'người', en: 'people' },
};

/** English says "1 day", "1 person"; Vietnamese nouns do not change with the number. */
const singularUnits: Partial<Record<VariableDefinition['type'], string>> = {
  days: 'day',
  workingDays: 'working day',
  months: 'month',
  hours: 'hour',
  headcount: 'person',
};

/** What a variable no definition describes is called (a template pack's, since removed): never its id. */
const unknownVariable: Bilingual = { vi: 'Giá trị ngoài thư viện', en: 'A value outside the library' };

const integerTypes = new Set<VariableDefinition['type']>(['money', 'days', 'workingDays', 'months', 'headcount']);

function range(definition: VariableDefinition, language: Language): string {
  const show = (value: number) => (definition.type === 'money' ? formatVnd(value, language) : formatNumber(value, language));
  const { min, max } = definition;
  if (min !== undefined && max !== undefined) return language === 'vi' ? `từ ${show(min)} đến ${show(max)}` : `between ${show(min)} and ${show(max)}`;
  if (min !== undefined) return language === 'vi' ? `không dưới ${show(min)}` : `at least ${show(min)}`;
  if (max !== undefined) return language === 'vi' ? `không quá ${show(max)}` : `at most ${show(max)}`;
  return '';
}

function both(message: (language: Language) => string): Bilingual {
  return { vi: message('vi'), en: message('en') };
}

/** Why a value is not acceptable for a variable (in both languages), or null when it is. */
export function validateVariableValue(definition: VariableDefinition, value: unknown): Bilingual | null {
  const label = definition.label;
  switch (definition.type) {
    case 'money':
    case 'percent':
    case 'days':
    case 'workingDays':
    case 'months':
    case 'hours':
    case 'headcount': {
      const whole = integerTypes.has(definition.type);
      const invalid =
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (whole && !Number.isInteger(value)) ||
        value < 0 ||
        (definition.min !== undefined && value < definition.min) ||
        (definition.max !== undefined && value > definition.max);
      if (!invalid) return null;
      return both((language) => {
        const kind = language === 'vi' ? (whole ? 'một số nguyên' : 'một số') : whole ? 'a whole number' : 'a number';
        const bounds = range(definition, language);
        return language === 'vi'
          ? `${label.vi}: phải là ${kind}${bounds ? ` ${bounds}` : ' không âm'}.`
          : `${label.en}: must be ${kind}${bounds ? ` ${bounds}` : ' that is not negative'}.`;
      });
    }
    case 'timeOfDay':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
        ? null
        : { vi: `${label.vi}: phải là giờ trong ngày dạng HH:MM, ví dụ 07:30.`, en: `${label.en}: must be a time of day as HH:MM, for example 07:30.` };
    case 'date':
      return typeof value === 'string' && isIsoDate(value)
        ? null
        : { vi: `${label.vi}: phải là một ngày có thật (năm-tháng-ngày).`, en: `${label.en}: must be a real date (year-month-day).` };
    case 'enum':
      return typeof value === 'string' && (definition.options ?? []).some((option) => option.value === value)
        ? null
        : {
            vi: `${label.vi}: phải là một trong các lựa chọn: ${(definition.options ?? []).map((o) => o.label.vi).join('; ')}.`,
            en: `${label.en}: must be one of: ${(definition.options ?? []).map((o) => o.label.en).join('; ')}.`,
          };
    case 'region':
      return typeof value === 'string' && (regions as readonly string[]).includes(value)
        ? null
        : { vi: `${label.vi}: phải là vùng I, II, III hoặc IV.`, en: `${label.en}: must be region I, II, III or IV.` };
    case 'text': {
      const max = definition.max ?? 500;
      return typeof value === 'string' && value.trim() !== '' && value.length <= max
        ? null
        : { vi: `${label.vi}: không được để trống và dài tối đa ${max} ký tự.`, en: `${label.en}: must not be empty and at most ${max} characters long.` };
    }
  }
}

/** A value as it reads in the text: vi-VN numbers and dates (5.310.000 ₫, 150%, 05/01/2027). */
export function formatVariableValue(definition: VariableDefinition, value: VariableValue, language: Language): string {
  const singular = language === 'en' && value === 1 && definition.unit === undefined ? singularUnits[definition.type] : undefined;
  const unit = singular ?? (definition.unit ?? defaultUnits[definition.type])?.[language];
  switch (definition.type) {
    case 'money':
      return typeof value === 'number' ? formatVnd(value, language) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value, language)}%` : String(value);
    case 'days':
    case 'workingDays':
    case 'months':
    case 'hours':
    case 'headcount':
      return typeof value === 'number' ? `${formatNumber(value, language)}${unit ? ` ${unit}` : ''}` : String(value);
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? formatIsoDate(value) : String(value);
    case 'enum':
      return definition.options?.find((option) => option.value === value)?.label[language] ?? String(value);
    case 'region':
      return language === 'vi' ? `vùng ${String(value)}` : `Region ${String(value)}`;
    default:
      return String(value);
  }
}

/** A variable's name as people read it, in both languages: its label, or a plain word when no definition describes it. */
export function variableNames(definition: VariableDefinition | undefined): Bilingual {
  return definition?.label ?? unknownVariable;
}

/** A variable's name as people read it: its label, or a plain word when no definition describes it. */
export function variableLabel(definition: VariableDefinition | undefined, language: Language): string {
  return variableNames(definition)[language];
}

/** A value as people read it, whether or not a definition describes it: formatted by its definition, else a number in the language's format or the text. */
export function readableValue(definition: VariableDefinition | undefined, value: VariableValue, language: Language): string {
  if (definition) return formatVariableValue(definition, value, language);
  return typeof value === 'number' ? formatNumber(value, language) : String(value);
}
