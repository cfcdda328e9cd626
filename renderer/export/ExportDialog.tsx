import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageMode } from '#shared/export/agreementModel';
import type { Language } from '#shared/format/locale';
import { ErrorNotice } from '../components/ErrorNotice';
import { callCancellable } from './abortableCall';
import { downloadBase64 } from './fileTransfer';
import { TaskProgressView } from './TaskProgressView';
import { useLongTask } from './useLongTask';
import './export.css';

type Format = 'docx' | 'pdf';

/**
 * "Export…": the document in the official layout, as Word or PDF, in Vietnamese, English or both
 * side by side, clean or with the open proposals as a redline, with or without the annexes of values
 * and of the salary scale.
 */
export function ExportDialog({
  token,
  documentId,
  documentLanguage,
  mayTrackChanges,
  onClose,
}: {
  token: string;
  documentId: string;
  documentLanguage: Language;
  /** A bargaining side's or the host's export of an open text may carry the pending suggestions as Word tracked changes. */
  mayTrackChanges: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [format, setFormat] = useState<Format>('docx');
  const [languageMode, setLanguageMode] = useState<LanguageMode>(documentLanguage);
  const [redline, setRedline] = useState(false);
  const [annex, setAnnex] = useState(false);
  const [salaryScaleAnnex, setSalaryScaleAnnex] = useState(false);
  const [trackedChanges, setTrackedChanges] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const task = useLongTask();
  const isWorking = task.progress !== null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !isWorking) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isWorking, onClose]);

  const start = async (): Promise<void> => {
    setSaved(null);
    const file = await task.run(async (signal, report) => {
      report(format === 'pdf' ? 'exportDialog.phase.printing' : 'exportDialog.phase.writing');
      const options = { documentId, languageMode, redline, annex, salaryScaleAnnex };
      const exported =
        format === 'pdf'
          ? await callCancellable({ token }, 'documents/exportPdf', options, signal)
          : await callCancellable({ token }, 'documents/exportDocx', { ...options, trackedChanges: mayTrackChanges && trackedChanges }, signal);
      report('exportDialog.phase.saving', 1);
      downloadBase64(exported.fileBase64, exported.fileName, exported.mimeType);
      return exported;
    });
    if (file) setSaved(file.fileName);
  };

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="export-dialog">
        <h2 id={titleId}>{t('exportDialog.title')}</h2>
        <fieldset disabled={isWorking} className="stacked-form">
          <div className="row" role="radiogroup" aria-label={t('exportDialog.format')}>
            {(['docx', 'pdf'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name="export-format" value={option} checked={format === option} onChange={() => setFormat(option)} />{' '}
                {t(`exportDialog.formats.${option}`)}
              </label>
            ))}
          </div>
          <label>
            {t('exportDialog.language')}
            <select value={languageMode} onChange={(event) => setLanguageMode(event.target.value as LanguageMode)}>
              <option value="vi">{t('exportDialog.languages.vi')}</option>
              <option value="en">{t('exportDialog.languages.en')}</option>
              <option value="both">{t('exportDialog.languages.both')}</option>
            </select>
          </label>
          {languageMode !== documentLanguage && <p className="hint">{t('exportDialog.translationHint')}</p>}
          <label className="check">
            <input type="checkbox" checked={redline} onChange={(event) => setRedline(event.target.checked)} /> {t('exportDialog.redline')}
          </label>
          <label className="check">
            <input type="checkbox" checked={annex} onChange={(event) => setAnnex(event.target.checked)} /> {t('exportDialog.annex')}
          </label>
          <label className="check">
            <input type="checkbox" checked={salaryScaleAnnex} onChange={(event) => setSalaryScaleAnnex(event.target.checked)} />{' '}
            {t('exportDialog.salaryScaleAnnex')}
          </label>
          {format === 'docx' && mayTrackChanges && (
            <>
              <label className="check">
                <input
                  type="checkbox"
                  checked={trackedChanges}
                  onChange={(event) => setTrackedChanges(event.target.checked)}
                  data-testid="export-tracked-changes"
                />{' '}
                {t('word.exportTrackedChanges')}
              </label>
              {trackedChanges && <p className="hint">{t('word.exportTrackedChangesHint')}</p>}
            </>
          )}
        </fieldset>
        {task.progress && <TaskProgressView progress={task.progress} onCancel={task.cancel} />}
        <ErrorNotice error={task.error} />
        {saved && (
          <p role="status" data-testid="export-done">
            {t('exportDialog.done', { fileName: saved })}
          </p>
        )}
        <div className="row modal-actions">
          <button type="button" className="primary" disabled={isWorking} onClick={() => void start()}>
            {t('exportDialog.start')}
          </button>
          <button type="button" disabled={isWorking} onClick={onClose}>
            {t('exportDialog.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
