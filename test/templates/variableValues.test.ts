import { describe, expect, it } from 'vitest';
import type { VariableDefinition } from '#shared/templates/schema';
import { formatVariableValue, readableValue, validateVariableValue, variableLabel } from '#shared/templates/variableValues';
import { inputTextOf, parseVariableInput } from '../../renderer/variables/parseVariableInput';

/** Intl puts a no-break space between the amount and ₫. */
const nbsp = '\u00a0';

const money: VariableDefinition = {
  id: 'min_wage',
  type: 'money',
  label: { vi: 'Mức lương tối thiểu', en: 'Minimum wage' },
  default: 5_310_000,
  min: 3_700_000,
  max: 200_000_000,
};
const percent: VariableDefinition = {
  id: 'ot_rate',
  type: 'percent',
  label: { vi: 'Tiền lương làm thêm giờ', en: 'Overtime pay' },
  default: 150,
  min: 100,
  max: 1000,
};
const days: VariableDefinition = {
  id: 'annual_leave',
  type: 'days',
  label: { vi: 'Số ngày nghỉ hằng năm', en: 'Annual leave' },
  default: 12,
  min: 12,
  max: 30,
};
const hours: VariableDefinition = { id: 'hours', type: 'hours', label: { vi: 'Giờ làm việc', en: 'Working hours' }, default: 8, min: 1, max: 12 };
const time: VariableDefinition = { id: 'start', type: 'timeOfDay', label: { vi: 'Giờ bắt đầu', en: 'Start' }, default: '07:30' };
const date: VariableDefinition = { id: 'effective', type: 'date', label: { vi: 'Ngày hiệu lực', en: 'Effective date' }, default: '2027-01-01' };
const choice: VariableDefinition = {
  id: 'term',
  type: 'enum',
  label: { vi: 'Thời hạn', en: 'Term' },
  default: '3',
  options: [
    { value: '1', label: { vi: '01 năm', en: '1 year' } },
    { value: '3', label: { vi: '03 năm', en: '3 years' } },
  ],
};
const region: VariableDefinition = { id: 'region', type: 'region', label: { vi: 'Vùng', en: 'Region' }, default: 'I' };
const text: VariableDefinition = { id: 'name', type: 'text', label: { vi: 'Tên doanh nghiệp', en: 'Enterprise' }, default: '[Tên]', max: 20 };
const headcount: VariableDefinition = { id: 'workers', type: 'headcount', label: { vi: 'Số người lao động', en: 'Workers' }, default: 100, min: 1 };

