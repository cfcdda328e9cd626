import { describe, expect, it } from 'vitest';
import { complianceBasis } from '#shared/compliance/checkDocument';
import { minimumWageTableOn, minimumWageTables } from '#shared/compliance/data/minimumWages';
import { formatVnd as vnd } from '#shared/format/locale';
import type { VariableValue } from '#shared/templates/schema';
import { checkArticles, documentOf, findingsOf } from './builders';

const wageArticle = (chips: string) => ({ title: 'Tiền lương tối thiểu', body: [`Mức lương thấp nhất ${chips}.`] });

function checkWage(variables: Record<string, VariableValue>, options: { reference?: string; asOf?: string; region?: 'I' | 'IV' } = {}) {
  return checkArticles([wageArticle('{{lowest_wage}}')], { variables, ...options, ...(options.region ? { enterprise: { region: options.region } } : {}) });
}

describe('regional minimum wage by region and date (LC Art. 91; Decrees 74/2024 and 293/2025)', () => {
  it('the tables are in force one after the other, from 1 Jul 2024', () => {
    expect(minimumWageTableOn('2024-06-30')).toBeUndefined();
    expect(minimumWageTableOn('2024-07-01')?.id).toBe('D74/2024');
    expect(minimumWageTableOn('2025-12-31')?.id).toBe('D74/2024');
    expect(minimumWageTableOn('2026-01-01')?.id).toBe('D293/2025');
    expect(minimumWageTables.map((table) => table.monthly.I)).toEqual([4_960_000, 5_310_000]);
    expect(minimumWageTableOn('2030-01-01')?.hourly).toEqual({ I: 25_500, II: 22_700, III: 20_000, IV: 17_800 });
  });

  it('the same wage passes under Decree 74 in 2025 and fails under Decree 293 in 2026', () => {
    const wage = { region: 'I', lowest_wage: 5_000_000 };
    expect(findingsOf(checkWage({ ...wage, effective_date: '2025-07-01' }), 'wage.min_regional')).toEqual([]);
    const [finding] = findingsOf(checkWage({ ...wage, effective_date: '2026-01-01' }), 'wage.min_regional');
    expect(finding).toMatchObject({
      variableId: 'lowest_wage',
      citation: { law: 'D293', article: 3 },
      source: { en: 'Decree 293/2025/ND-CP (from 1 Jan 2026)' },
      expected: { vi: `không thấp hơn ${vnd(5_310_000, 'vi')}`, en: 'at least ₫5,310,000' },
      actual: { vi: vnd(5_000_000, 'vi'), en: '₫5,000,000' },
    });
    // vi-VN writes 5.000.000 ₫ (a no-break space before the sign).
    expect(vnd(5_000_000, 'vi')).toMatch(/^5\.000\.000\s₫$/);
    expect(finding?.message.vi).toBe(
      `Mức lương thấp nhất của doanh nghiệp (công việc giản đơn nhất): ${vnd(5_000_000, 'vi')} thấp hơn mức lương tối thiểu vùng I ${vnd(5_310_000, 'vi')} theo Nghị định 293/2025/NĐ-CP (từ 01/01/2026), áp dụng ngày 01/01/2026 (Điều 91 Bộ luật Lao động 2019).`,
    );
    expect(finding?.message.en).toBe(
      'Lowest wage paid by the enterprise (simplest work): ₫5,000,000 is below the region I minimum wage of ₫5,310,000 under Decree 293/2025/ND-CP (from 1 Jan 2026), in force on 01/01/2026 (Labour Code 2019 Art. 91).',
    );
  });

  it('at and around the threshold, in each region', () => {
    expect(findingsOf(checkWage({ region: 'I', lowest_wage: 5_310_000, effective_date: '2026-03-01' }), 'wage.min_regional')).toEqual([]);
    expect(findingsOf(checkWage({ region: 'I', lowest_wage: 5_309_999, effective_date: '2026-03-01' }), 'wage.min_regional')).toHaveLength(1);
    expect(findingsOf(checkWage({ region: 'IV', lowest_wage: 3_700_000, effective_date: '2026-03-01' }), 'wage.min_regional')).toEqual([]);
    expect(findingsOf(checkWage({ region: 'IV', lowest_wage: 3_699_000, effective_date: '2026-03-01' }), 'wage.min_regional')).toHaveLength(1);
  });

  it('the date: the effective date, else the reference date; --date (asOf) overrides both', () => {
    const wage = { region: 'I', lowest_wage: 5_000_000 };
    expect(findingsOf(checkWage(wage, { reference: '2025-10-01' }), 'wage.min_regional')).toEqual([]);
    expect(findingsOf(checkWage(wage, { reference: '2026-10-01' }), 'wage.min_regional')).toHaveLength(1);
    // Signed in 2025 and still running in 2026: unlawful once the new minimum applies (LC Art. 82(2)).
    expect(findingsOf(checkWage({ ...wage, effective_date: '2025-07-01' }, { asOf: '2026-02-01' }), 'wage.min_regional')).toHaveLength(1);
  });

  it('the region: the document’s, else the enterprise’s; unknown, below region IV fails and below region I warns', () => {
    expect(findingsOf(checkWage({ lowest_wage: 4_000_000, effective_date: '2026-03-01' }, { region: 'IV' }), 'wage.min_regional')).toEqual([]);
    expect(findingsOf(checkWage({ lowest_wage: 4_000_000, effective_date: '2026-03-01' }, { region: 'I' }), 'wage.min_regional')).toHaveLength(1);
    expect(findingsOf(checkWage({ lowest_wage: 4_000_000, effective_date: '2026-03-01' }), 'wage.min_regional', 'warning')).toHaveLength(1);
    expect(findingsOf(checkWage({ lowest_wage: 3_000_000, effective_date: '2026-03-01' }), 'wage.min_regional')).toHaveLength(1);
  });

  it('the minimum the agreement states (min_wage_monthly) is checked too, and dates before the tables get a note', () => {
    const stated = (value: number, date: string) =>
      checkArticles([wageArticle('{{region}} là {{min_wage_monthly}}')], { variables: { region: 'II', min_wage_monthly: value, effective_date: date } });
    expect(findingsOf(stated(4_730_000, '2026-05-01'), 'wage.min_regional')).toEqual([]);
    expect(findingsOf(stated(4_410_000, '2026-05-01'), 'wage.min_regional')[0]?.message.en).toContain('below the region II minimum wage of ₫4,730,000');
    expect(findingsOf(stated(4_410_000, '2024-01-01'), 'wage.min_regional', 'information')).toHaveLength(1);
  });

  it('reports the basis of a check', () => {
    const basis = complianceBasis({
      kind: 'enterprise_agreement',
      blocks: documentOf(wageArticle('{{lowest_wage}}')),
      variables: { region: 'III', effective_date: '2026-08-01' },
      dates: { reference: '2026-01-01' },
    });
    expect(basis).toMatchObject({
      legalDate: '2026-08-01',
      legalDateSource: 'effective_date',
      region: 'III',
      minimumWage: { id: 'D293/2025' },
      publicHolidayDays: { total: 12, confirmed: 11 },
    });
  });
});
