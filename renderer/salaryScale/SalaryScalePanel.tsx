import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import { formatNumber, type Language } from '#shared/format/locale';
import {
  entryKey,
  entryProblem,
  maxAllowancesPerStep,
  type Allowance,
  type GradeEntry,
  type SalaryGrade,
  type SalaryScale,
  type SalaryStep,
  type ScaleEntry,
  type ScaleProblem,
  type StepEntry,
} from '#shared/salaryScale/model';
import { readSalaryScales, removeSalaryGrade, removeSalaryScale, salaryScaleMap } from '#shared/salaryScale/yjsSalaryScale';
import { newNodeId } from '../editor/ids';
import { useLanguage } from '../i18n/i18n';
import { parseNumberInput } from '../variables/parseVariableInput';
import { ImportScale } from './ImportScale';
import { ScaleCell } from './ScaleCell';
import { ScaleProcedure } from './ScaleProcedure';
import './salaryScale.css';

/** What this person's edits of the scale are marked with: their undo steps, and only theirs. */
const localOrigin = Symbol('salary scale edit');

/** A number typed in the interface's language; NaN when it is none (the check then says why). */
function wholeNumberInput(text: string, language: Language): number {
  const parsed = parseNumberInput(text, language);
  return typeof parsed === 'number' ? parsed : Number.NaN;
}