describe('typed variables', () => {
  it('accepts values of the type within the range, and explains every refusal in both languages', () => {
    expect(validateVariableValue(money, 5_310_000)).toBeNull();
    expect(validateVariableValue(money, 3_700_000)).toBeNull();
    expect(validateVariableValue(money, 3_699_999)).toEqual({
      vi: `Mức lương tối thiểu: phải là một số nguyên từ 3.700.000${nbsp}₫ đến 200.000.000${nbsp}₫.`,
      en: 'Minimum wage: must be a whole number between ₫3,700,000 and ₫200,000,000.',
    });
    expect(validateVariableValue(money, 5_310_000.5)).not.toBeNull();
    expect(validateVariableValue(percent, 150.5)).toBeNull();
    expect(validateVariableValue(percent, 99)?.vi).toBe('Tiền lương làm thêm giờ: phải là một số từ 100 đến 1.000.');
    expect(validateVariableValue(percent, '150')).not.toBeNull();
    expect(validateVariableValue(days, 11)?.en).toBe('Annual leave: must be a whole number between 12 and 30.');
    expect(validateVariableValue(days, 12.5)).not.toBeNull();
    expect(validateVariableValue(hours, 7.5)).toBeNull();
    expect(validateVariableValue(headcount, 0)?.en).toBe('Workers: must be a whole number at least 1.');
    expect(validateVariableValue(time, '22:00')).toBeNull();
    expect(validateVariableValue(time, '24:00')?.vi).toBe('Giờ bắt đầu: phải là giờ trong ngày dạng HH:MM, ví dụ 07:30.');
    expect(validateVariableValue(date, '2028-02-29')).toBeNull();
    expect(validateVariableValue(date, '2027-02-29')?.en).toBe('Effective date: must be a real date (year-month-day).');
    expect(validateVariableValue(choice, '3')).toBeNull();
    expect(validateVariableValue(choice, '2')?.vi).toBe('Thời hạn: phải là một trong các lựa chọn: 01 năm; 03 năm.');
    expect(validateVariableValue(region, 'IV')).toBeNull();
    expect(validateVariableValue(region, 'V')).not.toBeNull();
    expect(validateVariableValue(text, 'Công ty May')).toBeNull();
    expect(validateVariableValue(text, '   ')).not.toBeNull();
    expect(validateVariableValue(text, 'x'.repeat(21))?.en).toBe('Enterprise: must not be empty and at most 20 characters long.');
  });

  it('formats values the Vietnamese way in Vietnamese documents (vi-VN) and the English way in English ones', () => {
    expect(formatVariableValue(money, 5_310_000, 'vi')).toBe(`5.310.000${nbsp}₫`);
    expect(formatVariableValue(money, 5_310_000, 'en')).toBe('₫5,310,000');
    expect(formatVariableValue(percent, 150, 'vi')).toBe('150%');
    expect(formatVariableValue(percent, 162.5, 'vi')).toBe('162,5%');
    expect(formatVariableValue(days, 14, 'vi')).toBe('14 ngày');
    expect(formatVariableValue(days, 14, 'en')).toBe('14 days');
    expect(formatVariableValue(headcount, 1250, 'vi')).toBe('1.250 người');
    expect(formatVariableValue(date, '2027-01-05', 'vi')).toBe('05/01/2027');
    expect(formatVariableValue(choice, '3', 'vi')).toBe('03 năm');
    expect(formatVariableValue(region, 'II', 'vi')).toBe('vùng II');
    expect(formatVariableValue(time, '22:00', 'en')).toBe('22:00');
    // English counts one day, one person; Vietnamese nouns keep their form.
    expect(formatVariableValue(days, 1, 'en')).toBe('1 day');
    expect(formatVariableValue(headcount, 1, 'en')).toBe('1 person');
    expect(formatVariableValue(days, 1, 'vi')).toBe('1 ngày');
  });

  it('names and formats a value people read even when no definition describes it, never by its id', () => {
    expect(variableLabel(days, 'vi')).toBe(days.label.vi);
    expect(variableLabel(undefined, 'vi')).toBe('Giá trị ngoài thư viện');
    expect(variableLabel(undefined, 'en')).toBe('A value outside the library');
    expect(readableValue(money, 5_310_000, 'vi')).toBe(`5.310.000${nbsp}₫`);
    expect(readableValue(undefined, 1250.5, 'vi')).toBe('1.250,5');
    expect(readableValue(undefined, 1250.5, 'en')).toBe('1,250.5');
    expect(readableValue(undefined, 'ca đêm', 'vi')).toBe('ca đêm');
  });

  it('reads numbers typed either way ("5.310.000", "1,5", "5,310,000 ₫") and keeps what is not a number for validation', () => {
    expect(parseVariableInput(money, '5.310.000', 'vi')).toBe(5_310_000);
    expect(parseVariableInput(money, '5.310.000 ₫', 'vi')).toBe(5_310_000);
    expect(parseVariableInput(money, '5,310,000', 'en')).toBe(5_310_000);
    expect(parseVariableInput(percent, '162,5%', 'vi')).toBe(162.5);
    expect(parseVariableInput(percent, 'nhiều', 'vi')).toBe('nhiều');
    expect(parseVariableInput(text, '  Công ty  ', 'vi')).toBe('Công ty');
    expect(inputTextOf(money, 5_310_000, 'vi')).toBe('5.310.000');
  });
});
