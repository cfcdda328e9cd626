/**
 * The salary scale's procedure (rule wage.scale_consult): the employer consults the worker
 * representative organisation on the scale before issuing it and publishes it at the workplace
 * before applying it (LC Art. 93(2)-(3); the consultation follows Decree 145/2020 Art. 41). The
 * lifecycle records both as procedural facts (shared/lifecycle/salaryScaleSteps.ts); this rule reads
 * them for a document that holds a scale. The wages of its steps are wage.min_regional's (wages.ts).
 */
import { lc } from '#shared/compliance/citations';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { RuleContext } from '#shared/compliance/ruleContext';
import type { RuleFinding } from '#shared/compliance/types';
import { formatIsoDate } from '#shared/format/vietnamTime';

const consulted = {
  vi: 'tham khảo ý kiến tổ chức đại diện người lao động trước khi ban hành',
  en: 'the worker representative organisation consulted before issue',
};

function checkScaleProcedure(context: RuleContext): RuleFinding[] {
  const hasScale = context.salaryScales.some((scale) => scale.grades.some((grade) => grade.steps.length > 0));
  if (!hasScale) return [];
  const { consultedOn, publishedOn } = context.salaryScaleProcedure;
  if (publishedOn && !consultedOn) {
    return [
      context.finding({
        ruleId: 'wage.scale_consult',
        severity: 'violation',
        citation: lc(93, 2),
        message: {
          vi: `Thang lương, bảng lương được công bố ngày ${formatIsoDate(publishedOn)} mà chưa ghi nhận việc tham khảo ý kiến tổ chức đại diện người lao động tại cơ sở (khoản 2 Điều 93 Bộ luật Lao động 2019; Điều 41 Nghị định 145/2020/NĐ-CP).`,
          en: `The salary scale was published on ${formatIsoDate(publishedOn)} with no consultation of the worker representative organisation recorded (Labour Code 2019 Art. 93(2); Decree 145/2020/ND-CP Art. 41).`,
        },
        expected: consulted,
        actual: { vi: 'công bố, chưa tham khảo ý kiến', en: 'published, no consultation' },
      }),
    ];
  }
  if (publishedOn && consultedOn && consultedOn > publishedOn) {
    return [
      context.finding({
        ruleId: 'wage.scale_consult',
        severity: 'violation',
        citation: lc(93, 2),
        message: {
          vi: `Thang lương, bảng lương được công bố ngày ${formatIsoDate(publishedOn)}, trước khi tham khảo ý kiến tổ chức đại diện người lao động ngày ${formatIsoDate(consultedOn)}: việc tham khảo ý kiến phải diễn ra trước khi ban hành (khoản 2 Điều 93 Bộ luật Lao động 2019; Điều 41 Nghị định 145/2020/NĐ-CP).`,
          en: `The salary scale was published on ${formatIsoDate(publishedOn)}, before the worker representative organisation was consulted on ${formatIsoDate(consultedOn)}: the consultation comes before issue (Labour Code 2019 Art. 93(2); Decree 145/2020/ND-CP Art. 41).`,
        },
        expected: consulted,
        actual: { vi: 'tham khảo ý kiến sau khi công bố', en: 'consulted after publication' },
      }),
    ];
  }
  if (publishedOn) return [];
  return [
    context.finding({
      ruleId: 'wage.scale_consult',
      severity: 'information',
      citation: lc(93, 3),
      message: consultedOn
        ? {
            vi: `Đã tham khảo ý kiến tổ chức đại diện người lao động về thang lương, bảng lương ngày ${formatIsoDate(consultedOn)}; thang lương phải được công bố công khai tại nơi làm việc trước khi thực hiện (khoản 3 Điều 93 Bộ luật Lao động 2019).`,
            en: `The worker representative organisation was consulted on the salary scale on ${formatIsoDate(consultedOn)}; the scale is published at the workplace before it is applied (Labour Code 2019 Art. 93(3)).`,
          }
        : {
            vi: 'Trước khi ban hành thang lương, bảng lương, người sử dụng lao động tham khảo ý kiến tổ chức đại diện người lao động tại cơ sở (Điều 41 Nghị định 145/2020/NĐ-CP), rồi công bố công khai tại nơi làm việc trước khi thực hiện (khoản 2, 3 Điều 93 Bộ luật Lao động 2019).',
            en: 'Before issuing the salary scale the employer consults the worker representative organisation (Decree 145/2020/ND-CP Art. 41), then publishes it at the workplace before applying it (Labour Code 2019 Art. 93(2)-(3)).',
          },
      expected: consulted,
    }),
  ];
}

export const salaryScaleRules: readonly RuleDefinition[] = [
  {
    id: 'wage.scale_consult',
    what: { vi: 'Tham khảo ý kiến và công bố thang lương, bảng lương', en: 'Consultation on and publication of the salary scale' },
    floor: {
      vi: 'tham khảo ý kiến tổ chức đại diện người lao động trước khi ban hành; công bố công khai trước khi thực hiện',
      en: 'the worker representative organisation consulted before issue; published at the workplace before it applies',
    },
    citation: lc(93), // LC Art. 93(2)-(3); Decree 145/2020 Art. 41
    appliesTo: 'all',
    check: checkScaleProcedure,
  },
];
