/**
 * Public holidays and leave: LC Art. 112-115 and Decree 145/2020/NĐ-CP Art. 65-67 (rules leave.*).
 * The holidays in force come from the dated table of shared/calendar.
 */
import { holidayDefinitionsInForce, publicHolidayDaysInForce, type PublicHolidayDefinition, type PublicHolidayId } from '#shared/calendar/publicHolidays';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { lc } from '#shared/compliance/citations';
import type { IndexedArticle } from '#shared/compliance/documentIndex';
import { calendarDaysValue, numberWritten, pattern, workingDaysValue } from '#shared/compliance/patterns';
import { bilingual, formatQuantity, quantity } from '#shared/compliance/quantities';
import type { RuleDefinition, Surroundings } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import { fold, parseQuantity, quote, segments, splitSentences } from '#shared/compliance/text';
import type { RuleFinding, Severity } from '#shared/compliance/types';

/** How the text names each holiday (folded). */
const holidayNames: Record<PublicHolidayId, RegExp> = {
  new_year: /tet duong lich|(?<!lunar |traditional |tet |co truyen )new year(?!'s eve)|\b0?1\/0?1\b|0?1 thang 0?1\b|1(?:st)? january/,
  lunar_new_year: /tet am lich|tet nguyen dan|tet co truyen(?! dan toc)|lunar new year/,
  victory_day: /chien thang|giai phong mien nam|thong nhat dat nuoc|\b30\/0?4\b|30 thang 0?4|victory day|reunification day|30(?:th)? april/,
  labour_day: /quoc te lao dong|\b0?1\/0?5\b|0?1 thang 0?5|labou?r day|may day|1(?:st)? may/,
  national_day: /quoc khanh|\b0?2\/0?9\b|0?2 thang 0?9|national day|2(?:nd)? september/,
  hung_kings: /hung vuong|hung kings?|10\/0?3 am lich|10 thang 0?3 am lich/,
  culture_day: /van hoa viet nam|\b24\/11\b|24 thang 11|culture day/,
};

const dayCount = pattern(numberWritten, String.raw`\s?(?:ngay|days?)\b`);
const foreignWorkers = /nuoc ngoai|foreign/;
/** "Theo Điều 112 Bộ luật Lao động": the law's list is adopted as it stands. */
const citesArticle112 = /dieu 112|art(?:icle)?\.? 112/;
/** "Các ngày nghỉ lễ khác do pháp luật quy định": a catch-all for holidays not listed. */
const adoptsTheLaw =
  /(?:ngay nghi le|ngay le)[^.;]*(?:khac|theo quy dinh cua phap luat|do phap luat quy dinh)|(?:holidays?|days? off)[^.;]*(?:established|provided|set|granted) by (?:the )?law|other (?:paid )?public holidays?/;

function isHolidayArticle(article: IndexedArticle): boolean {
  const title = fold(article.title);
  return (
    article.templateId === 'cla.time.public_holidays' ||
    article.templateId === 'regs.time.weekly_rest_holidays' ||
    (/nghi le|nghi (?:cac )?ngay le|public holidays?|^holidays?\b/.test(title) && !/qua|gift|thuong|bonus/.test(title))
  );
}

/** The days the article gives each holiday it names ("Tết Âm lịch: 05 ngày"). */
function daysNamed(article: IndexedArticle): Map<PublicHolidayId, number | undefined> {
  const named = new Map<PublicHolidayId, number | undefined>();
  for (const unit of article.units) {
    for (const sentence of splitSentences(unit.text)) {
      if (foreignWorkers.test(sentence.folded)) continue;
      for (const part of segments(sentence.folded)) {
        for (const [id, name] of Object.entries(holidayNames) as [PublicHolidayId, RegExp][]) {
          const found = name.exec(part);
          if (!found) continue;
          const count = pattern(dayCount.source).exec(part.slice(found.index));
          const days = count?.[1] === undefined ? undefined : parseQuantity(count[1]);
          if (!named.has(id) || (days !== undefined && named.get(id) === undefined)) named.set(id, days);
        }
      }
    }
  }
  return named;
}

function holidayFinding(
  context: RuleContext,
  article: IndexedArticle,
  definition: PublicHolidayDefinition,
  severity: Severity,
  found: number | undefined,
  adopts: boolean,
): RuleFinding {
  const { total } = publicHolidayDaysInForce(context.legalDate);
  return context.finding({
    ruleId: 'leave.public_holidays',
    severity,
    citation: definition.citation,
    source: definition.source,
    message: bilingual((language) => {
      const date = formatIsoDate(context.legalDate);
      const required = formatQuantity(definition.days, 'days', language);
      const name = definition.name[language];
      if (language === 'vi') {
        const what = found === undefined ? `không nêu ${name} (${required})` : `ghi ${name} ${formatQuantity(found, 'days', language)}, ít hơn ${required}`;
        const law = definition.confirmed ? `theo ${definition.source.vi}` : `theo ${definition.source.vi}, đang chờ xác nhận văn bản gốc`;
        return `Nghỉ lễ, tết: điều khoản ${what} ${law}; tổng số ngày nghỉ lễ, tết có hưởng lương áp dụng ngày ${date} là ${total} ngày.${found === undefined && adopts ? ' Điều khoản có dẫn chiếu các ngày nghỉ lễ khác do pháp luật quy định.' : ''}`;
      }
      const what =
        found === undefined ? `does not list ${name} (${required})` : `gives ${name} ${formatQuantity(found, 'days', language)}, fewer than ${required}`;
      const law = definition.confirmed ? `under ${definition.source.en}` : `under ${definition.source.en}, pending confirmation of the primary text`;
      return `Public holidays: the clause ${what} ${law}; the paid public holidays in force on ${date} total ${total} days.${found === undefined && adopts ? ' The clause refers to the other holidays set by law.' : ''}`;
    }),
    expected: quantity(definition.days, 'days'),
    ...(found === undefined ? {} : { actual: quantity(found, 'days') }),
    clauseIds: [article.clauseId],
  });
}

/**
 * Each holiday in force on the agreement's date, with at least its statutory days (LC Art. 112(1);
 * 24/11 from 1 Jul 2026, unconfirmed). An unlisted holiday is a violation, a warning where the
 * clause adopts the law's other holidays or the holiday is unconfirmed, a note when both.
 */
function checkPublicHolidays(context: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const article of context.articles.filter(isHolidayArticle)) {
    const named = daysNamed(article);
    if (citesArticle112.test(article.foldedBody) && [...named.values()].every((days) => days === undefined)) continue; // the law's list as it stands
    const adopts = adoptsTheLaw.test(article.foldedBody);
    for (const definition of holidayDefinitionsInForce(context.legalDate)) {
      const found = named.get(definition.id);
      if (named.has(definition.id) && (found === undefined || found >= definition.days)) continue;
      let severity: Severity = 'violation';
      if (found === undefined) severity = adopts && !definition.confirmed ? 'information' : adopts || !definition.confirmed ? 'warning' : 'violation';
      else if (!definition.confirmed) severity = 'warning';
      findings.push(holidayFinding(context, article, definition, severity, found, adopts));
    }
  }
  return findings;
}

