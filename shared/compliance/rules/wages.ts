/**
 * Wages: the regional minimum wage by region and date (LC Art. 90(2), 91; Decrees 74/2024 and
 * 293/2025), payment, pay period, late payment, deductions and stoppage pay (LC Art. 94-102;
 * rules wage.*).
 */
import { formatIsoDate } from '#shared/format/vietnamTime';
import { lc } from '#shared/compliance/citations';
import { minimumWageTableOn, type MinimumWageTable } from '#shared/compliance/data/minimumWages';
import { numberWritten, pattern, percentValue } from '#shared/compliance/patterns';
import { bilingual, formatQuantity, quantity } from '#shared/compliance/quantities';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext, VariableFact } from '#shared/compliance/ruleContext';
import { fold, hasAffirmed, quote } from '#shared/compliance/text';
import type { RuleFinding, Severity } from '#shared/compliance/types';

function isHourly(fact: VariableFact): boolean {
  const unit = fact.definition?.unit;
  return unit !== undefined && /gio|hour/.test(fold(`${unit.vi} ${unit.en}`));
}

/**
 * Every money value bound to `wage.min_regional` (the minimum the agreement states, its lowest
 * wage...) is at least the regional minimum in force on the agreement's date, monthly or hourly
 * by the variable's unit. Without a region, below region IV is a violation and below region I a
 * warning (it depends on the region).
 */
function checkMinimumWage(context: RuleContext): RuleFinding[] {
  const facts = context.variablesWithRule('wage.min_regional').filter((fact) => fact.definition?.type === 'money' && fact.number !== undefined);
  if (facts.length === 0) return [];
  const table = minimumWageTableOn(context.legalDate);
  if (!table) {
    return [
      context.finding({
        ruleId: 'wage.min_regional',
        severity: 'information',
        citation: lc(91),
        message: bilingual((language) =>
          language === 'vi'
            ? `Chưa có bảng lương tối thiểu vùng cho ngày ${formatIsoDate(context.legalDate)} (dữ liệu có từ 01/7/2024); mức lương chưa được kiểm tra.`
            : `No regional minimum-wage table covers ${formatIsoDate(context.legalDate)} (the data starts on 1 Jul 2024); wages were not checked.`,
        ),
        expected: { vi: 'mức lương tối thiểu vùng đang áp dụng', en: 'the regional minimum wage in force' },
        clauseIds: facts.flatMap((fact) => fact.clauseIds),
      }),
    ];
  }
  const findings: RuleFinding[] = [];
  for (const fact of facts) {
    const value = fact.number ?? 0;
    const hourly = isHourly(fact);
    const figures = hourly ? table.hourly : table.monthly;
    const unit = hourly ? 'moneyPerHour' : 'money';
    const { floor, severity } = floorFor(table, context, value, hourly);
    if (value >= floor) continue;
    const region = context.region;
    findings.push(
      context.finding({
        ruleId: 'wage.min_regional',
        severity,
        citation: table.citation ?? lc(91),
        source: table.decree,
        message: bilingual((language) => {
          const what = fact.definition?.label[language] ?? fact.id;
          const date = formatIsoDate(context.legalDate);
          const amount = formatQuantity(value, unit, language);
          const minimum = formatQuantity(floor, unit, language);
          if (language === 'vi') {
            const where = region ? `vùng ${region}` : 'vùng IV (thấp nhất)';
            const tail = region ? '' : value < figures.IV ? '' : ' Chưa rõ vùng của doanh nghiệp: mức này chỉ hợp pháp ở vùng có mức tối thiểu thấp hơn.';
            return `${what}: ${amount} thấp hơn mức lương tối thiểu ${where} ${minimum} theo ${table.decree.vi}, áp dụng ngày ${date} (Điều 91 Bộ luật Lao động 2019).${tail}`;
          }
          const where = region ? `region ${region}` : value < figures.IV ? 'region IV (the lowest)' : 'region I';
          const tail = region
            ? ''
            : value < figures.IV
              ? ''
              : " The enterprise's region is not known: the amount is lawful only in a region with a lower minimum.";
          return `${what}: ${amount} is below the ${where} minimum wage of ${minimum} under ${table.decree.en}, in force on ${date} (Labour Code 2019 Art. 91).${tail}`;
        }),
        expected: bilingual((language) => `${language === 'vi' ? 'không thấp hơn' : 'at least'} ${formatQuantity(floor, unit, language)}`),
        actual: quantity(value, unit),
        clauseIds: fact.clauseIds,
        variableId: fact.id,
      }),
    );
  }
  return findings;
}

