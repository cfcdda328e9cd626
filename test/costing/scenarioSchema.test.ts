import { describe, expect, it } from 'vitest';
import { parseScenario } from '#shared/costing/scenario';
import { issueWorkforce } from './scenarioFixtures';

/** The problems of an input the schema refuses, as `path: message`. */
function problems(input: unknown): string[] {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error('the scenario was accepted');
  return parsed.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('the costing scenario schema', () => {
  it("accepts the issue's example and fills in the defaults", () => {
    const parsed = parseScenario({
      ...issueWorkforce,
      changes: [
        { kind: 'percent', value: 7, from: '2026-01-01' },
        { kind: 'flat', amount: 400000, from: '2026-07-01', grades: ['A1'] },
        { kind: 'bonus', amount: 5000000, on: '2026-01-20', regular: false },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      scenario: expect.objectContaining({
        normalHoursPerMonth: 208,
        workforce: [{ grade: 'A1', step: null, headcount: 200, monthlyWage: 7_000_000, regularAllowances: 0, irregularAllowances: 0 }],
      }),
    });
    expect(parseScenario({ ...issueWorkforce, changes: [{ kind: 'bonus', amount: 1, on: '2026-02-01' }] })).toMatchObject({
      ok: true,
      scenario: { changes: [{ regular: false }] },
    });
  });

  it('names the field of each problem', () => {
    expect(
      problems({
        ...issueWorkforce,
        changes: [
          { kind: 'percent', value: 7, from: '2026-01-01' },
          { kind: 'flat', amount: 400000, from: '2026-13-01' },
        ],
      }),
    ).toEqual(['changes[1].from: must be a real date written YYYY-MM-DD']);
    expect(problems({ ...issueWorkforce, region: 'V', termMonths: 0 })).toEqual([
      'region: is the text "V"; expected one of: I, II, III, IV',
      'termMonths: must be at least 1, found the number 0',
    ]);
    expect(problems({ ...issueWorkforce, workforce: [{ grade: 'A', headcount: 1.5, monthlyWage: '7000000' }] })).toEqual([
      'workforce[0].headcount: must be a whole number, found the number 1.5',
      'workforce[0].monthlyWage: must be a number, found the text "7000000"',
    ]);
    expect(problems({ ...issueWorkforce, workforce: [{ grade: 'A', headcount: 1, monthlyWage: 7_000_000.5 }] })).toEqual([
      'workforce[0].monthlyWage: must be a whole number, found the number 7,000,000.5',
    ]);
  });

  it('says which kinds of change there are, and refuses unknown fields and a repetition count without yearly', () => {
    expect(problems({ ...issueWorkforce, changes: [{ kind: 'raise', value: 7 }] })).toEqual([
      'changes[0].kind: is the text "raise"; expected one of: percent, flat, wage, allowance, bonus, overtime, night',
    ]);
    expect(problems({ ...issueWorkforce, changes: [{ kind: 'percent', value: 7, from: '2026-01-01', grade: ['A1'] }] })).toEqual([
      'changes[0].grade: unknown field (docs/costing.md lists the fields)',
    ]);
    expect(problems({ ...issueWorkforce, changes: [{ kind: 'percent', value: 3, from: '2026-01-01', times: 3 }] })).toEqual([
      'changes[0].times: counts yearly repetitions: give "yearly": true with it',
    ]);
    expect(problems({ ...issueWorkforce, changes: [{ kind: 'overtime', day: 'sunday', oldRate: 150, newRate: 200, hours: 10, from: '2026-01-01' }] })).toEqual([
      'changes[0].day: is the text "sunday"; expected one of: weekday, restDay, holiday',
    ]);
  });

  it('refuses what is not an object', () => {
    expect(problems([issueWorkforce])).toEqual(['(the scenario): must be an object {...}, found a list of 1 item']);
    expect(problems(null)).toEqual(['(the scenario): must be an object {...}, found null']);
  });
});
