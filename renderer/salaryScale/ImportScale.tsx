import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import { maxScaleFileBytes, type SalaryScalePreview } from '#shared/api/salaryScale';
import { addSalaryScale } from '#shared/salaryScale/yjsSalaryScale';
import { ErrorNotice } from '../components/ErrorNotice';
import { InterfaceError } from '../components/errorText';
import { readFileBase64 } from '../export/fileTransfer';

export interface ImportScaleProps {
  client: ApiClient;
  documentId: string;
  doc: Y.Doc;
  /** The origin of this person's edits of the scale (their undo steps). */
  origin: symbol;
  /** Makes the ids of the scale, its grades and steps. */
  newId: () => string;
  onDone: () => void;
}

/**
 * Import from a payroll export: the server reads the CSV or XLSX file and says what it found —
 * the columns it used, the rows it could not read and why — and nothing changes until "Add to the
 * document", which writes the scale as one edit (one undo step).
 */
export function ImportScale({ client, documentId, doc, origin, newId, onDone }: ImportScaleProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<SalaryScalePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File) => {
    setPreview(null);
    setError(null);
    setBusy(true);
    try {
      if (file.size > maxScaleFileBytes) throw new InterfaceError(t('salaryScale.import.tooLarge', { megabytes: maxScaleFileBytes / 1024 / 1024 }));
      const fileBase64 = await readFileBase64(file, () => {}, new AbortController().signal);
      setPreview(await client.call('salaryScale/importPreview', { documentId, fileBase64, fileName: file.name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const steps = preview?.scale.grades.reduce((sum, grade) => sum + grade.steps.length, 0) ?? 0;
  return (
    <div className="scale-import" data-testid="scale-import">
      <h4>{t('salaryScale.import.title')}</h4>
      <p className="hint">{t('salaryScale.import.explain')}</p>
      <label className="button">
        {t('salaryScale.import.choose')}{' '}
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void choose(file);
          }}
        />
      </label>
      {busy && <p role="status">{t('salaryScale.import.reading')}</p>}
      <ErrorNotice error={error} />
      {preview && (
        <div className="scale-preview" data-testid="scale-preview">
          <p>{t('salaryScale.import.found', { grades: preview.scale.grades.length, steps, rows: preview.rowsRead })}</p>
          <p className="hint">{t('salaryScale.import.headings', { row: preview.headingRow })}</p>
          <ul>
            {preview.columns.map((column) => (
              <li key={column.column}>
                {t('salaryScale.import.column', { column: column.column, heading: column.heading })} → {t(`salaryScale.import.field.${column.field}`)}
                {column.field === 'allowance' && ` (${t(column.regular ? 'salaryScale.import.regular' : 'salaryScale.import.irregular')})`}
              </li>
            ))}
          </ul>
          {preview.countedRows && <p className="hint">{t('salaryScale.import.countedRows')}</p>}
          {preview.skipped.length > 0 && (
            <>
              <p>{t('salaryScale.import.skipped', { count: preview.skipped.length })}</p>
              <ul data-testid="scale-skipped">
                {preview.skipped.map((skipped) => (
                  <li key={`${skipped.row}-${skipped.problem}`}>
                    {t('salaryScale.import.row', { row: skipped.row })}: {t(`salaryScale.import.problem.${skipped.problem}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="actions">
            <button
              type="button"
              disabled={steps === 0}
              onClick={() => {
                addSalaryScale(doc, preview.scale, newId, origin);
                onDone();
              }}
            >
              {t('salaryScale.import.confirm')}
            </button>
            <button type="button" onClick={onDone}>
              {t('salaryScale.import.cancel')}
            </button>
          </div>
        </div>
      )}
      {!preview && (
        <button type="button" className="link" onClick={onDone}>
          {t('salaryScale.import.cancel')}
        </button>
      )}
    </div>
  );
}
