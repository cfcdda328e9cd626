/**
 * Maternity leave and the protection of pregnant, nursing and menstruating workers: LC Art. 137,
 * 139 and Decree 145 Art. 80 (rules maternity.*).
 */
import { d145, lc } from '#shared/compliance/citations';
import { minutesValue, monthsValue, numberWritten, pattern } from '#shared/compliance/patterns';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';

const remoteAreas = /vung cao|vung sau|vung xa|bien gioi|hai dao|upland|remote|border|island/;

export const womenRules: readonly RuleDefinition[] = [
  {
    id: 'maternity.leave',
    what: { vi: 'Nghỉ thai sản', en: 'Maternity leave' },
    floor: { vi: '06 tháng (thêm 01 tháng mỗi con từ con thứ hai)', en: '6 months (+1 month per extra child)' },
    citation: lc(139, 1), // LC Art. 139(1)
    appliesTo: 'all',
    text: [
      {
        where: /thai san|maternity/,
        unless:
          /truoc khi sinh|before the birth|them|additional|extra|each (?:additional )?child|tro lai lam viec|return to work|di lam|con nuoi|adopt|duoi \d+ thang tuoi|under \d+ months/,
        value: monthsValue,
        unit: 'months',
        atLeast: 6,
        commas: true,
      },
    ],
  },
  {
    id: 'maternity.protection',
    what: { vi: 'Bảo vệ thai sản và lao động nữ', en: 'Protection of pregnant, nursing and menstruating workers' },
    floor: {
      vi: 'nghỉ 30 phút/ngày khi hành kinh (ít nhất 3 ngày/tháng); 60 phút/ngày khi nuôi con dưới 12 tháng; từ tháng thứ 7 của thai kỳ',
      en: '30 minutes a day during menstruation (at least 3 days a month); 60 minutes a day while nursing a child under 12 months; from the 7th month of pregnancy',
    },
    citation: lc(137), // LC Art. 137; Decree 145 Art. 80
    appliesTo: 'all',
    variables: [
      { variableId: 'menstrual_break_minutes', atLeast: 30, unit: 'minutes', citation: lc(137, 4) },
      { variableId: 'menstrual_break_days_per_month', atLeast: 3, unit: 'workingDays', citation: d145(80, 3, 'a') },
      { variableId: 'nursing_break_minutes', atLeast: 60, unit: 'minutes', citation: lc(137, 4) },
    ],
    text: [
      // "nuôi con dưới 06 tháng tuổi" where the law says 12 months (a public template had this error).
      {
        value: pattern(
          String.raw`(?:nuoi con(?: nho)? duoi|(?:raising|nursing|caring for|with) (?:a )?(?:child|children|baby|babies) (?:aged )?under)\s+`,
          numberWritten,
          String.raw`\s?(?:thang|months?)`,
        ),
        unit: 'months',
        atLeast: 12,
        citation: lc(137, 4),
      },
      { where: /hanh kinh|menstruat/, value: minutesValue, unit: 'minutes', atLeast: 30, citation: lc(137, 4) },
      {
        where: /hanh kinh|menstruat/,
        value: pattern(String.raw`(?:it nhat|toi thieu|at least|on at least)\s+`, numberWritten, String.raw`\s?(?:ngay|days?|working days?)`),
        unit: 'days',
        atLeast: 3,
        citation: d145(80, 3, 'a'),
      },
      {
        where: /nuoi con|cho con bu|nursing|breastfeed/,
        unless: /hanh kinh|menstruat/,
        value: minutesValue,
        unit: 'minutes',
        atLeast: 60,
        citation: lc(137, 4),
      },
      {
        where: /mang thai|pregnan/,
        value: pattern(String.raw`(?:tu thang thu\s+`, numberWritten, String.raw`|from the\s+`, numberWritten, String.raw`(?:st|nd|rd|th)\s?month)`),
        unit: 'months',
        atMost: (around) => (remoteAreas.test(around) ? 6 : 7),
        citation: lc(137, 1),
      },
    ],
  },
];
