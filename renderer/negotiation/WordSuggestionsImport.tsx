import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import { maxImportBytes } from '#shared/api/export';
import type { WordSuggestionsReport } from '#shared/api/suggestions';
import { ErrorNotice } from '../components/ErrorNotice';
import { InterfaceError } from '../components/errorText';
import { readFileBase64 } from '../export/fileTransfer';
import { TaskProgressView } from '../export/TaskProgressView';
import { useLongTask } from '../export/useLongTask';

/**
 * "Import suggestions from Word" (decision 0030): a party's .docx with tracked changes is read on
 * the server, its changes become the caller's suggestions, and the report says how many were made
 * and which paragraphs were left unchanged, and why.
 */
/** Where a skipped paragraph is and whose changes it held, in brackets; a header's has no number. */
function skippedWhere(skipped: WordSuggestionsReport['skipped'][number], t: TFunction): string {
  const parts = [
    ...(skipped.paragraph > 0 ? [t('word.atParagraph', { paragraph: skipped.paragraph })] : []),
    ...(skipped.authors.length > 0 ? [t('word.byAuthors', { authors: skipped.authors.join(', ') })] : []),
  ];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function WordSuggestionsImport({ client, documentId }: { client: ApiClient; documentId: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const task = useLongTask();
  const [report, setReport] = useState<WordSuggestionsReport | null>(null);

  const choose = async (file: File): Promise<void> => {
    setReport(null);
    const result = await task.run(async (signal, progress) => {
      if (file.size > maxImportBytes) throw new InterfaceError(t('importDocx.tooLarge', { megabytes: maxImportBytes / 1024 / 1024 }));
      progress('importDocx.phase.reading', 0);
      const fileBase64 = await readFileBase64(file, (fraction) => progress('importDocx.phase.reading', fraction), signal);
      progress('importDocx.phase.analysing');
      return client.call('suggestions/importWord', { documentId, fileBase64, fileName: file.name });
    });
    if (input.current) input.current.value = '';
    if (result) setReport(result);
  };

  return (
    <section className="word-suggestions-import" data-testid="word-suggestions-import">
      <h3>{t('word.importTitle')}</h3>
      <p className="hint">{t('word.importExplain')}</p>
      <label className="button">
        {t('word.importChoose')}{' '}
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={task.progress !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void choose(file);
          }}
        />
      </label>
      {task.progress && <TaskProgressView progress={task.progress} onCancel={task.cancel} />}
      <ErrorNotice error={task.error} />
      {report && (
        <div role="status" data-testid="word-import-report">
          <p>{t('word.made', { count: report.made, paragraphs: report.paragraphs })}</p>
          {report.skipped.length > 0 && (
            <>
              <p>{t('word.skippedTitle', { count: report.skipped.length })}</p>
              <ul className="import-issues">
                {report.skipped.map((skipped, index) => (
                  <li key={index} data-reason={skipped.reason}>
                    {t(`word.reasons.${skipped.reason}`)}
                    {skippedWhere(skipped, t)}
                    {skipped.excerpt && <span className="excerpt"> “{skipped.excerpt}”</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
