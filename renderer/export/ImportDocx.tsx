import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DocumentMeta } from '#shared/api/documents';
import type { ImportPreview } from '#shared/api/export';
import { documentKinds, type DocumentKind } from '#shared/documents/kinds';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { callCancellable } from './abortableCall';
import { DocxFileChooser, readDocxForImport } from './DocxFileChooser';
import { ImportReportView } from './ImportReportView';
import { useLongTask } from './useLongTask';
import './export.css';

/**
 * "Import a .docx" on the host's start page: the file is read and analysed on the server, the
 * report of what was recognised is shown, and only "Create document" creates it (then opens it).
 */
export function ImportDocx({
  client,
  hostToken,
  onCreated,
}: {
  client: ApiClient;
  hostToken: string | null;
  onCreated: (document: DocumentMeta) => Promise<void>;
}) {
  const { t } = useTranslation();
  const task = useLongTask();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('enterprise_agreement');
  const [createError, setCreateError] = useAttemptError({ title, kind });
  const [isCreating, setIsCreating] = useState(false);

  const choose = async (file: File): Promise<void> => {
    setPreview(null);
    setCreateError(null);
    const result = await task.run(async (signal, report) => {
      const fileBase64 = await readDocxForImport(t, file, signal, report);
      return callCancellable({ hostToken }, 'documents/importPreview', { fileBase64, fileName: file.name }, signal);
    });
    if (!result) return;
    setPreview(result);
    setTitle(result.suggestedTitle);
    setKind(result.suggestedKind);
  };

  const create = async (): Promise<void> => {
    if (!preview) return;
    setIsCreating(true);
    setCreateError(null);
    try {
      const document = await client.call('documents/create', { kind, title, content: preview.content, language: preview.language });
      setPreview(null);
      await onCreated(document);
    } catch (caught) {
      setCreateError(caught);
    } finally {
      setIsCreating(false);
    }
  };

  return (
    <div className="import-docx" data-testid="import-docx">
      <h3>{t('importDocx.title')}</h3>
      <p className="hint">{t('importDocx.explain')}</p>
      <DocxFileChooser label={t('importDocx.choose')} task={task} onChoose={choose} />
      {preview && (
        <div className="import-preview">
          <ImportReportView report={preview.report} />
          <div className="import-form">
            <label>
              {t('host.documentTitle')}
              <input value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} />
            </label>
            <label>
              {t('host.kind')}
              <select value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)}>
                {documentKinds.map((option) => (
                  <option key={option} value={option}>
                    {t(`kind.${option}`)}
                  </option>
                ))}
              </select>
            </label>
            <div className="row">
              <button type="button" className="primary" disabled={isCreating || title.trim() === ''} onClick={() => void create()}>
                {t('importDocx.create')}
              </button>
              <button type="button" disabled={isCreating} onClick={() => setPreview(null)}>
                {t('importDocx.discard')}
              </button>
            </div>
            <ErrorNotice error={createError} />
          </div>
        </div>
      )}
    </div>
  );
}