const forfeitedLeave =
  /(?:nghi hang nam|phep nam|annual leave)[^.]*(?:khong duoc thanh toan|khong thanh toan|se bi huy|bi huy bo|mat quyen|forfeit|will not be paid|is not paid|lapses? without)/;

/** Unused annual leave is paid on termination (LC Art. 113(3)). */
function checkForfeitedLeave(context: RuleContext): RuleFinding[] {
  return context.index.sentences.flatMap((sentence) => {
    if (!forfeitedLeave.test(sentence.folded)) return [];
    const quoted = quote(sentence.text);
    return [
      context.finding({
        ruleId: 'leave.annual',
        severity: 'violation',
        citation: lc(113, 3),
        message: {
          vi: `Người lao động thôi việc, mất việc làm mà chưa nghỉ hết ngày nghỉ hằng năm được thanh toán tiền lương cho những ngày chưa nghỉ (khoản 3 Điều 113 Bộ luật Lao động 2019). Văn bản: “${quoted}”`,
          en: `A worker leaving with annual leave not taken is paid for the days not taken (Labour Code 2019 Art. 113(3)). Text: “${quoted}”`,
        },
        expected: { vi: 'thanh toán ngày nghỉ hằng năm chưa nghỉ', en: 'untaken annual leave paid' },
        actual: { vi: `“${quoted}”`, en: `“${quoted}”` },
        clauseIds: sentence.article ? [sentence.article.clauseId] : [],
      }),
    ];
  });
}

