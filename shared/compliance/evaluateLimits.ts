/** Evaluation of the limits a rule declares: on variable values and on numbers in the text. */
import { formatCitation } from '#shared/compliance/citations';
import { bilingual, formatQuantity, quantity, type Unit } from '#shared/compliance/quantities';
import { applies, type Limit, type RuleDefinition, type Surroundings, type TextLimit, type VariableLimit } from '#shared/compliance/ruleDefinition';
import type { RuleContext, VariableFact } from '#shared/compliance/ruleContext';
import { parseQuantity, quote, segments } from '#shared/compliance/text';
import type { LocatedSentence } from '#shared/compliance/documentIndex';
import type { RuleFinding } from '#shared/compliance/types';
import type { Bilingual, LegalCitation, VariableDefinition } from '#shared/templates/schema';

type Comparison = 'atLeast' | 'atMost';

/** "không thấp hơn 150%" / "at least 150%". */
export function expectedText(comparison: Comparison, limit: number, unit: Unit): Bilingual {
  return bilingual((language) => {
    const amount = formatQuantity(limit, unit, language);
    if (language === 'vi') return comparison === 'atLeast' ? `không thấp hơn ${amount}` : `không quá ${amount}`;
    return comparison === 'atLeast' ? `at least ${amount}` : `at most ${amount}`;
  });
}

/** The message of a value beyond a statutory limit. */
export function limitMessage(
  what: Bilingual,
  value: number,
  comparison: Comparison,
  limit: number,
  unit: Unit,
  citation: LegalCitation,
  note?: Bilingual,
): Bilingual {
  return bilingual((language) => {
    const actual = formatQuantity(value, unit, language);
    const bound = formatQuantity(limit, unit, language);
    const law = formatCitation(citation, language);
    const tail = note ? ` ${note[language]}` : '';
    if (language === 'vi')
      return `${what.vi}: ${actual} ${comparison === 'atLeast' ? 'thấp hơn mức tối thiểu' : 'vượt quá mức tối đa'} ${bound} theo ${law}.${tail}`;
    return `${what.en}: ${actual} is ${comparison === 'atLeast' ? 'below the statutory minimum of' : 'above the statutory maximum of'} ${bound} (${law}).${tail}`;
  });
}

function fails(value: number, comparison: Comparison, limit: number): boolean {
  return comparison === 'atLeast' ? value < limit : value > limit;
}

const unitOfType: Partial<Record<VariableDefinition['type'], Unit>> = {
  percent: 'percent',
  days: 'days',
  workingDays: 'workingDays',
  hours: 'hours',
  months: 'months',
  money: 'money',
  headcount: 'people',
};

function checkVariable(rule: RuleDefinition, limit: VariableLimit, fact: VariableFact, context: RuleContext): RuleFinding[] {
  if (fact.number === undefined) return [];
  const citation = limit.citation ?? rule.citation;
  const what = limit.what ?? fact.definition?.label ?? rule.what;
  const findings: RuleFinding[] = [];
  for (const comparison of ['atLeast', 'atMost'] as const) {
    const bound = limit[comparison];
    if (bound === undefined || !fails(fact.number, comparison, bound)) continue;
    findings.push(
      context.finding({
        ruleId: rule.id,
        severity: limit.severity ?? 'violation',
        citation,
        message: limitMessage(what, fact.number, comparison, bound, limit.unit, citation, limit.note),
        expected: expectedText(comparison, bound, limit.unit),
        actual: quantity(fact.number, limit.unit),
        clauseIds: fact.clauseIds,
        variableId: fact.id,
      }),
    );
  }
  return findings;
}

/**
 * The variable limits of a rule: each listed variable by id; any other variable shown in the text
 * whose definition names the rule (a user template's variable) against the loosest listed limit
 * of its unit.
 */
