import { describe, expect, it } from 'vitest';
import { checkDocument } from '#shared/compliance/checkDocument';
import { ruleTable } from '#shared/compliance/ruleTable';
import type { VariableDefinition, VariableValue } from '#shared/templates/schema';
import { templateLibrary } from '#shared/templates/library';
import { checkArticles, documentOf, findingsOf, problems } from './builders';

const library = templateLibrary();
const definitionOf = (id: string) => library.variables.find((variable) => variable.id === id);

/** A value of the variable's own type: enums hold their numbers as strings ("30"). */
function valueFor(id: string, value: number): VariableValue {
  return definitionOf(id)?.type === 'enum' ? String(value) : value;
}

function checkValue(id: string, value: number, kind: 'enterprise_agreement' | 'labour_regulations' = 'enterprise_agreement') {
  return checkArticles([{ title: 'Điều khoản', body: [`Giá trị là {{${id}}}.`] }], { kind, variables: { [id]: valueFor(id, value) } });
}

const limits = ruleTable.flatMap((rule) => (rule.variables ?? []).map((limit) => ({ rule: rule.id, ...limit })));

describe('every variable limit of the rule table, at and around its threshold', () => {
  it.each(limits)('$rule: $variableId', ({ rule, variableId, atLeast, atMost }) => {
    const bound = atLeast ?? atMost ?? 0;
    const worse = atLeast === undefined ? bound + 1 : bound - 1;
    const better = atLeast === undefined ? bound - 1 : bound + 1;
    expect(findingsOf(checkValue(variableId, bound), rule), 'at the threshold').toEqual([]);
    expect(findingsOf(checkValue(variableId, better), rule), 'more favourable').toEqual([]);
    const violations = findingsOf(checkValue(variableId, worse), rule);
    expect(violations, 'just past the threshold').toHaveLength(1);
    expect(violations[0]).toMatchObject({ variableId, clauseId: expect.any(String), actual: expect.any(Object), expected: expect.any(Object) });
  });
});

describe('overtime and night pay (LC Art. 98)', () => {
  it('overtime on normal days: 150% passes, 149% fails, with both languages and the article', () => {
    expect(findingsOf(checkValue('ot_rate_weekday', 150), 'pay.ot_weekday')).toEqual([]);
    const [finding] = findingsOf(checkValue('ot_rate_weekday', 149), 'pay.ot_weekday');
    expect(finding).toMatchObject({
      severity: 'violation',
      citation: { law: 'LC2019', article: 98, clause: 1, point: 'a' },
      variableId: 'ot_rate_weekday',
      expected: { vi: 'không thấp hơn 150%', en: 'at least 150%' },
      actual: { vi: '149%', en: '149%' },
    });
    expect(finding?.message.vi).toBe(
      'Tiền lương làm thêm giờ vào ngày thường: 149% thấp hơn mức tối thiểu 150% theo điểm a khoản 1 Điều 98 Bộ luật Lao động 2019.',
    );
    expect(finding?.message.en).toBe('Overtime pay on normal days: 149% is below the statutory minimum of 150% (Labour Code 2019 Art. 98(1)(a)).');
  });

  it('points at the article whose text shows the chip', () => {
    const blocks = documentOf({ title: 'Tiền lương', body: ['Lương tháng.'] }, { title: 'Làm thêm giờ', body: ['Ít nhất bằng {{ot_rate_holiday}}.'] });
    const holidayArticle = blocks[1]?.type === 'chapter' ? blocks[1].children[1] : undefined;
    const findings = checkDocument({ kind: 'enterprise_agreement', blocks, variables: { ot_rate_holiday: 250 }, dates: { reference: '2027-01-01' } });
    expect(findingsOf(findings, 'pay.ot_holiday')[0]?.clauseId).toBe(holidayArticle?.type === 'article' ? holidayArticle.clauseId : 'none');
  });

  it('a value the text does not show is not checked (only facts are read without a chip)', () => {
    const findings = checkArticles([{ title: 'Điều khoản', body: ['Không có biến.'] }], { variables: { ot_rate_weekday: 100 } });
    expect(findingsOf(findings, 'pay.ot_weekday')).toEqual([]);
  });

  it('a user-template variable naming a rule is checked against that rule', () => {
    const userRate: VariableDefinition = {
      id: 'user.ot_sunday',
      type: 'percent',
      label: { vi: 'Làm thêm Chủ nhật', en: 'Sunday overtime' },
      default: 200,
      rule: 'pay.ot_weekly_rest',
    };
    const check = (value: number) =>
      checkDocument({
        kind: 'enterprise_agreement',
        blocks: documentOf({ title: 'Làm thêm', body: ['Chủ nhật: {{user.ot_sunday}}.'] }),
        variables: { 'user.ot_sunday': value },
        dates: { reference: '2027-01-01' },
        lookupVariable: (id) => (id === userRate.id ? userRate : undefined),
      });
    expect(findingsOf(check(200), 'pay.ot_weekly_rest')).toEqual([]);
    expect(findingsOf(check(199), 'pay.ot_weekly_rest')[0]).toMatchObject({
      variableId: 'user.ot_sunday',
      message: { en: expect.stringContaining('Sunday overtime: 199%') },
    });
  });
});