/**
 * The minimum an amount is held to: the region's, where the enterprise's region is known; else
 * region IV's (a violation below it, lawful nowhere), then region I's (a warning: lawful only in a
 * region with a lower minimum).
 */
function floorFor(table: MinimumWageTable, context: RuleContext, value: number, hourly: boolean): { floor: number; severity: Severity } {
  const figures = hourly ? table.hourly : table.monthly;
  if (context.region) return { floor: figures[context.region], severity: hourly && !table.hourlyConfirmed ? 'warning' : 'violation' };
  return value < figures.IV ? { floor: figures.IV, severity: 'violation' } : { floor: figures.I, severity: 'warning' };
}

/**
 * Every step of the document's salary scales pays at least the regional minimum for full normal
 * hours (LC Art. 90(2), 91; Decree 293/2025 Art. 3): the wage of the step, before allowances.
 * Steps are checked against the table in force on the document's date, like the values above.
 */
function checkSalaryScaleSteps(context: RuleContext): RuleFinding[] {
  const steps = context.salaryScales.flatMap((scale) => scale.grades.flatMap((grade) => grade.steps.map((step) => ({ scale, grade, step }))));
  if (steps.length === 0) return [];
  const table = minimumWageTableOn(context.legalDate);
  if (!table) return [];
  const findings: RuleFinding[] = [];
  for (const { scale, grade, step } of steps) {
    const { floor, severity } = floorFor(table, context, step.monthlyWage, false);
    if (step.monthlyWage >= floor) continue;
    const region = context.region;
    findings.push(
      context.finding({
        ruleId: 'wage.min_regional',
        severity,
        citation: table.citation ?? lc(91),
        source: table.decree,
        message: bilingual((language) => {
          const named = grade.code ? `${grade.title} (${grade.code})` : grade.title;
          const amount = formatQuantity(step.monthlyWage, 'money', language);
          const minimum = formatQuantity(floor, 'money', language);
          const date = formatIsoDate(context.legalDate);
          if (language === 'vi') {
            const where = region ? `vùng ${region}` : step.monthlyWage < table.monthly.IV ? 'vùng IV (thấp nhất)' : 'vùng I (chưa rõ vùng của doanh nghiệp)';
            return `${scale.title}, ${named}, bậc ${step.step}: mức lương ${amount} thấp hơn mức lương tối thiểu ${where} ${minimum} theo ${table.decree.vi}, áp dụng ngày ${date} (khoản 2 Điều 90, Điều 91 Bộ luật Lao động 2019).`;
          }
          const where = region
            ? `region ${region}`
            : step.monthlyWage < table.monthly.IV
              ? 'region IV (the lowest)'
              : "region I (the enterprise's region is not known)";
          return `${scale.title}, ${named}, step ${step.step}: the wage of ${amount} is below the ${where} minimum wage of ${minimum} under ${table.decree.en}, in force on ${date} (Labour Code 2019 Art. 90(2), 91).`;
        }),
        expected: bilingual((language) => `${language === 'vi' ? 'không thấp hơn' : 'at least'} ${formatQuantity(floor, 'money', language)}`),
        actual: quantity(step.monthlyWage, 'money'),
      }),
    );
  }
  return findings;
}

const stoppageWords = /ngung viec|stoppage|work (?:is )?stopped/;

