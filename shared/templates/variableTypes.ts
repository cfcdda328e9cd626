/** Kinds of typed variables a clause can carry; each has its own unit, range and formatting. */
export const variableTypes = [
  'money',
  'percent',
  'days',
  'workingDays',
  'months',
  'hours',
  'timeOfDay',
  'date',
  'enum',
  'text',
  'region',
  'headcount',
] as const;

export type VariableType = (typeof variableTypes)[number];

/** Minimum-wage regions of Decree 293/2025 Art. 3 (Labour Code Art. 91). */
export const regions = ['I', 'II', 'III', 'IV'] as const;

export type Region = (typeof regions)[number];
