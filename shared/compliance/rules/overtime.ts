/**
 * Overtime: consent and caps, LC Art. 107-108 and Decree 145 Art. 59-62 (rules ot.*). Overtime pay
 * is in pay.ts.
 */
import { d145, lc } from '#shared/compliance/citations';
import { expectedText, limitMessage } from '#shared/compliance/evaluateLimits';
import { hoursPer, overtimeWords } from '#shared/compliance/patterns';
import { bilingual, formatQuantity, quantity } from '#shared/compliance/quantities';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { hasAffirmed, quote } from '#shared/compliance/text';
import type { RuleFinding } from '#shared/compliance/types';

/** Sectors where up to 300 overtime hours a year are allowed: LC Art. 107(3); Decree 145 Art. 61 (values of the `sector` variable). */
export const sectorsAllowing300OvertimeHours: readonly string[] = [
  'textile_garment_export',
  'leather_footwear_export',
  'electrical_electronics_export',
  'agro_forestry_salt_fishery_processing',
  'power',
  'telecommunications',
  'oil_refining',
  'water_supply_drainage',
  'public_services',
  'healthcare',
  'education_vocational',
];

/** Overtime on a normal day: at most half the normal daily hours (LC Art. 107(2)(b); Decree 145 Art. 60(1)(a)). */
function checkDailyOvertime(context: RuleContext): RuleFinding[] {
  const normal = context.variable('hours_per_day')?.number ?? 8;
  const cap = Math.min(normal, 8) / 2;
  const citation = lc(107, 2, 'b');
  return [context.variable('ot_max_hours_per_day'), ...context.variablesWithRule('ot.daily_cap').filter((f) => f.id !== 'ot_max_hours_per_day')].flatMap(
    (fact) => {
      if (!fact?.shown || fact.number === undefined || fact.number <= cap) return [];
      const what = fact.definition?.label ?? { vi: 'Giờ làm thêm trong ngày', en: 'Daily overtime' };
      return [
        context.finding({
          ruleId: 'ot.daily_cap',
          severity: 'violation',
          citation,
          message: limitMessage(what, fact.number, 'atMost', cap, 'hours', citation, {
            vi: `(50% của ${formatQuantity(Math.min(normal, 8), 'hours', 'vi')} làm việc bình thường trong ngày).`,
            en: `(50% of ${formatQuantity(Math.min(normal, 8), 'hours', 'en')} of normal work a day).`,
          }),
          expected: expectedText('atMost', cap, 'hours'),
          actual: quantity(fact.number, 'hours'),
          clauseIds: fact.clauseIds,
          variableId: fact.id,
        }),
      ];
    },
  );
}