/** The scales of a document, read again whenever anyone changes them. */
function useSalaryScales(doc: Y.Doc): SalaryScale[] {
  const [scales, setScales] = useState(() => readSalaryScales(doc));
  useEffect(() => {
    const map = salaryScaleMap(doc);
    const update = () => setScales(readSalaryScales(doc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return scales;
}

export interface SalaryScalePanelProps {
  doc: Y.Doc;
  readOnly: boolean;
  client: ApiClient;
  documentId: string;
  /** Whether this person is of the employer's side (who publishes the scale, LC Art. 93(3)). */
  isEmployer: boolean;
}

/**
 * "Thang lương, bảng lương": the document's salary scales, entered and edited by both sides and
 * co-edited live (shared/salaryScale). Each cell is checked as it is typed; undo takes back this
 * person's own edits of the scale (Yjs' UndoManager), not the other side's.
 */
export function SalaryScalePanel({ doc, readOnly, client, documentId, isEmployer }: SalaryScalePanelProps) {
  const { t } = useTranslation();
  const scales = useSalaryScales(doc);
  const [importing, setImporting] = useState(false);
  // Each kept cell is one step of undo (captureTimeout 0): edits made in quick succession (Tab from
  // the wage to the headcount) are not merged into one.
  const undo = useMemo(() => new Y.UndoManager(salaryScaleMap(doc), { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 }), [doc]);
  useEffect(() => () => undo.destroy(), [undo]);
  const write = (change: (map: Y.Map<unknown>) => void) => doc.transact(() => change(salaryScaleMap(doc)), localOrigin);

  const addScale = () =>
    write((map) => {
      const scaleId = newNodeId();
      map.set(entryKey('scale', scaleId), { title: t('salaryScale.newScaleTitle'), order: scales.length + 1 } satisfies ScaleEntry);
      map.set(entryKey('grade', newNodeId()), { scale: scaleId, title: t('salaryScale.newGradeTitle'), order: 1 } satisfies GradeEntry);
    });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (readOnly || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    event.preventDefault();
    if (event.shiftKey) undo.redo();
    else undo.undo();
  };

  return (
    <section className="salary-scale" data-testid="salary-scale" onKeyDown={onKeyDown}>
      <h3>{t('salaryScale.title')}</h3>
      {scales.length === 0 && (
        <div className="empty-state" data-testid="salary-scale-empty">
          <p>{t('salaryScale.empty.what')}</p>
          <p className="hint">{t('salaryScale.empty.law')}</p>
        </div>
      )}
      {readOnly && <p className="hint">{t('salaryScale.readOnly')}</p>}
      {!readOnly && (
        <div className="actions">
          <button type="button" onClick={addScale} data-testid="salary-scale-add">
            {t('salaryScale.addScale')}
          </button>
          <button type="button" onClick={() => setImporting(true)}>
            {t('salaryScale.import.open')}
          </button>
          <button type="button" onClick={() => undo.undo()} title={t('salaryScale.undoHint')}>
            {t('salaryScale.undo')}
          </button>
          <button type="button" onClick={() => undo.redo()}>
            {t('salaryScale.redo')}
          </button>
        </div>
      )}
      {importing && !readOnly && (
        <ImportScale client={client} documentId={documentId} doc={doc} origin={localOrigin} newId={newNodeId} onDone={() => setImporting(false)} />
      )}
      {scales.map((scale) => (
        <ScaleView key={scale.id} scale={scale} readOnly={readOnly} write={write} doc={doc} />
      ))}
      {scales.length > 0 && <ScaleProcedure client={client} documentId={documentId} readOnly={readOnly} isEmployer={isEmployer} />}
    </section>
  );
}

interface ScaleViewProps {
  scale: SalaryScale;
  readOnly: boolean;
  doc: Y.Doc;
  write: (change: (map: Y.Map<unknown>) => void) => void;
}

/** Checks a would-be entry as the server will: the first problem, or null. */
function problemOfEntry(key: string, entry: unknown): ScaleProblem | null {
  return entryProblem(key, entry)?.problem ?? null;
}

function ScaleView({ scale, readOnly, doc, write }: ScaleViewProps) {
  const { t } = useTranslation();
  const order = (salaryScaleMap(doc).get(entryKey('scale', scale.id)) as ScaleEntry | undefined)?.order ?? 1;
  const scaleEntry = (title: string): ScaleEntry => ({ title: title.normalize('NFC').trim(), order });
  const addGrade = () =>
    write((map) =>
      map.set(entryKey('grade', newNodeId()), { scale: scale.id, title: t('salaryScale.newGradeTitle'), order: scale.grades.length + 1 } satisfies GradeEntry),
    );
  return (
    <div className="scale" data-testid="scale">
      <div className="scale-head">
        <ScaleCell
          shown={scale.title}
          label={t('salaryScale.scaleTitle')}
          readOnly={readOnly}
          problemOf={(text) => problemOfEntry(entryKey('scale', scale.id), scaleEntry(text))}
          onCommit={(text) => write((map) => map.set(entryKey('scale', scale.id), scaleEntry(text)))}
        />
        {!readOnly && (
          <button type="button" className="link" onClick={() => removeSalaryScale(doc, scale, localOrigin)}>
            {t('salaryScale.removeScale')}
          </button>
        )}
      </div>
      <table className="scale-table">
        <thead>
          <tr>
            <th>{t('salaryScale.column.step')}</th>
            <th>{t('salaryScale.column.wage')}</th>
            <th>{t('salaryScale.column.headcount')}</th>
            <th>{t('salaryScale.column.allowances')}</th>
            {!readOnly && <th aria-label={t('salaryScale.column.actions')} />}
          </tr>
        </thead>
        {scale.grades.map((grade, index) => (
          <GradeRows key={grade.id} scaleId={scale.id} grade={grade} order={index + 1} readOnly={readOnly} doc={doc} write={write} />
        ))}
      </table>
      {!readOnly && (
        <button type="button" onClick={addGrade}>
          {t('salaryScale.addGrade')}
        </button>
      )}
    </div>
  );
}

interface GradeRowsProps {
  scaleId: string;
  grade: SalaryGrade;
  order: number;
  readOnly: boolean;
  doc: Y.Doc;
  write: (change: (map: Y.Map<unknown>) => void) => void;
}

function GradeRows({ scaleId, grade, order, readOnly, doc, write }: GradeRowsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const gradeKey = entryKey('grade', grade.id);
  const stored = salaryScaleMap(doc).get(gradeKey) as GradeEntry | undefined;
  const gradeEntry = (change: { title?: string; code?: string }): GradeEntry => {
    const title = (change.title ?? grade.title).normalize('NFC').trim();
    const code = (change.code ?? grade.code ?? '').normalize('NFC').trim();
    return { scale: scaleId, title, ...(code === '' ? {} : { code }), order: stored?.order ?? order };
  };
  const stepEntry = (step: SalaryStep, change: Partial<Omit<StepEntry, 'grade'>>): StepEntry => ({
    grade: grade.id,
    step: step.step,
    monthlyWage: step.monthlyWage,
    headcount: step.headcount,
    allowances: step.allowances,
    ...change,
  });
  const number = (text: string) => wholeNumberInput(text, language);
  const setStep = (step: SalaryStep, change: Partial<Omit<StepEntry, 'grade'>>) => write((map) => map.set(entryKey('step', step.id), stepEntry(step, change)));
  const addStep = () => {
    const last = grade.steps.at(-1);
    write((map) =>
      map.set(entryKey('step', newNodeId()), {
        grade: grade.id,
        step: (last?.step ?? 0) + 1,
        monthlyWage: last?.monthlyWage ?? 0,
        headcount: 0,
        allowances: [],
      } satisfies StepEntry),
    );
  };
  const gradeName = grade.code ? `${grade.title} (${grade.code})` : grade.title;
  return (
    <tbody data-testid="grade">
      <tr className="grade-row">
        <th colSpan={readOnly ? 4 : 5} scope="rowgroup">
          <div className="grade-head">
            <ScaleCell
              shown={grade.title}
              label={t('salaryScale.gradeTitle')}
              readOnly={readOnly}
              problemOf={(text) => problemOfEntry(gradeKey, gradeEntry({ title: text }))}
              onCommit={(text) => write((map) => map.set(gradeKey, gradeEntry({ title: text })))}
              testId="grade-title"
            />
            <ScaleCell
              shown={grade.code ?? ''}
              label={t('salaryScale.gradeCode')}
              placeholder={t('salaryScale.gradeCode')}
              readOnly={readOnly}
              problemOf={(text) => problemOfEntry(gradeKey, gradeEntry({ code: text }))}
              onCommit={(text) => write((map) => map.set(gradeKey, gradeEntry({ code: text })))}
            />
            {!readOnly && (
              <>
                <button type="button" onClick={addStep} data-testid="add-step">
                  {t('salaryScale.addStep')}
                </button>
                <button type="button" className="link" onClick={() => removeSalaryGrade(doc, grade, localOrigin)}>
                  {t('salaryScale.removeGrade')}
                </button>
              </>
            )}
          </div>
        </th>
      </tr>
      {grade.steps.map((step) => (
        <tr key={step.id} data-testid="step">
          <td>
            <ScaleCell
              shown={String(step.step)}
              label={t('salaryScale.cell.step', { grade: gradeName })}
              readOnly={readOnly}
              align="right"
              problemOf={(text) => problemOfEntry(entryKey('step', step.id), stepEntry(step, { step: number(text) }))}
              onCommit={(text) => setStep(step, { step: number(text) })}
            />
          </td>
          <td>
            <ScaleCell
              shown={formatNumber(step.monthlyWage, language)}
              label={t('salaryScale.cell.wage', { grade: gradeName, step: step.step })}
              readOnly={readOnly}
              align="right"
              testId="step-wage"
              problemOf={(text) => problemOfEntry(entryKey('step', step.id), stepEntry(step, { monthlyWage: number(text) }))}
              onCommit={(text) => setStep(step, { monthlyWage: number(text) })}
            />
          </td>
          <td>
            <ScaleCell
              shown={formatNumber(step.headcount, language)}
              label={t('salaryScale.cell.headcount', { grade: gradeName, step: step.step })}
              readOnly={readOnly}
              align="right"
              testId="step-headcount"
              problemOf={(text) => problemOfEntry(entryKey('step', step.id), stepEntry(step, { headcount: number(text) }))}
              onCommit={(text) => setStep(step, { headcount: number(text) })}
            />
          </td>
          <td>
            <Allowances
              allowances={step.allowances}
              readOnly={readOnly}
              stepKey={entryKey('step', step.id)}
              entryWith={(allowances) => stepEntry(step, { allowances })}
              onChange={(allowances) => setStep(step, { allowances })}
            />
          </td>
          {!readOnly && (
            <td>
              <button
                type="button"
                className="link"
                aria-label={t('salaryScale.removeStepOf', { grade: gradeName, step: step.step })}
                onClick={() => write((map) => map.delete(entryKey('step', step.id)))}
              >
                {t('salaryScale.removeStep')}
              </button>
            </td>
          )}
        </tr>
      ))}
    </tbody>
  );
}

interface AllowancesProps {
  allowances: readonly Allowance[];
  readOnly: boolean;
  stepKey: string;
  entryWith: (allowances: Allowance[]) => StepEntry;
  onChange: (allowances: Allowance[]) => void;
}

/** A step's allowances: name, monthly amount, and whether paid regularly (then in the social-insurance basis). */
function Allowances({ allowances, readOnly, stepKey, entryWith, onChange }: AllowancesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const replaced = (index: number, change: Partial<Allowance>) => allowances.map((allowance, at) => (at === index ? { ...allowance, ...change } : allowance));
  return (
    <div className="allowances">
      {allowances.map((allowance, index) => (
        <div className="allowance" key={index}>
          <ScaleCell
            shown={allowance.name}
            label={t('salaryScale.allowance.name')}
            readOnly={readOnly}
            problemOf={(text) => problemOfEntry(stepKey, entryWith(replaced(index, { name: text.normalize('NFC').trim() })))}
            onCommit={(text) => onChange(replaced(index, { name: text.normalize('NFC').trim() }))}
          />
          <ScaleCell
            shown={formatNumber(allowance.amount, language)}
            label={t('salaryScale.allowance.amount')}
            readOnly={readOnly}
            align="right"
            problemOf={(text) => problemOfEntry(stepKey, entryWith(replaced(index, { amount: wholeNumberInput(text, language) })))}
            onCommit={(text) => onChange(replaced(index, { amount: wholeNumberInput(text, language) }))}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={allowance.regular}
              disabled={readOnly}
              onChange={(event) => onChange(replaced(index, { regular: event.target.checked }))}
            />{' '}
            {t('salaryScale.allowance.regular')}
          </label>
          {!readOnly && (
            <button type="button" className="link" onClick={() => onChange(allowances.filter((_, at) => at !== index))}>
              {t('salaryScale.allowance.remove')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && allowances.length < maxAllowancesPerStep && (
        <button
          type="button"
          className="link"
          onClick={() => onChange([...allowances, { name: t('salaryScale.allowance.newName'), amount: 0, regular: true }])}
        >
          {t('salaryScale.allowance.add')}
        </button>
      )}
    </div>
  );
}
