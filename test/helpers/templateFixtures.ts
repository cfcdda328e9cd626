import type { TemplateDraft } from '#shared/api/templates';
import { templatePackFormat, templatePackVersion, type TemplatePack } from '#shared/templates/pack';
import type { ArticleTemplate, VariableDefinition } from '#shared/templates/schema';

/** A money variable a union might add to its playbook: the meal allowance per shift. */
export const mealAllowanceVariable: VariableDefinition = {
  id: 'user.meal_per_shift',
  type: 'money',
  label: { vi: 'Tiền ăn giữa ca', en: 'Mid-shift meal allowance' },
  default: 30_000,
  min: 15_000,
  max: 200_000,
  help: { vi: 'Mức hỗ trợ cho mỗi ca làm việc.', en: 'Paid for each shift worked.' },
};

/** An enum variable: how the canteen is run. */
export const canteenVariable: VariableDefinition = {
  id: 'user.canteen_mode',
  type: 'enum',
  label: { vi: 'Hình thức bữa ăn', en: 'How meals are provided' },
  default: 'canteen',
  options: [
    { value: 'canteen', label: { vi: 'bếp ăn tập thể', en: 'a staff canteen' } },
    { value: 'cash', label: { vi: 'trả bằng tiền', en: 'cash' } },
  ],
};

/** A template as a client saves it: uses a built-in variable (ot_rate_weekday) only. */
export function overtimeDraft(title = 'Làm thêm giờ ngày thường'): TemplateDraft {
  return {
    kinds: ['enterprise_agreement'],
    title: { vi: title, en: 'Overtime on normal working days' },
    body: [
      {
        type: 'clause',
        text: {
          vi: 'Tiền lương làm thêm giờ vào ngày thường ít nhất bằng {{ot_rate_weekday}} của tiền lương giờ.',
          en: 'Overtime on normal days is paid at least {{ot_rate_weekday}} of the hourly wage.',
        },
      },
      {
        type: 'point',
        text: {
          vi: 'Người lao động được\tnghỉ bù khi có yêu cầu.\nHai bên thống nhất lịch nghỉ bù.',
          en: 'Workers may take time off in lieu.\nBoth sides agree on when.',
        },
      },
    ],
    topics: ['overtime'],
    legalBasis: [{ law: 'LC2019', article: 98, clause: 1, point: 'a' }],
    recommended: false,
    alternatives: [
      {
        id: 'favourable',
        level: 'favourable',
        label: { vi: 'Có lợi hơn cho người lao động', en: 'More favourable to workers' },
        body: [
          {
            type: 'clause',
            text: {
              vi: 'Làm thêm giờ vào ngày thường được trả {{ot_rate_weekday}} tiền lương giờ.',
              en: 'Overtime on normal days is paid {{ot_rate_weekday}} of the hourly wage.',
            },
          },
        ],
        values: { ot_rate_weekday: 200 },
      },
    ],
  };
}

/** A pack template that uses the user variables above (and a built-in one). */
export function mealTemplate(id = 'user.union.meal_allowance'): ArticleTemplate {
  return {
    id,
    version: 3,
    kinds: ['enterprise_agreement', 'sector_agreement'],
    title: { vi: 'Bữa ăn giữa ca', en: 'Mid-shift meals' },
    body: [
      {
        type: 'clause',
        text: {
          vi: 'Người lao động được cung cấp bữa ăn giữa ca qua {{user.canteen_mode}}.',
          en: 'Workers get a mid-shift meal through {{user.canteen_mode}}.',
        },
      },
      {
        type: 'clause',
        text: {
          vi: 'Giá trị mỗi suất ăn không thấp hơn {{user.meal_per_shift}} và được điều chỉnh theo {{region}}.',
          en: 'Each meal is worth at least {{user.meal_per_shift}}, adjusted for {{region}}.',
        },
      },
    ],
    topics: ['welfare'],
    legalBasis: [{ law: 'LC2019', article: 103 }],
    recommended: true,
    alternatives: [
      {
        id: 'common',
        level: 'common',
        label: { vi: 'Mức phổ biến', en: 'Common level' },
        body: [{ type: 'clause', text: { vi: 'Mỗi suất ăn trị giá {{user.meal_per_shift}}.', en: 'Each meal is worth {{user.meal_per_shift}}.' } }],
        values: { 'user.meal_per_shift': 35_000 },
      },
    ],
  };
}

/** A valid pack: two user variables and `count` templates using them. */
export function samplePack(count = 2): TemplatePack {
  return {
    format: templatePackFormat,
    version: templatePackVersion,
    exportedAt: '2027-01-04T08:30:00.000Z',
    variables: [mealAllowanceVariable, canteenVariable],
    templates: Array.from({ length: count }, (_, index) => mealTemplate(`user.union.meal_${index}`)),
  };
}

/** A pack as a file holds it (pretty-printed, as an export is saved). */
export function packFile(pack: unknown): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
