/**
 * Where the salary scales live in a document's Y.Doc: the `salaryScale` root map, one plain value
 * per scale, grade and step (model.ts), written by clients through sync and checked by the server.
 * A grade whose scale is gone, or a step whose grade is gone (deleted by one side while the other
 * edited it offline), is not read: it belongs to nothing any more.
 */
import type * as Y from 'yjs';
import {
  entryKey,
  entryProblem,
  parseEntryKey,
  type GradeEntry,
  type SalaryGrade,
  type SalaryScale,
  type SalaryStep,
  type ScaleEntry,
  type StepEntry,
} from '#shared/salaryScale/model';

export const salaryScaleRootName = 'salaryScale';

export function salaryScaleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(salaryScaleRootName);
}

/** The scales of a document's map entries (as `map.toJSON()` gives them), in order. */
export function salaryScalesFromEntries(entries: Readonly<Record<string, unknown>>): SalaryScale[] {
  const scales: (ScaleEntry & { id: string })[] = [];
  const grades: (GradeEntry & { id: string })[] = [];
  const steps: (StepEntry & { id: string })[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const parsed = parseEntryKey(key);
    if (!parsed || entryProblem(key, value) !== null) continue;
    if (parsed.kind === 'scale') scales.push({ ...(value as ScaleEntry), id: parsed.id });
    else if (parsed.kind === 'grade') grades.push({ ...(value as GradeEntry), id: parsed.id });
    else steps.push({ ...(value as StepEntry), id: parsed.id });
  }
  const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) => a.order - b.order || a.id.localeCompare(b.id);
  const stepsOf = new Map<string, SalaryStep[]>();
  for (const step of steps.sort((a, b) => a.step - b.step || a.id.localeCompare(b.id))) {
    const list = stepsOf.get(step.grade) ?? [];
    list.push({ id: step.id, step: step.step, monthlyWage: step.monthlyWage, headcount: step.headcount, allowances: step.allowances });
    stepsOf.set(step.grade, list);
  }
  const gradesOf = new Map<string, SalaryGrade[]>();
  for (const grade of grades.sort(byOrder)) {
    const list = gradesOf.get(grade.scale) ?? [];
    list.push({ id: grade.id, title: grade.title, ...(grade.code === undefined ? {} : { code: grade.code }), steps: stepsOf.get(grade.id) ?? [] });
    gradesOf.set(grade.scale, list);
  }
  return scales.sort(byOrder).map((scale) => ({ id: scale.id, title: scale.title, grades: gradesOf.get(scale.id) ?? [] }));
}

/** The salary scales a document holds now. */
export function readSalaryScales(doc: Y.Doc): SalaryScale[] {
  return salaryScalesFromEntries(salaryScaleMap(doc).toJSON() as Record<string, unknown>);
}

/** A scale to write whole (an import), without ids: they are made as it is written. */
export interface NewSalaryScale {
  title: string;
  grades: { title: string; code?: string; steps: Omit<SalaryStep, 'id'>[] }[];
}

/**
 * Writes a new scale after the document's others, in one transaction (one undo step, one update
 * the server checks whole). `newId` makes the ids of the scale, its grades and steps.
 */
export function addSalaryScale(doc: Y.Doc, scale: NewSalaryScale, newId: () => string, origin?: unknown): string {
  const map = salaryScaleMap(doc);
  const last = readSalaryScales(doc).length;
  const scaleId = newId();
  doc.transact(() => {
    map.set(entryKey('scale', scaleId), { title: scale.title, order: last + 1 } satisfies ScaleEntry);
    scale.grades.forEach((grade, index) => {
      const gradeId = newId();
      map.set(entryKey('grade', gradeId), {
        scale: scaleId,
        title: grade.title,
        ...(grade.code ? { code: grade.code } : {}),
        order: index + 1,
      } satisfies GradeEntry);
      for (const step of grade.steps) map.set(entryKey('step', newId()), { grade: gradeId, ...step } satisfies StepEntry);
    });
  }, origin);
  return scaleId;
}

/** Removes a scale with its grades and steps, in one transaction. */
export function removeSalaryScale(doc: Y.Doc, scale: SalaryScale, origin?: unknown): void {
  const map = salaryScaleMap(doc);
  doc.transact(() => {
    for (const grade of scale.grades) removeGradeEntries(map, grade);
    map.delete(entryKey('scale', scale.id));
  }, origin);
}

/** Removes a grade with its steps, in one transaction. */
export function removeSalaryGrade(doc: Y.Doc, grade: SalaryGrade, origin?: unknown): void {
  doc.transact(() => removeGradeEntries(salaryScaleMap(doc), grade), origin);
}

function removeGradeEntries(map: Y.Map<unknown>, grade: SalaryGrade): void {
  for (const step of grade.steps) map.delete(entryKey('step', step.id));
  map.delete(entryKey('grade', grade.id));
}
