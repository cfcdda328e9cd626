/** Times of day ("HH:MM" variables) as minutes since midnight, for shift lengths and breaks. */
import type { VariableFact } from '#shared/compliance/ruleContext';

/** The minutes since midnight of a timeOfDay variable, if it holds a valid "HH:MM". */
export function minutesOfDay(value: VariableFact | undefined): number | undefined {
  if (typeof value?.value !== 'string') return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Minutes from one time of day to another, across midnight when the end is earlier (22:00 → 06:00). */
export function span(from: number, to: number): number {
  return to > from ? to - from : to + 1440 - from;
}