/** Overtime a year: 200 hours, 300 in the listed sectors (LC Art. 107(2)(c), 107(3); Decree 145 Art. 61). */
function checkAnnualOvertime(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const fact of [
    context.variable('ot_max_hours_per_year'),
    ...context.variablesWithRule('ot.annual_cap').filter((f) => f.definition?.type === 'hours' && f.id !== 'ot_max_hours_per_year'),
  ]) {
    if (!fact?.shown || fact.number === undefined || fact.number <= 200) continue;
    const what = fact.definition?.label ?? { vi: 'Giờ làm thêm trong năm', en: 'Overtime a year' };
    const listed = context.sector !== undefined && sectorsAllowing300OvertimeHours.includes(context.sector);
    const base = { clauseIds: fact.clauseIds, variableId: fact.id, actual: quantity(fact.number, 'hours') };
    if (fact.number > 300) {
      findings.push(
        context.finding({
          ruleId: 'ot.annual_cap',
          severity: 'violation',
          citation: lc(107, 3),
          message: limitMessage(what, fact.number, 'atMost', 300, 'hours', lc(107, 3)),
          expected: expectedText('atMost', 300, 'hours'),
          ...base,
        }),
      );
    } else if (listed) {
      const notified = context.articles.some(
        (article) =>
          fact.clauseIds.includes(article.clauseId) &&
          /thong bao[^.]*(?:co quan|so noi vu)|notif[^.]*authority|department of home affairs/.test(article.foldedBody),
      );
      findings.push(
        context.finding({
          ruleId: 'ot.300h_notice',
          severity: notified ? 'information' : 'warning',
          citation: lc(107, 4),
          message: bilingual((language) =>
            language === 'vi'
              ? `Làm thêm trên 200 giờ/năm (đến ${formatQuantity(fact.number ?? 0, 'hours', language)}): Người sử dụng lao động phải thông báo bằng văn bản cho Sở Nội vụ chậm nhất 15 ngày sau khi thực hiện (khoản 4 Điều 107 Bộ luật Lao động 2019; Điều 62 Nghị định 145/2020/NĐ-CP)${notified ? '.' : '; điều khoản chưa nêu việc thông báo.'}`
              : `Overtime above 200 hours a year (up to ${formatQuantity(fact.number ?? 0, 'hours', language)}): the employer must notify the Department of Home Affairs in writing within 15 days of starting (Labour Code 2019 Art. 107(4); Decree 145/2020/ND-CP Art. 62)${notified ? '.' : '; the clause does not mention the notice.'}`,
          ),
          expected: { vi: 'thông báo Sở Nội vụ trong 15 ngày', en: 'notice to the Department of Home Affairs within 15 days' },
          ...base,
        }),
      );
    } else {
      const mayQualify = (context.variable('hours_per_week')?.number ?? 48) <= 44;
      findings.push(
        context.finding({
          ruleId: 'ot.annual_cap',
          severity: context.sector === undefined || mayQualify ? 'warning' : 'violation',
          citation: lc(107, 2, 'c'),
          message: bilingual((language) => {
            const base200 = limitMessage(what, fact.number ?? 0, 'atMost', 200, 'hours', lc(107, 2, 'c'))[language];
            if (language === 'vi')
              return `${base200} Chỉ được đến 300 giờ trong các ngành, nghề, trường hợp tại khoản 3 Điều 107 và Điều 61 Nghị định 145/2020/NĐ-CP; ${context.sector === undefined ? 'chưa rõ ngành, nghề của doanh nghiệp.' : mayQualify ? 'cần kiểm tra trường hợp của Điều 61 Nghị định 145/2020/NĐ-CP.' : 'ngành, nghề của doanh nghiệp không thuộc các trường hợp này.'}`;
            return `${base200} Up to 300 hours are allowed only in the sectors and cases of Art. 107(3) and Decree 145/2020/ND-CP Art. 61; ${context.sector === undefined ? "the enterprise's sector is not known." : mayQualify ? 'check the cases of Decree 145/2020/ND-CP Art. 61.' : "the enterprise's sector is not one of them."}`;
          }),
          expected: { vi: 'không quá 200 giờ/năm (300 giờ trong các ngành, nghề được phép)', en: 'at most 200 hours a year (300 in the listed sectors)' },
          ...base,
        }),
      );
    }
  }
  return findings;
}

const compulsoryOvertime =
  /bat buoc (?:phai )?lam them|buoc (?:nguoi lao dong )?(?:phai )?lam them|(?:compulsory|mandatory|obligatory) overtime|(?:must|shall) (?:work|do|perform) overtime|required to (?:work|do) overtime/;
/** Wording that is negative in itself: the worker "may not refuse" overtime. */
const refusalForbidden = /(?:khong duoc|khong the) tu choi lam them|(?:may|can)(?:not| not) refuse (?:to work )?overtime/;
const emergencyCases =
  /dieu 108|art(?:icle)?\.? 108|dong vien|huy dong|quoc phong|an ninh|thien tai|hoa hoan|tham hoa|dich benh|defen[cs]e|mobili[sz]ation|natural disaster|catastroph|epidemic/;