/** Labour regulations state the unpaid-leave entitlements (LC Art. 115(2); Decree 145 Art. 69(2)(a)). */
function checkUnpaidLeaveStated(context: RuleContext): RuleFinding[] {
  if (context.isAgreement || context.articles.length === 0) return [];
  if (context.articles.some((article) => /khong huong luong|unpaid/.test(article.foldedBody))) return [];
  return [
    context.finding({
      ruleId: 'leave.personal_unpaid',
      severity: 'warning',
      citation: lc(115, 2),
      message: {
        vi: 'Nội quy lao động chưa nêu nghỉ không hưởng lương: 01 ngày khi ông, bà, anh, chị, em ruột chết, cha hoặc mẹ, anh, chị, em ruột kết hôn (khoản 2 Điều 115 Bộ luật Lao động 2019; điểm a khoản 2 Điều 69 Nghị định 145/2020/NĐ-CP).',
        en: 'The labour regulations do not state unpaid leave: 1 day on the death of a grandparent or sibling and the marriage of a parent or sibling (Labour Code 2019 Art. 115(2); Decree 145/2020/ND-CP Art. 69(2)(a)).',
      },
      expected: { vi: 'quy định nghỉ không hưởng lương', en: 'unpaid leave stated' },
    }),
  ];
}

const annualLeaveTopic = /nghi hang nam|phep nam|annual leave/;

/** 12, 14 or 16 working days by the category named near the number (LC Art. 113(1)(a)-(c)). */
function annualLeaveFloor(around: string): number {
  if (/dac biet nang nhoc|especially heavy|particularly heavy/.test(around)) return 16;
  return /nang nhoc|doc hai|nguy hiem|chua thanh nien|khuyet tat|heavy|hazardous|dangerous|minors?\b|disab/.test(around) ? 14 : 12;
}
/** The paid days of the personal event named next to the number (LC Art. 115(1)(a)-(c)); null for other days. */
function personalLeaveFloor(_around: string, _context: RuleContext, parts: Surroundings): number | null {
  const classify = (words: string): number | null => {
    if (/ong noi|ba noi|ong ngoai|ba ngoai|anh, chi, em|grandparent|sibling|brother|sister|cha hoac me ket hon|parent marr/.test(words)) return null;
    if (/(?:\bcon\b|child)[^;]*(?:ket hon|marr)|(?:ket hon|marr)[^;]*(?:\bcon\b|child)/.test(words)) return 1;
    if (/ket hon|marriage|marr(?:y|ies)/.test(words)) return 3;
    if (/(?:chet|qua doi|tu tran|death|dies|died)/.test(words) && /\b(?:cha|me|vo|chong|con)\b|parent|spouse|husband|wife|child/.test(words)) return 3;
    return null;
  };
  // The event is named after the number ("3 days for their own marriage") or before it ("kết hôn: 03 ngày").
  const after = parts.after.split(/,\s*(?:and\s+)?(?=\d)/)[0] ?? parts.after;
  return classify(after) ?? classify(parts.before);
}

const personalLeaveTopic = /viec rieng|personal leave|(?:nghi|leave)[^.]{0,80}(?:huong (?:nguyen )?luong|on full pay|paid)/;
const notTheEntitlement = /di duong|travel|nghi gop|combine|thong bao|notice|truoc it nhat|in advance|ahead|\bask|tam ung|advance|de nghi|request/;