describe('working time (LC Art. 105-110)', () => {
  const hours = (perDay: number, extra: string[] = []) =>
    checkArticles([{ title: 'Thời giờ làm việc', body: ['Không quá {{hours_per_day}} trong 01 ngày.', ...extra] }], { variables: { hours_per_day: perDay } });

  it('daily hours: 8 pass, 9 fail by the day, warn under a weekly regime, 11 fail under any regime', () => {
    expect(hours(8).filter((finding) => finding.ruleId.startsWith('hours.'))).toEqual([]);
    expect(findingsOf(hours(9), 'hours.daily_normal')).toHaveLength(1);
    const weekly = ['Thời giờ làm việc được quy định theo tuần và thông báo cho người lao động.'];
    expect(findingsOf(hours(9, weekly), 'hours.daily_normal')).toEqual([]);
    expect(findingsOf(hours(9, weekly), 'hours.weekly_regime_daily_cap', 'warning')).toHaveLength(1);
    expect(findingsOf(hours(10, weekly), 'hours.weekly_regime_daily_cap', 'warning')).toHaveLength(1);
    expect(findingsOf(hours(11, weekly), 'hours.weekly_regime_daily_cap')).toHaveLength(1);
  });

  it('weekly hours: 48 pass with a note on the 40-hour week, 40 pass silently, 49 fail', () => {
    const week = (value: number) =>
      checkArticles([{ title: 'Thời giờ làm việc', body: ['Không quá {{hours_per_week}} trong 01 tuần.'] }], { variables: { hours_per_week: value } });
    expect(
      week(48)
        .filter((finding) => finding.ruleId === 'hours.weekly_normal')
        .map((finding) => finding.severity),
    ).toEqual(['information']);
    expect(week(40).filter((finding) => finding.ruleId === 'hours.weekly_normal')).toEqual([]);
    expect(findingsOf(week(49), 'hours.weekly_normal')).toHaveLength(1);
  });

  it('shift lengths from the shift times: 8 hours pass, 9 fail; a night shift crosses midnight', () => {
    const shifts = (end: string) =>
      checkArticles([{ title: 'Ca làm việc', body: ['Ca 1: từ {{shift_1_start}} đến {{shift_1_end}}.', 'Ca 3: từ {{shift_3_start}} đến {{shift_3_end}}.'] }], {
        variables: { shift_1_start: '06:00', shift_1_end: end, shift_3_start: '22:00', shift_3_end: '06:00' },
      });
    expect(shifts('14:00').filter((finding) => finding.ruleId.startsWith('hours.'))).toEqual([]);
    expect(findingsOf(shifts('15:00'), 'hours.daily_normal')[0]?.message.en).toContain('Shift 1 (06:00–15:00): 9 hours');
  });

  it('office hours less the lunch break, and a lunch break of at least 30 minutes', () => {
    const office = (end: string, lunchEnd: string) =>
      checkArticles(
        [
          {
            title: 'Giờ hành chính',
            body: ['Từ {{office_start_time}} đến {{lunch_break_start}}, nghỉ trưa đến {{lunch_break_end}}, làm đến {{office_end_time}}.'],
          },
        ],
        {
          variables: { office_start_time: '08:00', office_end_time: end, lunch_break_start: '12:00', lunch_break_end: lunchEnd },
        },
      );
    expect(problems(office('17:00', '13:00'))).toEqual([]);
    expect(findingsOf(office('18:00', '13:00'), 'hours.daily_normal')).toHaveLength(1);
    expect(findingsOf(office('16:30', '12:30'), 'break.mid_shift')).toEqual([]);
    expect(findingsOf(office('16:20', '12:20'), 'break.mid_shift')[0]?.actual).toEqual({ vi: '20 phút', en: '20 minutes' });
  });

  it('daily overtime is at most half the normal day: 4 of 8 hours, 3 of 6 hours', () => {
    const overtime = (value: number, normal: number) =>
      checkArticles([{ title: 'Làm thêm giờ', body: ['Làm việc {{hours_per_day}} mỗi ngày; làm thêm không quá {{ot_max_hours_per_day}}.'] }], {
        variables: { ot_max_hours_per_day: value, hours_per_day: normal },
      });
    expect(findingsOf(overtime(4, 8), 'ot.daily_cap')).toEqual([]);
    expect(findingsOf(overtime(4.5, 8), 'ot.daily_cap')).toHaveLength(1);
    expect(findingsOf(overtime(3, 6), 'ot.daily_cap')).toEqual([]);
    expect(findingsOf(overtime(4, 6), 'ot.daily_cap')[0]?.expected.en).toBe('at most 3 hours');
  });

  it('yearly overtime: 200 hours; up to 300 only in the listed sectors, with the notice', () => {
    const year = (value: number, sector?: string) =>
      checkArticles([{ title: 'Làm thêm giờ', body: ['Không quá {{ot_max_hours_per_year}} trong 01 năm.'] }], {
        variables: { ot_max_hours_per_year: value, ...(sector ? { sector } : {}) },
      });
    expect(problems(year(200, 'other'))).toEqual([]);
    expect(findingsOf(year(201, 'other'), 'ot.annual_cap')).toHaveLength(1);
    expect(findingsOf(year(250), 'ot.annual_cap', 'warning')).toHaveLength(1);
    expect(findingsOf(year(300, 'textile_garment_export'), 'ot.annual_cap')).toEqual([]);
    expect(findingsOf(year(300, 'textile_garment_export'), 'ot.300h_notice', 'warning')).toHaveLength(1);
    expect(findingsOf(year(301, 'textile_garment_export'), 'ot.annual_cap')).toHaveLength(1);
    const notified = checkArticles(
      [{ title: 'Làm thêm giờ', body: ['Không quá {{ot_max_hours_per_year}} trong 01 năm; Người sử dụng lao động thông báo bằng văn bản cho Sở Nội vụ.'] }],
      { variables: { ot_max_hours_per_year: 300, sector: 'power' } },
    );
    expect(findingsOf(notified, 'ot.300h_notice', 'information')).toHaveLength(1);
  });
});

