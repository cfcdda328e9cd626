import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entryProblem } from '#shared/salaryScale/model';
import { workforceFromSalaryScale } from '#shared/salaryScale/workforce';
import { addSalaryScale, readSalaryScales, removeSalaryGrade, salaryScaleMap } from '#shared/salaryScale/yjsSalaryScale';

const step = { grade: 'g1', step: 1, monthlyWage: 6_000_000, headcount: 12, allowances: [] };

function counter(): () => string {
  let next = 0;
  return () => `id${(next += 1)}`;
}

describe('the salary scale entries (LC Art. 93)', () => {
  it('accepts a valid scale, grade and step', () => {
    expect(entryProblem('scale:s1', { title: 'Thang lương khối sản xuất', order: 1 })).toBeNull();
    expect(entryProblem('grade:g1', { scale: 's1', title: 'Công nhân may', code: 'CN.1', order: 1 })).toBeNull();
    expect(entryProblem('step:t1', { ...step, allowances: [{ name: 'Phụ cấp độc hại', amount: 300_000, regular: true }] })).toBeNull();
  });

  it('names the problem and the field of each invalid value', () => {
    const cases: [string, unknown, { problem: string; field: string }][] = [
      ['step:t1', { ...step, monthlyWage: 6_000_000.5 }, { problem: 'wage_whole', field: 'monthlyWage' }],
      ['step:t1', { ...step, monthlyWage: -1 }, { problem: 'wage_whole', field: 'monthlyWage' }],
      ['step:t1', { ...step, monthlyWage: '6000000' }, { problem: 'wage_whole', field: 'monthlyWage' }],
      ['step:t1', { ...step, monthlyWage: 2_000_000_000 }, { problem: 'money_too_large', field: 'monthlyWage' }],
      ['step:t1', { ...step, headcount: -3 }, { problem: 'headcount_whole', field: 'headcount' }],
      ['step:t1', { ...step, step: 0 }, { problem: 'step_number', field: 'step' }],
      ['step:t1', { ...step, bonus: 1 }, { problem: 'unknown_field', field: '' }],
      ['step:t1', { ...step, allowances: [{ name: 'Ăn trưa', amount: 1.5, regular: false }] }, { problem: 'amount_whole', field: 'allowances.0.amount' }],
      ['grade:g1', { scale: 's1', title: '   ', order: 1 }, { problem: 'text_empty', field: 'title' }],
      ['grade:g1', { scale: 's1', title: 'Thợ\u0001 hàn', order: 1 }, { problem: 'text_unsafe', field: 'title' }],
      ['grade:g1', { scale: 's1', title: 'Thợ\nhàn', order: 1 }, { problem: 'text_unsafe', field: 'title' }],
      ['scale:s1', 'Thang lương', { problem: 'not_an_entry', field: '' }],
      ['bonus:b1', { amount: 1 }, { problem: 'not_an_entry', field: '' }],
    ];
    for (const [key, value, expected] of cases) expect(entryProblem(key, value), JSON.stringify(value)).toEqual(expected);
  });
});

describe('reading and writing the scale in a Y.Doc', () => {
  it('reads scales, grades and steps in order, and skips what belongs to nothing', () => {
    const doc = new Y.Doc();
    addSalaryScale(
      doc,
      {
        title: 'Thang lương',
        grades: [
          {
            title: 'Công nhân',
            code: 'CN',
            steps: [
              { step: 2, monthlyWage: 6_500_000, headcount: 5, allowances: [] },
              { step: 1, monthlyWage: 6_000_000, headcount: 10, allowances: [] },
            ],
          },
          { title: 'Kỹ sư', steps: [] },
        ],
      },
      counter(),
    );
    salaryScaleMap(doc).set('step:orphan', { ...step, grade: 'gone' });
    const [scale] = readSalaryScales(doc);
    expect(scale?.grades.map((grade) => [grade.title, grade.code, grade.steps.map((item) => item.step)])).toEqual([
      ['Công nhân', 'CN', [1, 2]],
      ['Kỹ sư', undefined, []],
    ]);
    removeSalaryGrade(doc, scale?.grades[0] as NonNullable<typeof scale>['grades'][number]);
    expect(readSalaryScales(doc)[0]?.grades.map((grade) => grade.title)).toEqual(['Kỹ sư']);
    expect([...salaryScaleMap(doc).keys()].filter((key) => key.startsWith('step:id'))).toEqual([]);
  });
});

describe('workforceFromSalaryScale', () => {
  it('gives one group per step that pays someone, with regular and irregular allowances apart', () => {
    const groups = workforceFromSalaryScale({
      id: 's1',
      title: 'Thang lương',
      grades: [
        {
          id: 'g1',
          title: 'Công nhân may',
          code: 'CN.1',
          steps: [
            {
              id: 't1',
              step: 1,
              monthlyWage: 5_400_000,
              headcount: 120,
              allowances: [
                { name: 'Độc hại', amount: 300_000, regular: true },
                { name: 'Trách nhiệm', amount: 200_000, regular: true },
                { name: 'Xăng xe', amount: 150_000, regular: false },
              ],
            },
            { id: 't2', step: 2, monthlyWage: 5_800_000, headcount: 0, allowances: [] },
          ],
        },
        { id: 'g2', title: 'Tổ trưởng', steps: [{ id: 't3', step: 1, monthlyWage: 7_000_000, headcount: 8, allowances: [] }] },
      ],
    });
    expect(groups).toEqual([
      { grade: 'CN.1', step: 1, headcount: 120, monthlyWage: 5_400_000, regularAllowances: 500_000, irregularAllowances: 150_000 },
      { grade: 'Tổ trưởng', step: 1, headcount: 8, monthlyWage: 7_000_000, regularAllowances: 0, irregularAllowances: 0 },
    ]);
  });
});
