/**
 * The compliance check: a pure function from a document (kind, body, variable values, dates,
 * enterprise facts) to findings, against the rule table (ruleTable.ts; docs/compliance.md) as the
 * law stands on the document's date. No I/O: the command line, the server and the editor all call it.
 */
import { publicHolidayDaysInForce } from '#shared/calendar/publicHolidays';
import { minimumWageTableOn, type MinimumWageTable } from '#shared/compliance/data/minimumWages';
import { evaluateTextLimits, evaluateVariableLimits } from '#shared/compliance/evaluateLimits';
import { applies } from '#shared/compliance/ruleDefinition';
import { createRuleContext, type LegalDateSource } from '#shared/compliance/ruleContext';
import { ruleTable } from '#shared/compliance/ruleTable';
import { nameOfRule, ruleNameById } from '#shared/compliance/ruleNames';
import { severities, type CheckDocumentInput, type Finding } from '#shared/compliance/types';
import type { IsoDate } from '#shared/calendar/isoDate';
import type { Region } from '#shared/templates/variableTypes';

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.clauseId === b.clauseId && a.variableId === b.variableId && a.message.en === b.message.en;
}

/** Checks a document against the rule table; violations first, then warnings, then notes, each in document order. */
export function checkDocument(input: CheckDocumentInput): Finding[] {
  const context = createRuleContext(input);
  const findings: Finding[] = [];
  for (const rule of ruleTable) {
    if (!applies(rule.appliesTo, context)) continue;
    const made = [...evaluateVariableLimits(rule, context), ...evaluateTextLimits(rule, context), ...(rule.check?.(context) ?? [])];
    findings.push(...made.map((finding) => ({ ...finding, rule: ruleNameById(finding.ruleId) ?? nameOfRule(rule) })));
  }
  const unique = findings.filter((finding, index) => findings.findIndex((other) => sameFinding(finding, other)) === index);
  const position = new Map(context.articles.map((article, index) => [article.clauseId, index]));
  const rank = (finding: Finding) => (finding.clauseId === undefined ? Number.MAX_SAFE_INTEGER : (position.get(finding.clauseId) ?? 0));
  return unique.sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || rank(a) - rank(b));
}

/** The law a check applies: the date it is taken at and the dated tables in force then. */
export interface ComplianceBasis {
  legalDate: IsoDate;
  legalDateSource: LegalDateSource;
  region?: Region;
  sector?: string;
  minimumWage?: MinimumWageTable;
  publicHolidayDays: { total: number; confirmed: number };
}

/** What checkDocument takes as the law for an input (for reports: "checked against ... on ..."). */
export function complianceBasis(input: CheckDocumentInput): ComplianceBasis {
  const context = createRuleContext(input);
  const minimumWage = minimumWageTableOn(context.legalDate);
  return {
    legalDate: context.legalDate,
    legalDateSource: context.legalDateSource,
    ...(context.region ? { region: context.region } : {}),
    ...(context.sector ? { sector: context.sector } : {}),
    ...(minimumWage ? { minimumWage } : {}),
    publicHolidayDays: publicHolidayDaysInForce(context.legalDate),
  };
}
