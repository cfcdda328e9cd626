import type { TFunction } from 'i18next';
import { severities, type Severity } from '#shared/compliance/types';

/** "2 violations, 1 warning, 0 notes": how many findings of each severity, each counted in its own plural. */
export function findingCounts(t: TFunction, counts: Record<Severity, number>): string {
  return severities.map((severity) => t(`compliance.severityCount.${severity}`, { count: counts[severity] })).join(', ');
}