export const leaveRules: readonly RuleDefinition[] = [
  {
    id: 'leave.public_holidays',
    what: { vi: 'Nghỉ lễ, tết có hưởng lương', en: 'Paid public holidays' },
    floor: {
      vi: '11 ngày (Điều 112); 12 ngày từ 01/7/2026 nếu tính ngày 24/11 (chưa xác nhận)',
      en: '11 days (Art. 112); 12 from 1 Jul 2026 with 24/11 (unconfirmed)',
    },
    citation: lc(112, 1), // LC Art. 112(1); Res. 28/2026/QH16 (reported)
    appliesTo: 'all',
    check: checkPublicHolidays,
  },
  {
    id: 'leave.annual',
    what: { vi: 'Nghỉ hằng năm', en: 'Annual leave' },
    floor: { vi: '12/14/16 ngày làm việc theo điều kiện lao động', en: '12/14/16 working days by working conditions' },
    citation: lc(113, 1), // LC Art. 113; Decree 145 Art. 65-67
    appliesTo: 'all',
    variables: [
      { variableId: 'annual_leave_days', atLeast: 12, unit: 'workingDays', citation: lc(113, 1, 'a') },
      { variableId: 'annual_leave_days_heavy', atLeast: 14, unit: 'workingDays', citation: lc(113, 1, 'b') },
      { variableId: 'annual_leave_days_very_heavy', atLeast: 16, unit: 'workingDays', citation: lc(113, 1, 'c') },
    ],
    text: [
      {
        topic: annualLeaveTopic,
        unless: notTheEntitlement,
        value: workingDaysValue,
        unit: 'workingDays',
        atLeast: annualLeaveFloor,
      },
      {
        topic: annualLeaveTopic,
        unless: new RegExp(
          `${notTheEntitlement.source}|tang them|cong them|them 0?1 ngay|extra|additional|lien tuc|consecutive|increases?|for each|every|per \\d`,
        ),
        value: calendarDaysValue,
        unit: 'days',
        atLeast: annualLeaveFloor,
      },
    ],
    check: checkForfeitedLeave,
  },
  {
    id: 'leave.seniority',
    what: { vi: 'Số năm làm việc để được thêm 01 ngày nghỉ hằng năm', en: 'Years of service for each extra day of annual leave' },
    floor: { vi: 'cứ đủ 5 năm thêm 01 ngày', en: '1 extra day per 5 full years' },
    citation: lc(114), // LC Art. 114
    appliesTo: 'all',
    variables: [{ variableId: 'seniority_step_years', atMost: 5, unit: 'years' }],
    text: [
      {
        topic: annualLeaveTopic,
        value: pattern(String.raw`(?:cu du|moi|every|each)\s+`, numberWritten, String.raw`\s?(?:nam|(?:full )?years?)\b`),
        unit: 'years',
        atMost: 5,
      },
    ],
  },
  {
    id: 'leave.personal_paid',
    what: { vi: 'Nghỉ việc riêng có hưởng lương', en: 'Paid personal leave' },
    floor: {
      vi: 'kết hôn 3 ngày; con kết hôn 1 ngày; cha, mẹ, vợ, chồng, con chết 3 ngày',
      en: 'own marriage 3 days; child marries 1; death of a parent, spouse or child 3',
    },
    citation: lc(115, 1), // LC Art. 115(1)
    appliesTo: 'all',
    variables: [
      { variableId: 'leave_own_marriage_days', atLeast: 3, unit: 'days', citation: lc(115, 1, 'a') },
      { variableId: 'leave_child_marriage_days', atLeast: 1, unit: 'days', citation: lc(115, 1, 'b') },
      { variableId: 'leave_bereavement_days', atLeast: 3, unit: 'days', citation: lc(115, 1, 'c') },
    ],
    text: [
      {
        topic: personalLeaveTopic,
        unless: /khong huong luong|unpaid/,
        value: pattern(numberWritten, String.raw`\s?(?:ngay|days?)\b`),
        unit: 'days',
        atLeast: personalLeaveFloor,
      },
    ],
  },
  {
    id: 'leave.personal_unpaid',
    what: { vi: 'Nghỉ không hưởng lương', en: 'Unpaid personal leave' },
    floor: {
      vi: '01 ngày (ông, bà, anh, chị, em ruột chết; cha, mẹ, anh, chị, em ruột kết hôn)',
      en: '1 day (death of a grandparent or sibling; marriage of a parent or sibling)',
    },
    citation: lc(115, 2), // LC Art. 115(2); Decree 145 Art. 69(2)(a)
    appliesTo: 'all',
    check: checkUnpaidLeaveStated,
  },
];
