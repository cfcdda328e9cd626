import { describe, expect, it } from 'vitest';
import { checkDocument } from '#shared/compliance/checkDocument';
import { ruleTable, rulesNotImplemented, rulesPartlyImplemented } from '#shared/compliance/ruleTable';
import { documentKinds } from '#shared/documents/kinds';
import { templateLibrary } from '#shared/templates/library';
import { checkSentence, libraryDocument } from './builders';

const library = templateLibrary();

/** The rules the law sets for a document's content (docs/compliance.md, The rule table), by id. */
const lawRuleIds = [
  'hours.daily_normal',
  'hours.weekly_normal',
  'hours.weekly_regime_daily_cap',
  'night.window',
  'ot.consent',
  'ot.daily_cap',
  'ot.monthly_cap',
  'ot.annual_cap',
  'ot.300h_notice',
  'pay.ot_weekday',
  'pay.ot_weekly_rest',
  'pay.ot_holiday',
  'pay.night_premium',
  'pay.night_ot_extra',
  'break.mid_shift',
  'break.shift_change',
  'rest.weekly',
  'leave.public_holidays',
  'leave.annual',
  'leave.seniority',
  'leave.personal_paid',
  'leave.personal_unpaid',
  'probation.duration',
  'probation.wage',
  'contract.fixed_term',
  'wage.min_regional',
  'wage.min_regional_prev',
  'wage.equal_pay',
  'wage.scale_consult',
  'wage.payment',
  'wage.pay_period',
  'wage.late_payment',
  'wage.deduction_cap',
  'wage.stoppage',
  'transfer.temporary',
  'notice.employee',
  'notice.employer',
  'term.settlement',
  'severance',
  'job_loss',
  'maternity.leave',
  'maternity.protection',
  'retirement.age',
  'discipline.forms',
  'discipline.dismissal_grounds',
  'discipline.prohibited',
  'discipline.principles',
  'discipline.limitation',
  'discipline.expunge',
  'discipline.suspension',
  'liability.damage_cap',
  'regs.required_sections',
  'regs.procedure',
  'cla.term',
  'cla.vote',
  'cla.filing',
  'cla.renewal_window',
  'cla.bargaining_clock',
  'cla.costs',
  'dialogue.periodic',
  'dialogue.composition',
  'dialogue.procedure',
  'dialogue.written_answers',
  'union.fee',
];

describe('the rule table', () => {
  const implemented = new Set(ruleTable.map((rule) => rule.id));

  it('has each rule once, every one of the rules of the law listed, with a citation and both languages', () => {
    expect(ruleTable.length).toBe(implemented.size);
    for (const rule of ruleTable) {
      expect(lawRuleIds, rule.id).toContain(rule.id);
      expect(rule.what.vi && rule.what.en && rule.floor.vi && rule.floor.en, rule.id).toBeTruthy();
      expect(rule.citation.article, rule.id).toBeGreaterThan(0);
      expect(rule.variables || rule.text || rule.check || rule.id === 'ot.300h_notice', rule.id).toBeTruthy();
    }
  });

  it('accounts for every rule of the law listed: implemented, or listed as not implemented with the reason', () => {
    for (const id of lawRuleIds) expect(implemented.has(id) || id in rulesNotImplemented || id in rulesPartlyImplemented, id).toBe(true);
    for (const id of Object.keys(rulesNotImplemented)) expect(implemented.has(id), id).toBe(false);
  });

  it('implements every rule a library variable names (variables.json `rule`)', () => {
    const named = new Set(library.variables.flatMap((variable) => (variable.rule ? [variable.rule] : [])));
    for (const id of named) expect(implemented.has(id), id).toBe(true);
  });

  it('reads each listed variable by an id that exists and names the same rule', () => {
    for (const rule of ruleTable) {
      for (const limit of rule.variables ?? []) {
        const definition = library.variables.find((variable) => variable.id === limit.variableId);
        expect(definition?.rule, `${rule.id}: ${limit.variableId}`).toBe(rule.id);
      }
    }
  });

  it('every finding names a rule of the table, and findings are sorted violations first', () => {
    const findings = [
      ...checkSentence('Người lao động đi muộn bị phạt tiền 50.000 đồng; làm thêm giờ vào ngày thường được trả 140%.', { title: 'Làm thêm giờ' }),
      ...documentKinds.flatMap((kind) => {
        const { blocks, variables } = libraryDocument(kind, 'vi');
        return checkDocument({ kind, blocks: blocks.slice(0, 4), variables, dates: { reference: '2027-01-01' } });
      }),
    ];
    for (const finding of findings) expect(implemented.has(finding.ruleId), finding.ruleId).toBe(true);
    const mixed = checkSentence('Người lao động đi muộn bị phạt tiền 50.000 đồng. Thời giờ làm việc bình thường không quá 48 giờ trong 01 tuần.', {
      title: 'Thời giờ làm việc',
    });
    const order = mixed.map((finding) => finding.severity);
    expect(order).toEqual([...order].sort((a, b) => ['violation', 'warning', 'information'].indexOf(a) - ['violation', 'warning', 'information'].indexOf(b)));
    expect(order[0]).toBe('violation');
  });
});
