import { describe, expect, it } from 'vitest';
import { placeholdersOf, templateLibrary } from '#shared/templates/library';
import type { VariableValue } from '#shared/templates/schema';

const library = templateLibrary();

/**
 * Statutory floors and caps (each with its provision) of the variables that carry them: `at least`
 * means more is more favourable to workers, `at most` means less is. Enum values are minutes or years.
 */
const statutory: Record<string, { limit: number; is: 'at least' | 'at most'; law: string }> = {
  ot_rate_weekday: { limit: 150, is: 'at least', law: 'LC 98(1)(a)' },
  ot_rate_weekly_rest: { limit: 200, is: 'at least', law: 'LC 98(1)(b)' },
  ot_rate_holiday: { limit: 300, is: 'at least', law: 'LC 98(1)(c)' },
  night_premium_percent: { limit: 30, is: 'at least', law: 'LC 98(2)' },
  night_ot_extra_percent: { limit: 20, is: 'at least', law: 'LC 98(3)' },
  hours_per_day: { limit: 8, is: 'at most', law: 'LC 105(1)' },
  hours_per_week: { limit: 48, is: 'at most', law: 'LC 105(1)' },
  ot_max_hours_per_day: { limit: 4, is: 'at most', law: 'LC 107(2)(b)' },
  ot_max_hours_per_month: { limit: 40, is: 'at most', law: 'LC 107(2)(b)' },
  ot_max_hours_per_year: { limit: 200, is: 'at most', law: 'LC 107(2)(c), sector "other"' },
  break_minutes_day: { limit: 30, is: 'at least', law: 'LC 109(1)' },
  break_minutes_night: { limit: 45, is: 'at least', law: 'LC 109(1)' },
  shift_change_rest_hours: { limit: 12, is: 'at least', law: 'LC 110' },
  annual_leave_days: { limit: 12, is: 'at least', law: 'LC 113(1)(a)' },
  annual_leave_days_heavy: { limit: 14, is: 'at least', law: 'LC 113(1)(b)' },
  annual_leave_days_very_heavy: { limit: 16, is: 'at least', law: 'LC 113(1)(c)' },
  seniority_step_years: { limit: 5, is: 'at most', law: 'LC 114' },
  leave_own_marriage_days: { limit: 3, is: 'at least', law: 'LC 115(1)(a)' },
  leave_child_marriage_days: { limit: 1, is: 'at least', law: 'LC 115(1)(b)' },
  leave_bereavement_days: { limit: 3, is: 'at least', law: 'LC 115(1)(c)' },
  probation_days_manager: { limit: 180, is: 'at most', law: 'LC 25(1)' },
  probation_days_college: { limit: 60, is: 'at most', law: 'LC 25(2)' },
  probation_days_intermediate: { limit: 30, is: 'at most', law: 'LC 25(3)' },
  probation_days_other: { limit: 6, is: 'at most', law: 'LC 25(4)' },
  probation_wage_percent: { limit: 85, is: 'at least', law: 'LC 26' },
  transfer_max_working_days_per_year: { limit: 60, is: 'at most', law: 'LC 29(1)' },
  transfer_notice_working_days: { limit: 3, is: 'at least', law: 'LC 29(2)' },
  transfer_wage_protection_working_days: { limit: 30, is: 'at least', law: 'LC 29(3)' },
  transfer_wage_percent: { limit: 85, is: 'at least', law: 'LC 29(3)' },
  employer_notice_indefinite_days: { limit: 45, is: 'at least', law: 'LC 36(2)(a)' },
  employer_notice_fixed_days: { limit: 30, is: 'at least', law: 'LC 36(2)(b)' },
  employer_notice_short_working_days: { limit: 3, is: 'at least', law: 'LC 36(2)(c)' },
  severance_wage_percent_per_year: { limit: 50, is: 'at least', law: 'LC 46(1)' },
  job_loss_wage_percent_per_year: { limit: 100, is: 'at least', law: 'LC 47(1)' },
  job_loss_min_months: { limit: 2, is: 'at least', law: 'LC 47(1)' },
  settlement_working_days: { limit: 14, is: 'at most', law: 'LC 48(1)' },
  min_wage_monthly: { limit: 5_310_000, is: 'at least', law: 'Decree 293/2025 Art. 3, region I' },
  lowest_wage: { limit: 5_310_000, is: 'at least', law: 'Decree 293/2025 Art. 3, region I' },
  wage_deduction_cap_percent: { limit: 30, is: 'at most', law: 'LC 102(3)' },
  menstrual_break_minutes: { limit: 30, is: 'at least', law: 'LC 137(4)' },
  menstrual_break_days_per_month: { limit: 3, is: 'at least', law: 'Decree 145 Art. 80(3)(a)' },
  nursing_break_minutes: { limit: 60, is: 'at least', law: 'LC 137(4)' },
  health_check_interval_months: { limit: 12, is: 'at most', law: 'OSH 2015 Art. 21(1)' },
  health_check_interval_hazardous_months: { limit: 6, is: 'at most', law: 'OSH 2015 Art. 21(1)' },
  union_chair_hours_per_month: { limit: 24, is: 'at least', law: 'Trade Union Law' },
  union_member_hours_per_month: { limit: 12, is: 'at least', law: 'Trade Union Law' },
  dialogue_interval_months: { limit: 12, is: 'at most', law: 'LC 63(2)(a)' },
  raise_delay_months: { limit: 6, is: 'at most', law: 'LC 124(2)' },
  suspension_max_days: { limit: 15, is: 'at most', law: 'LC 128(2)' },
  suspension_advance_percent: { limit: 50, is: 'at least', law: 'LC 128(2)' },
  liability_minor_cap_months: { limit: 3, is: 'at most', law: 'LC 129(1)' },
};