/** Stoppage for objective causes: at least the regional minimum (LC Art. 99(3)). */
function checkStoppage(context: RuleContext): RuleFinding[] {
  return context.index.sentences.flatMap((sentence) => {
    const usesRate =
      sentence.folded.includes('⟦stoppage_objective_pay_percent⟧') ||
      (stoppageWords.test(sentence.context) &&
        /khach quan|thien tai|dich benh|su co|ly do kinh te|objective|natural disaster|epidemic|economic reasons/.test(sentence.folded) &&
        /%/.test(sentence.folded));
    if (!usesRate || /toi thieu vung|toi thieu|regional minimum|minimum wage/.test(sentence.folded)) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'wage.stoppage',
        severity: 'warning',
        citation: lc(99, 3),
        message: {
          vi: `Tiền lương ngừng việc vì sự cố, thiên tai, dịch bệnh, lý do kinh tế... trong 14 ngày làm việc đầu không được thấp hơn mức lương tối thiểu vùng (khoản 3 Điều 99 Bộ luật Lao động 2019); điều khoản chỉ nêu tỷ lệ tiền lương. Văn bản: “${quoted}”`,
          en: `Stoppage pay for incidents, disasters, epidemics, economic reasons... may not fall below the regional minimum wage in the first 14 working days (Labour Code 2019 Art. 99(3)); the clause states only a share of the wage. Text: “${quoted}”`,
        },
        expected: { vi: 'không thấp hơn mức lương tối thiểu vùng', en: 'at least the regional minimum wage' },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

const feesOnWorkers =
  /(?:phi|le phi|chi phi)[^.;]{0,60}(?:do nguoi lao dong (?:tu )?(?:chiu|tra|chi tra|thanh toan)|nguoi lao dong (?:tu )?(?:chiu|tra|chi tra))|nguoi lao dong (?:tu )?(?:chiu|tra|chi tra)[^.;]{0,40}phi|workers?[^.;]{0,20}(?:bears?|pays?|is charged|are charged)[^.;]{0,30}(?:fees|charges)|(?:fees|charges)[^.;]{0,40}(?:borne|paid) by (?:the )?workers?/;
const compelledSpending =
  /(?:bat buoc|buoc|yeu cau) (?:nguoi lao dong )?(?:phai )?(?:mua|chi tieu|su dung dich vu)|(?:required|compelled|obliged) to (?:buy|purchase|spend)/;

/** Wages paid in full, with bank fees on the employer and no compelled spending (LC Art. 94, 96). */
function checkPayment(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const sentence of context.index.sentences) {
    const fees = /luong|wage|pay|tai khoan|account|chuyen khoan|transfer/.test(sentence.folded) && hasAffirmed(sentence.folded, feesOnWorkers);
    const spending = hasAffirmed(sentence.folded, compelledSpending);
    if (!fees && !spending) continue;
    const quoted = quote(sentence.text);
    findings.push(
      context.finding({
        ruleId: 'wage.payment',
        severity: 'violation',
        citation: fees ? lc(96, 2) : lc(94, 2),
        message: fees
          ? {
              vi: `Trả lương qua tài khoản ngân hàng: Người sử dụng lao động chịu các loại phí mở tài khoản và chuyển tiền lương (khoản 2 Điều 96 Bộ luật Lao động 2019). Văn bản: “${quoted}”`,
              en: `Wages paid into a bank account: the employer bears the fees for the account and the transfers (Labour Code 2019 Art. 96(2)). Text: “${quoted}”`,
            }
          : {
              vi: `Người sử dụng lao động không được ép buộc người lao động chi tiêu lương vào việc mua hàng hóa, sử dụng dịch vụ (khoản 2 Điều 94 Bộ luật Lao động 2019). Văn bản: “${quoted}”`,
              en: `The employer may not compel workers to spend their wages on its goods or services (Labour Code 2019 Art. 94(2)). Text: “${quoted}”`,
            },
        expected: fees
          ? { vi: 'phí do người sử dụng lao động chịu', en: 'fees borne by the employer' }
          : { vi: 'người lao động tự quyết chi tiêu lương', en: 'workers free to spend their wages' },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    );
  }
  return findings;
}

/** Late payment allowed only with the LC Art. 97(4) interest for delays of 15 days or more. */
function checkLateInterest(context: RuleContext): RuleFinding[] {
  return context.index.sentences.flatMap((sentence) => {
    if (!/(?:cham|delay)[^.;]*\d+\s?(?:ngay|days)/.test(sentence.folded) || !/tra luong|wages?|pay/.test(sentence.context)) return [];
    if (!/bat kha khang|force majeure/.test(sentence.folded)) return [];
    if (sentence.article && /lai suat|tien lai|interest|den bu|compensat/.test(sentence.article.foldedBody)) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'wage.late_payment',
        severity: 'warning',
        citation: lc(97, 4),
        message: {
          vi: `Trả lương chậm từ 15 ngày trở lên phải đền bù ít nhất bằng tiền lãi của số tiền trả chậm theo lãi suất huy động tiền gửi kỳ hạn 01 tháng (khoản 4 Điều 97 Bộ luật Lao động 2019); điều khoản chưa nêu khoản đền bù. Văn bản: “${quoted}”`,
          en: `Pay delayed by 15 days or more carries at least the interest at the 1-month deposit rate (Labour Code 2019 Art. 97(4)); the clause does not provide it. Text: “${quoted}”`,
        },
        expected: { vi: 'đền bù tiền lãi khi chậm từ 15 ngày', en: 'interest for delays of 15 days or more' },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

/** Collective agreements state equal pay for work of equal value (LC Art. 90(3)): a note when none does. */
function checkEqualPay(context: RuleContext): RuleFinding[] {
  if (!context.isAgreement || context.articles.length === 0) return [];
  const stated = context.articles.some(
    (article) =>
      /binh dang|khong phan biet|equal (?:pay|value)|without discrimination|non-discrimination/.test(article.foldedBody) &&
      /luong|wage|pay/.test(article.foldedBody),
  );
  if (stated) return [];
  return [
    context.finding({
      ruleId: 'wage.equal_pay',
      severity: 'information',
      citation: lc(90, 3),
      message: {
        vi: 'Thỏa ước chưa nêu nguyên tắc trả lương bình đẳng, không phân biệt giới tính đối với công việc có giá trị như nhau (khoản 3 Điều 90 Bộ luật Lao động 2019).',
        en: 'The agreement does not state equal pay, without gender discrimination, for work of equal value (Labour Code 2019 Art. 90(3)).',
      },
      expected: { vi: 'trả lương bình đẳng', en: 'equal pay stated' },
    }),
  ];
}

const capWords = String.raw`(?:khong (?:duoc )?(?:qua|vuot qua)|toi da|not (?:to )?exceed|no more than|up to|at most)\s+`;

export const wageRules: readonly RuleDefinition[] = [
  {
    id: 'wage.min_regional',
    what: { vi: 'Lương tối thiểu vùng', en: 'Regional minimum wage' },
    floor: {
      vi: 'không thấp hơn mức của vùng, theo bảng đang áp dụng ngày hiệu lực (Nghị định 74/2024, 293/2025)',
      en: "at least the region's figure in the table in force on the effective date (Decrees 74/2024, 293/2025)",
    },
    citation: lc(91), // LC Art. 90(2), 91; Decree 293/2025 Art. 3-4; Decree 74/2024
    appliesTo: 'all',
    check: (context) => [...checkMinimumWage(context), ...checkSalaryScaleSteps(context)],
  },
  {
    id: 'wage.pay_period',
    what: { vi: 'Kỳ hạn trả lương', en: 'Pay period' },
    floor: {
      vi: 'lương giờ, ngày, tuần trả gộp không quá 15 ngày; lương tháng mỗi tháng',
      en: 'hourly, daily, weekly pay at least every 15 days; monthly pay each month',
    },
    citation: lc(97, 1), // LC Art. 97(1)-(3)
    appliesTo: 'all',
    text: [
      {
        where: /tra gop|aggregate|gop/,
        value: pattern(String.raw`(?:khong qua|toi da|it nhat moi|every|at least every|at most every)\s+`, numberWritten, String.raw`\s?(?:ngay|days)`),
        unit: 'days',
        atMost: 15,
      },
      {
        topic: /tra luong|luong thang|wages?|paid|pay/,
        value: pattern(
          String.raw`(?:tra luong\s+(?:moi\s+)?|paid (?:once )?every\s+)`,
          numberWritten,
          String.raw`\s?(?:thang|months?)\s?(?:mot|01|1)?\s?(?:lan)?`,
        ),
        unit: 'months',
        atMost: 1,
        citation: lc(97, 2),
      },
    ],
  },
  {
    id: 'wage.late_payment',
    what: { vi: 'Trả lương chậm', en: 'Late payment of wages' },
    floor: { vi: 'không quá 30 ngày (bất khả kháng); đền bù lãi nếu chậm từ 15 ngày', en: 'at most 30 days (force majeure); interest from 15 days' },
    citation: lc(97, 4), // LC Art. 97(4)
    appliesTo: 'all',
    text: [
      {
        where: /cham|delay|late/,
        value: pattern(
          String.raw`(?:khong (?:duoc )?cham qua|cham khong qua|by no more than|no more than|not more than|at most)\s+`,
          numberWritten,
          String.raw`\s?(?:ngay|days)`,
        ),
        unit: 'days',
        atMost: 30,
      },
      {
        where: /den bu|lai|interest|compensat/,
        value: pattern(String.raw`(?:cham tu|tu|of|by)\s+`, numberWritten, String.raw`\s?(?:ngay|days)\s?(?:tro len|or more)`),
        unit: 'days',
        atMost: 15,
      },
    ],
    check: checkLateInterest,
  },
  {
    id: 'wage.deduction_cap',
    what: { vi: 'Mức khấu trừ tiền lương hằng tháng', en: 'Monthly wage deduction' },
    floor: { vi: 'không quá 30% tiền lương thực trả sau bảo hiểm và thuế', en: 'at most 30% of pay after insurance and tax' },
    citation: lc(102, 3), // LC Art. 102
    appliesTo: 'all',
    variables: [{ variableId: 'wage_deduction_cap_percent', atMost: 30, unit: 'percent' }],
    text: [{ where: /khau tru|deduct/, value: pattern(capWords, numberWritten, String.raw`\s?(?:%|phan tram|per ?cent)`), unit: 'percent', atMost: 30 }],
  },
  {
    id: 'wage.stoppage',
    what: { vi: 'Tiền lương ngừng việc', en: 'Stoppage pay' },
    floor: {
      vi: 'lỗi người sử dụng lao động: đủ lương; lý do khách quan: ≥ lương tối thiểu vùng (14 ngày làm việc đầu)',
      en: "employer's fault: full wage; objective causes: ≥ regional minimum (first 14 working days)",
    },
    citation: lc(99), // LC Art. 99
    appliesTo: 'all',
    text: [
      {
        where: /loi cua nguoi su dung lao dong|employer'?s fault|fault of the employer/,
        unless: /khong do loi|not (?:the )?(?:employer'?s )?fault|no fault/,
        value: percentValue,
        unit: 'percent',
        atLeast: 100,
        citation: lc(99, 1),
      },
    ],
    check: checkStoppage,
  },
  {
    id: 'wage.payment',
    what: { vi: 'Nguyên tắc trả lương', en: 'Payment of wages' },
    floor: {
      vi: 'trực tiếp, đầy đủ; phí ngân hàng do người sử dụng lao động chịu; không ép chi tiêu',
      en: 'direct and in full; bank fees on the employer; no compelled spending',
    },
    citation: lc(94), // LC Art. 94-96
    appliesTo: 'all',
    check: checkPayment,
  },
  {
    id: 'wage.equal_pay',
    what: { vi: 'Trả lương bình đẳng', en: 'Equal pay' },
    floor: { vi: 'không phân biệt giới tính với công việc có giá trị như nhau', en: 'no gender discrimination for work of equal value' },
    citation: lc(90, 3), // LC Art. 90(3)
    appliesTo: 'agreements',
    check: checkEqualPay,
  },
];