/** Overtime only with the worker's consent, except the LC Art. 108 emergencies (LC Art. 107(2)(a)). */
function checkOvertimeConsent(context: RuleContext): RuleFinding[] {
  return context.index.sentences.flatMap((sentence) => {
    if (emergencyCases.test(sentence.folded)) return [];
    if (!hasAffirmed(sentence.folded, compulsoryOvertime) && !hasAffirmed(sentence.folded, refusalForbidden, { inside: false })) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'ot.consent',
        severity: 'violation',
        citation: lc(107, 2, 'a'),
        message: {
          vi: `Làm thêm giờ phải được người lao động đồng ý về thời gian, địa điểm và công việc (điểm a khoản 2 Điều 107 Bộ luật Lao động 2019), trừ các trường hợp của Điều 108. Văn bản: “${quoted}”`,
          en: `Overtime requires the worker's consent to its time, place and work (Labour Code 2019 Art. 107(2)(a)), except in the cases of Art. 108. Text: “${quoted}”`,
        },
        expected: { vi: 'làm thêm giờ khi người lao động đồng ý', en: "overtime only with the worker's consent" },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

export const overtimeRules: readonly RuleDefinition[] = [
  {
    id: 'ot.consent',
    what: { vi: 'Sự đồng ý làm thêm giờ', en: 'Consent to overtime' },
    floor: { vi: 'phải được người lao động đồng ý (trừ Điều 108)', en: "the worker's consent (except Art. 108)" },
    citation: lc(107, 2, 'a'), // LC Art. 107(2)(a); Decree 145 Art. 59
    appliesTo: 'all',
    check: checkOvertimeConsent,
  },
  {
    id: 'ot.daily_cap',
    what: { vi: 'Giờ làm thêm trong ngày', en: 'Daily overtime' },
    floor: {
      vi: '≤ 50% giờ làm việc bình thường trong ngày; ≤ 12 giờ/ngày cả làm thêm (theo tuần, ngày nghỉ, ngày lễ)',
      en: '≤ 50% of the normal daily hours; ≤ 12 hours a day in all (weekly regime, rest days, holidays)',
    },
    citation: lc(107, 2, 'b'), // LC Art. 107(2)(b); Decree 145 Art. 60
    appliesTo: 'all',
    text: [
      {
        where: overtimeWords,
        value: hoursPer('day'),
        unit: 'hours',
        citation: d145(60),
        atMost: (around, context) =>
          /theo tuan|by the week|nghi hang tuan|weekly rest|rest days?|le,? tet|holiday/.test(around)
            ? 12
            : Math.min(context.variable('hours_per_day')?.number ?? 8, 8) / 2,
      },
    ],
    check: checkDailyOvertime,
  },
  {
    id: 'ot.monthly_cap',
    what: { vi: 'Giờ làm thêm trong tháng', en: 'Overtime a month' },
    floor: { vi: 'không quá 40 giờ/tháng', en: 'at most 40 hours a month' },
    citation: lc(107, 2, 'b'), // LC Art. 107(2)(b)
    appliesTo: 'all',
    variables: [{ variableId: 'ot_max_hours_per_month', atMost: 40, unit: 'hours' }],
    text: [{ where: overtimeWords, value: hoursPer('month'), unit: 'hours', atMost: 40 }],
  },
  {
    id: 'ot.annual_cap',
    what: { vi: 'Giờ làm thêm trong năm', en: 'Overtime a year' },
    floor: { vi: 'không quá 200 giờ/năm; 300 giờ trong các ngành, nghề được phép', en: 'at most 200 hours a year; 300 in the listed sectors' },
    citation: lc(107, 2, 'c'), // LC Art. 107(2)(c), 107(3); Decree 145 Art. 61
    appliesTo: 'all',
    check: checkAnnualOvertime,
  },
  {
    id: 'ot.300h_notice',
    what: { vi: 'Thông báo khi làm thêm trên 200 giờ/năm', en: 'Notice when overtime exceeds 200 hours a year' },
    floor: { vi: 'thông báo Sở Nội vụ trong 15 ngày', en: 'notice to the Department of Home Affairs within 15 days' },
    citation: lc(107, 4), // LC Art. 107(4); Decree 145 Art. 62 (checked with ot.annual_cap)
    appliesTo: 'all',
  },
];