function lawful(id: string, value: VariableValue): boolean {
  const rule = statutory[id];
  if (!rule) return true;
  const number = Number(value);
  return rule.is === 'at least' ? number >= rule.limit : number <= rule.limit;
}

describe('statutory floors', () => {
  it('the table names real variables', () => {
    const ids = new Set(library.variables.map((variable) => variable.id));
    for (const id of Object.keys(statutory)) expect(ids.has(id), id).toBe(true);
  });

  it('variable defaults are lawful', () => {
    for (const variable of library.variables) {
      if (variable.default !== undefined)
        expect(lawful(variable.id, variable.default), `${variable.id} = ${variable.default} (${statutory[variable.id]?.law})`).toBe(true);
    }
  });

  it('every wording proposes lawful values, and a "floor" wording exactly the statutory figure', () => {
    for (const template of library.templates) {
      for (const alternative of template.alternatives) {
        const used = new Set(alternative.body.flatMap((block) => placeholdersOf(block.text.vi)));
        for (const id of used) {
          const value = alternative.values?.[id];
          const rule = statutory[id];
          if (rule && alternative.level === 'floor')
            expect(value === undefined ? undefined : Number(value), `${alternative.id}: ${id} (${rule.law})`).toBe(rule.limit);
          if (value !== undefined) expect(lawful(id, value), `${alternative.id}: ${id} = ${value}`).toBe(true);
        }
      }
    }
  });
});

describe('lawful wording', () => {
  const texts = library.templates.flatMap((template) =>
    [template.body, ...template.alternatives.map((alternative) => alternative.body)].flat().map((block) => ({ id: template.id, ...block.text })),
  );

  it('holiday overtime is "at least 300%, not counting the holiday wage" (Decree 145 Art. 55)', () => {
    const holiday = texts.filter((text) => text.vi.includes('{{ot_rate_holiday}}'));
    expect(holiday.length).toBeGreaterThan(0);
    for (const text of holiday) {
      expect(text.vi, text.id).toMatch(/ít nhất bằng \{\{ot_rate_holiday\}\}/);
      expect(text.vi, text.id).toContain('chưa kể tiền lương');
      expect(text.en, text.id).toContain('not including');
    }
  });

  it('fines and wage cuts appear only where they are prohibited (LC 127)', () => {
    for (const text of texts.filter((candidate) => /phạt tiền|cắt lương|trừ lương/i.test(candidate.vi))) {
      expect(text.vi, text.id).toMatch(/nghiêm cấm|không áp dụng/i);
    }
  });

  it('labour regulations discipline only with the four forms of LC 124', () => {
    const forms = library.templates.find((template) => template.id === 'regs.discipline.forms');
    const points = forms?.body.filter((block) => block.type === 'point').map((block) => block.text.vi.replace(/[;.]$/, ''));
    expect(points).toEqual(['Khiển trách', 'Kéo dài thời hạn nâng lương không quá {{raise_delay_months}}', 'Cách chức', 'Sa thải']);
  });

  it('the absence thresholds for dismissal are those of LC 125(4)', () => {
    const dismissal = texts
      .filter((text) => text.id === 'regs.discipline.dismissal_offences')
      .map((text) => text.vi)
      .join(' ');
    expect(dismissal).toContain('05 ngày cộng dồn trong thời hạn 30 ngày hoặc 20 ngày cộng dồn trong thời hạn 365 ngày');
  });

  it('nursing mothers keep a paid daily break until the child is 12 months old (LC 137(4))', () => {
    const nursing = texts.filter((text) => text.vi.includes('{{nursing_break_minutes}}'));
    expect(nursing.length).toBeGreaterThan(0);
    for (const text of nursing) expect(text.vi, text.id).toContain('dưới 12 tháng tuổi');
  });

  it('night overtime adds the LC 98(3) premium on top of overtime and night pay', () => {
    const night = texts.filter((text) => text.vi.includes('{{night_ot_extra_percent}}'));
    expect(night.length).toBeGreaterThan(0);
    for (const text of night) expect(text.vi, text.id).toContain('ban ngày');
  });
});
