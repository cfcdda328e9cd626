/**
 * The salary scale's procedure, recorded in the document's lifecycle whatever its state: the
 * employer consults the worker representative organisation on the scale before issuing it, and
 * publishes it at the workplace before applying it (Labour Code 2019 Art. 93(2)-(3); the
 * consultation follows Decree 145/2020 Art. 41). A step records what happened and when; the
 * compliance check says when the scale was published without a consultation before it
 * (rules/salaryScale.ts), so a publication is recorded even then.
 */
import type { LifecycleStep } from '#shared/lifecycle/model';
import type { LifecycleRecord } from '#shared/lifecycle/record';
import { allowed, futureDate, type StepDecision, type StepEnvironment } from '#shared/lifecycle/refusals';

type SalaryScaleStep = Extract<LifecycleStep, { type: 'record_scale_consultation' | 'publish_salary_scale' }>;

export function decideSalaryScaleStep(record: LifecycleRecord, step: SalaryScaleStep, env: StepEnvironment): StepDecision {
  // The step moves no state: the document stays where its own procedure left it.
  if (step.type === 'record_scale_consultation') {
    return (
      futureDate(
        step.consultedOn,
        { vi: 'Ngày tham khảo ý kiến công đoàn về thang lương', en: 'The date the union was consulted on the salary scale' },
        env.today,
      ) ?? allowed(record.proceduralState, { type: 'record_scale_consultation', consultedOn: step.consultedOn })
    );
  }
  return (
    futureDate(step.publishedOn, { vi: 'Ngày công bố thang lương, bảng lương', en: 'The date the salary scale was published' }, env.today) ??
    allowed(record.proceduralState, { type: 'publish_salary_scale', publishedOn: step.publishedOn })
  );
}
