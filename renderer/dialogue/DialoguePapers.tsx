import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats, type ExportFormat } from '#shared/api/export';
import { dialoguePapers, type DialoguePaper } from '#shared/export/dialoguePapersModel';
import type { Language } from '#shared/format/locale';
import { ErrorNotice } from '../components/ErrorNotice';
import { callCancellable } from '../export/abortableCall';
import { downloadBase64 } from '../export/fileTransfer';
import { TaskProgressView } from '../export/TaskProgressView';
import { useLongTask } from '../export/useLongTask';
import { useLanguage } from '../i18n/i18n';

/** Word and PDF of the invitation, the minutes and the notice of answers, with the progress and Cancel of a long export. */
export function DialoguePapers({ who, dialogueId, held }: { who: { token: string } | { hostToken: string | null }; dialogueId: string; held: boolean }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(useLanguage());
  const [saved, setSaved] = useState<string | null>(null);
  const task = useLongTask();
  const working = task.progress !== null;

  const start = async (paper: DialoguePaper, format: ExportFormat): Promise<void> => {
    setSaved(null);
    const file = await task.run(async (signal, progress) => {
      progress(format === 'pdf' ? 'exportDialog.phase.printing' : 'exportDialog.phase.writing');
      const exported = await callCancellable(who, 'dialogues/export', { dialogueId, paper, format, language }, signal);
      progress('exportDialog.phase.saving', 1);
      downloadBase64(exported.fileBase64, exported.fileName, exported.mimeType);
      return exported;
    });
    if (file) setSaved(file.fileName);
  };

  return (
    <section className="dialogue-papers" data-testid="dialogue-papers">
      <h2>{t('dialogue.papers.title')}</h2>
      <label>
        {t('reportExport.language')}{' '}
        <select value={language} disabled={working} onChange={(event) => setLanguage(event.target.value as Language)}>
          <option value="vi">{t('reportExport.languages.vi')}</option>
          <option value="en">{t('reportExport.languages.en')}</option>
        </select>
      </label>
      {dialoguePapers.map((paper) => (
        <div className="row" key={paper} data-testid={`paper-${paper}`}>
          <strong>{t(`dialogue.papers.${paper}`)}</strong>
          {exportFormats.map((format) => (
            <button key={format} type="button" disabled={working || (paper !== 'invitation' && !held)} onClick={() => void start(paper, format)}>
              {t(`exportDialog.formats.${format}`)}
            </button>
          ))}
        </div>
      ))}
      {!held && <p className="hint">{t('dialogue.papers.notYet')}</p>}
      {task.progress && <TaskProgressView progress={task.progress} onCancel={task.cancel} />}
      <ErrorNotice error={task.error} />
      {saved && (
        <p role="status" data-testid="export-done">
          {t('exportDialog.done', { fileName: saved })}
        </p>
      )}
    </section>
  );
}
