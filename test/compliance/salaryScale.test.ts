import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { checkDocument } from '#shared/compliance/checkDocument';
import type { CheckDocumentInput } from '#shared/compliance/types';
import { formatVnd } from '#shared/format/locale';
import type { SalaryScale } from '#shared/salaryScale/model';
import { addSalaryScale } from '#shared/salaryScale/yjsSalaryScale';
import { closeApi, inProcessTransportUnderTest, startApi, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { goTo, openTable, refusedUnchanged, take } from '../lifecycle/lifecycleFixture';
import { documentOf } from './builders';

function scaleWith(...wages: number[]): SalaryScale {
  return {
    id: 's1',
    title: 'Thang lương khối sản xuất',
    grades: [
      {
        id: 'g1',
        title: 'Công nhân may',
        code: 'CN.1',
        steps: wages.map((monthlyWage, index) => ({ id: `t${index}`, step: index + 1, monthlyWage, headcount: 10, allowances: [] })),
      },
    ],
  };
}

function check(input: Partial<CheckDocumentInput>) {
  return checkDocument({
    kind: 'enterprise_agreement',
    blocks: documentOf({ title: 'Tiền lương', body: ['Tiền lương được trả theo thang lương, bảng lương của Công ty.'] }),
    variables: {},
    dates: { reference: '2026-03-01' },
    ...input,
  });
}

describe('the salary scale in the compliance check', () => {
  it('finds every step below the regional minimum of the place and date (Decree 293/2025 Art. 3; LC Art. 90(2), 91)', () => {
    const findings = check({ salaryScales: [scaleWith(5_000_000, 5_310_000, 6_000_000)], variables: { region: 'I' } }).filter(
      (finding) => finding.ruleId === 'wage.min_regional',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'violation', citation: { law: 'D293', article: 3 }, actual: { vi: formatVnd(5_000_000, 'vi') } });
    expect(findings[0]?.message.vi).toBe(
      `Thang lương khối sản xuất, Công nhân may (CN.1), bậc 1: mức lương ${formatVnd(5_000_000, 'vi')} thấp hơn mức lương tối thiểu vùng I ${formatVnd(5_310_000, 'vi')} theo Nghị định 293/2025/NĐ-CP (từ 01/01/2026), áp dụng ngày 01/03/2026 (khoản 2 Điều 90, Điều 91 Bộ luật Lao động 2019).`,
    );
    // The same wage in region III is lawful; under the 2025 table (Decree 74/2024) so is 5,000,000 in region I.
    expect(check({ salaryScales: [scaleWith(5_000_000)], variables: { region: 'III' } }).some((finding) => finding.ruleId === 'wage.min_regional')).toBe(false);
    expect(
      check({ salaryScales: [scaleWith(5_000_000)], variables: { region: 'I' }, dates: { reference: '2025-06-01' } }).some(
        (finding) => finding.ruleId === 'wage.min_regional',
      ),
    ).toBe(false);
    // Without a region: below region IV is a violation, below region I a warning.
    const unknownRegion = check({ salaryScales: [scaleWith(3_500_000, 4_000_000)] }).filter((finding) => finding.ruleId === 'wage.min_regional');
    expect(unknownRegion.map((finding) => finding.severity)).toEqual(['violation', 'warning']);
  });

  it('flags a scale published without the union consulted before (LC Art. 93(2); Decree 145/2020 Art. 41)', () => {
    const scaleFindings = (procedure: CheckDocumentInput['salaryScaleProcedure']) =>
      check({ salaryScales: [scaleWith(7_000_000)], ...(procedure ? { salaryScaleProcedure: procedure } : {}) })
        .filter((finding) => finding.ruleId === 'wage.scale_consult')
        .map((finding) => [finding.severity, finding.message.en]);
    expect(scaleFindings({ publishedOn: '2026-02-01' })).toEqual([
      [
        'violation',
        'The salary scale was published on 01/02/2026 with no consultation of the worker representative organisation recorded (Labour Code 2019 Art. 93(2); Decree 145/2020/ND-CP Art. 41).',
      ],
    ]);
    expect(scaleFindings({ consultedOn: '2026-02-10', publishedOn: '2026-02-01' })[0]?.[0]).toBe('violation');
    expect(scaleFindings({ consultedOn: '2026-01-20', publishedOn: '2026-02-01' })).toEqual([]);
    expect(scaleFindings({ consultedOn: '2026-01-20' })[0]?.[0]).toBe('information');
    expect(scaleFindings(undefined)[0]?.[0]).toBe('information');
    // A document without a scale has nothing to consult on.
    expect(check({ salaryScaleProcedure: { publishedOn: '2026-02-01' } }).some((finding) => finding.ruleId === 'wage.scale_consult')).toBe(false);
  });
});

describe('the salary scale procedure in the lifecycle', () => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;
  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(inProcessTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  it('records the consultation and the publication as procedural facts, each by its side, and the report reads them', async () => {
    const table = await openTable(api, admin);
    const { documentId, employer, union, reviewer } = table;
    let next = 0;
    await api.withRoom(documentId, (room) =>
      room.change(null, (doc) => {
        addSalaryScale(
          doc,
          { title: 'Thang lương', grades: [{ title: 'Công nhân may', steps: [{ step: 1, monthlyWage: 6_000_000, headcount: 30, allowances: [] }] }] },
          () => `x${(next += 1)}`,
        );
      }),
    );
    const consultFindings = async () =>
      (await reviewer.client.call('compliance/report', { documentId })).findings.filter((finding) => finding.ruleId === 'wage.scale_consult');

    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(union.client, documentId, { type: 'publish_salary_scale', publishedOn: '2027-01-04' }),
      'forbidden',
      /Art\. 93\(3\)/,
    );
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(reviewer.client, documentId, { type: 'record_scale_consultation', consultedOn: '2027-01-04' }),
      'forbidden',
      /Art\. 93\(2\)/,
    );
    await refusedUnchanged(
      api,
      admin,
      documentId,
      () => take(employer.client, documentId, { type: 'record_scale_consultation', consultedOn: '2027-01-05' }),
      'invalid_input',
      /after today/,
    );

    const published = await take(employer.client, documentId, { type: 'publish_salary_scale', publishedOn: '2027-01-04' });
    expect(published).toMatchObject({ state: 'drafting', current: { salaryScale: { publishedOn: '2027-01-04' } } });
    expect((await consultFindings()).map((finding) => finding.severity)).toEqual(['violation']);

    goTo(clock, '2027-01-11');
    const consulted = await take(union.client, documentId, { type: 'record_scale_consultation', consultedOn: '2027-01-11' });
    expect(consulted.current.salaryScale).toEqual({ publishedOn: '2027-01-04', consultedOn: '2027-01-11' });
    // Consulted after it was published: still not the order the law asks for.
    expect((await consultFindings()).map((finding) => finding.message.en)).toEqual([
      expect.stringMatching(/published on 04\/01\/2027, before .* consulted on 11\/01\/2027/),
    ]);
    await take(employer.client, documentId, { type: 'publish_salary_scale', publishedOn: '2027-01-11' });
    expect(await consultFindings()).toEqual([]);
  });
});
