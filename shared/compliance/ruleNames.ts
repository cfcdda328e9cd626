/**
 * Rules as people read them. A rule's id (`pay.ot_holiday`) is for programs and tests; a screen,
 * an export or a decision names the rule by its title and the provision it comes from.
 */
import { formatCitation } from '#shared/compliance/citations';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import { ruleTable } from '#shared/compliance/ruleTable';
import type { Bilingual } from '#shared/templates/schema';

/** "Tiền lương làm thêm giờ vào ngày lễ, tết, ngày nghỉ có hưởng lương — điểm c khoản 1 Điều 98 Bộ luật Lao động 2019". */
export function nameOfRule(rule: Pick<RuleDefinition, 'what' | 'citation'>): Bilingual {
  return { vi: `${rule.what.vi} — ${formatCitation(rule.citation, 'vi')}`, en: `${rule.what.en} — ${formatCitation(rule.citation, 'en')}` };
}

const names = new Map(ruleTable.map((rule) => [rule.id, nameOfRule(rule)]));

/** The name of a rule of the table by its id; null for an id this version does not know. */
export function ruleNameById(ruleId: string): Bilingual | null {
  return names.get(ruleId) ?? null;
}
