import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats, type ExportFormat, type ReportKind } from '#shared/api/export';
import type { Language } from '#shared/format/locale';
import { ErrorNotice } from '../components/ErrorNotice';
import { callCancellable } from './abortableCall';
import { downloadBase64 } from './fileTransfer';
import { TaskProgressView } from './TaskProgressView';
import { useLongTask } from './useLongTask';
import './export.css';

export interface ReportExportProps {
  /** A participant's token, or the host's (the desktop bridge, or an admin token in a browser). */
  who: { token: string } | { hostToken: string | null };
  documentId: string;
  report: ReportKind;
  /** Minutes only: the start of the bargaining session. */
  since?: string;
}

/**
 * Word and PDF buttons for one of a document's reports (the minutes, the compliance report, the
 * authority's decision) in the official layout, with the progress and Cancel of a long export.
 */
export function ReportExport({ who, documentId, report, since }: ReportExportProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language | ''>('');
  const [saved, setSaved] = useState<string | null>(null);
  const task = useLongTask();
  const isWorking = task.progress !== null;

  const start = async (format: ExportFormat): Promise<void> => {
    setSaved(null);
    const file = await task.run(async (signal, progress) => {
      progress(format === 'pdf' ? 'exportDialog.phase.printing' : 'exportDialog.phase.writing');
      const input = { documentId, report, format, ...(language ? { language } : {}), ...(since ? { since } : {}) };
      const exported = await callCancellable(who, 'documents/exportReport', input, signal);
      progress('exportDialog.phase.saving', 1);
      downloadBase64(exported.fileBase64, exported.fileName, exported.mimeType);
      return exported;
    });
    if (file) setSaved(file.fileName);
  };

  return (
    <div className="report-export no-print" data-testid={`export-${report}`}>
      <div className="row">
        <strong>{t(`reportExport.title.${report}`)}</strong>
        <label>
          {t('reportExport.language')}{' '}
          <select value={language} disabled={isWorking} onChange={(event) => setLanguage(event.target.value as Language | '')}>
            <option value="">{t('reportExport.languages.document')}</option>
            <option value="vi">{t('reportExport.languages.vi')}</option>
            <option value="en">{t('reportExport.languages.en')}</option>
          </select>
        </label>
        {exportFormats.map((format) => (
          <button key={format} type="button" disabled={isWorking} onClick={() => void start(format)}>
            {t(`exportDialog.formats.${format}`)}
          </button>
        ))}
      </div>
      {task.progress && <TaskProgressView progress={task.progress} onCancel={task.cancel} />}
      <ErrorNotice error={task.error} />
      {saved && (
        <p role="status" data-testid="export-done">
          {t('exportDialog.done', { fileName: saved })}
        </p>
      )}
    </div>
  );
}