export function evaluateVariableLimits(rule: RuleDefinition, context: RuleContext): RuleFinding[] {
  const limits = rule.variables ?? [];
  const findings: RuleFinding[] = [];
  const listed = new Set(limits.map((limit) => limit.variableId));
  for (const limit of limits) {
    const fact = context.variable(limit.variableId);
    if (fact?.shown) findings.push(...checkVariable(rule, limit, fact, context));
  }
  for (const fact of context.variablesWithRule(rule.id)) {
    if (listed.has(fact.id)) continue;
    const unit = fact.definition ? unitOfType[fact.definition.type] : undefined;
    const sameUnit = limits.filter((limit) => limit.unit === unit);
    if (sameUnit.length === 0) continue;
    const loosest: VariableLimit = { variableId: fact.id, unit: sameUnit[0]?.unit ?? 'percent' };
    const floors = sameUnit.flatMap((limit) => (limit.atLeast === undefined ? [] : [limit.atLeast]));
    const caps = sameUnit.flatMap((limit) => (limit.atMost === undefined ? [] : [limit.atMost]));
    if (floors.length > 0) loosest.atLeast = Math.min(...floors);
    if (caps.length > 0) loosest.atMost = Math.max(...caps);
    findings.push(...checkVariable(rule, loosest, fact, context));
  }
  return findings;
}

function resolve(limit: Limit | undefined, around: Surroundings, context: RuleContext): number | null {
  if (limit === undefined) return null;
  return typeof limit === 'number' ? limit : limit(around.text, context, around);
}

const anyNumber = /\d+(?:[.,]\d+)*/g;

/** The words between the number before and the number after a match: what qualifies it. */
function surroundings(part: string, start: number, end: number): Surroundings {
  let from = 0;
  let to = part.length;
  for (const match of part.matchAll(anyNumber)) {
    const index = match.index ?? 0;
    if (index + match[0].length <= start) from = index + match[0].length;
    else if (index >= end) {
      to = index;
      break;
    }
  }
  return { text: part.slice(from, to), before: part.slice(from, end), after: part.slice(start, to) };
}

/** `pattern.test` without the state a global pattern keeps between calls. */
function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

// The parts of a sentence are asked for by every text limit: split each sentence once.
const partsCache = new WeakMap<LocatedSentence, { semicolons?: string[]; commas?: string[] }>();

function partsOf(sentence: LocatedSentence, commas: boolean | undefined): string[] {
  let cached = partsCache.get(sentence);
  if (!cached) {
    cached = {};
    partsCache.set(sentence, cached);
  }
  if (commas) return (cached.commas ??= segments(sentence.folded, true));
  return (cached.semicolons ??= segments(sentence.folded));
}

function textFindings(rule: RuleDefinition, check: TextLimit, context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const citation = check.citation ?? rule.citation;
  const what = check.what ?? rule.what;
  const value = new RegExp(check.value.source, check.value.flags.includes('g') ? check.value.flags : `${check.value.flags}g`);
  for (const sentence of context.index.sentences) {
    if (!sentence.hasNumber) continue;
    if (check.topic && !matches(check.topic, sentence.context)) continue;
    for (const part of partsOf(sentence, check.commas)) {
      if (check.where && !matches(check.where, part)) continue;
      if (check.unless && matches(check.unless, part)) continue;
      for (const match of part.matchAll(value)) {
        const written = match.slice(1).find((group) => group !== undefined);
        if (written === undefined) continue;
        const number = parseQuantity(written) * (check.scale ?? 1);
        if (!Number.isFinite(number)) continue;
        const start = match.index ?? 0;
        const around = surroundings(part, start, start + match[0].length);
        for (const comparison of ['atLeast', 'atMost'] as const) {
          const bound = resolve(check[comparison], around, context);
          if (bound === null || !fails(number, comparison, bound)) continue;
          const quoted = quote(sentence.text);
          findings.push(
            context.finding({
              ruleId: rule.id,
              severity: check.severity ?? 'violation',
              citation,
              message: bilingual(
                (language) =>
                  `${limitMessage(what, number, comparison, bound, check.unit, citation, check.note)[language]} ${language === 'vi' ? 'Văn bản' : 'Text'}: “${quoted}”`,
              ),
              expected: expectedText(comparison, bound, check.unit),
              actual: bilingual((language) => `${formatQuantity(number, check.unit, language)} — “${quoted}”`),
              clauseIds: sentence.article ? [sentence.article.clauseId] : [],
            }),
          );
        }
      }
    }
  }
  return findings;
}

/** The text limits of a rule that apply to the document. */
export function evaluateTextLimits(rule: RuleDefinition, context: RuleContext): RuleFinding[] {
  return (rule.text ?? []).filter((check) => applies(check.appliesTo, context)).flatMap((check) => textFindings(rule, check, context));
}