describe('termination, agreements and regulations', () => {
  it('final settlement: 14 working days pass, 15-30 warn (listed cases only), 31 fail', () => {
    expect(findingsOf(checkValue('settlement_working_days', 14), 'term.settlement', 'warning')).toEqual([]);
    expect(findingsOf(checkValue('settlement_working_days', 15), 'term.settlement', 'warning')).toHaveLength(1);
    expect(findingsOf(checkValue('settlement_working_days', 30), 'term.settlement', 'warning')).toHaveLength(1);
    expect(findingsOf(checkValue('settlement_working_days', 31), 'term.settlement')).toHaveLength(1);
  });

  it('the term of an agreement is 1 to 3 years (LC Art. 78(3)), read as a fact', () => {
    const term = (years: VariableValue) => checkArticles([{ title: 'Hiệu lực', body: ['Thời hạn {{term_years}}.'] }], { variables: { term_years: years } });
    expect(findingsOf(term('3'), 'cla.term')).toEqual([]);
    expect(findingsOf(term('1'), 'cla.term')).toEqual([]);
    expect(findingsOf(term('4'), 'cla.term')[0]?.expected.en).toBe('1 to 3 years');
    expect(findingsOf(term(0.5), 'cla.term')).toHaveLength(1);
  });

  it('an enterprise vote needs more than 50% of ALL workers: 51 of 100 pass, 50 of 100 fail (LC Art. 76(1))', () => {
    const vote = (favour: number, total: number, headcount?: number) =>
      checkArticles([{ title: 'Các bên', body: ['Có {{vote_total_workers}} lao động, {{vote_in_favour}} tán thành.'] }], {
        variables: { vote_total_workers: total, vote_in_favour: favour, ...(headcount ? { headcount } : {}) },
      });
    expect(findingsOf(vote(51, 100), 'cla.vote')).toEqual([]);
    const [refused] = findingsOf(vote(50, 100), 'cla.vote');
    expect(refused?.message.en).toContain('50 in favour out of 100 workers of the enterprise (50%)');
    expect(refused?.message.vi).toContain('50 người tán thành trên tổng số 100 người lao động của doanh nghiệp (50%)');
    expect(refused?.expected.en).toBe('more than 50%: at least 51 people');
    // 51 of the 100 who voted, but the enterprise has 120 workers: not a majority of all workers.
    expect(findingsOf(vote(51, 100, 120), 'cla.vote', 'warning')).toHaveLength(1);
    expect(findingsOf(vote(61, 100, 120), 'cla.vote', 'warning')).toEqual([]);
    expect(findingsOf(vote(101, 100), 'cla.vote', 'warning')).toHaveLength(1);
  });

  it('a sector vote counts those consulted: 21 of 40 pass, 20 of 40 fail (LC Art. 76(2))', () => {
    const vote = (favour: number) =>
      checkArticles([{ title: 'Lấy ý kiến', body: ['{{sector_vote_in_favour}} trên {{sector_vote_consulted}}.'] }], {
        kind: 'sector_agreement',
        variables: { sector_vote_consulted: 40, sector_vote_in_favour: favour },
      });
    expect(findingsOf(vote(21), 'cla.vote')).toEqual([]);
    expect(findingsOf(vote(20), 'cla.vote')[0]?.citation).toEqual({ law: 'LC2019', article: 76, clause: 2 });
  });

  it('a signed enterprise agreement without a recorded vote gets a note; a draft, whose vote is not due yet, none', () => {
    expect(findingsOf(checkArticles([{ title: 'Các bên', body: ['Thỏa ước giữa hai bên.'] }], { signed: true }), 'cla.vote', 'information')).toHaveLength(1);
    expect(checkArticles([{ title: 'Các bên', body: ['Thỏa ước giữa hai bên.'] }]).filter((finding) => finding.ruleId === 'cla.vote')).toEqual([]);
    expect(
      findingsOf(checkArticles([{ title: 'Các bên', body: ['Nội quy.'] }], { kind: 'labour_regulations', signed: true }), 'cla.vote', 'information'),
    ).toEqual([]);
  });
});
