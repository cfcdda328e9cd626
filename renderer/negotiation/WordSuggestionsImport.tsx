import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { WordSuggestionsReport } from '#shared/api/suggestions';
import { DocxFileChooser, readDocxForImport } from '../export/DocxFileChooser';
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
  const task = useLongTask();
  const [report, setReport] = useState<WordSuggestionsReport | null>(null);

  const choose = async (file: File): Promise<void> => {
    setReport(null);
    const result = await task.run(async (signal, progress) => {
      const fileBase64 = await readDocxForImport(t, file, signal, progress);
      return client.call('suggestions/importWord', { documentId, fileBase64, fileName: file.name });
    });
    if (result) setReport(result);
  };

  return (
    <section className="word-suggestions-import" data-testid="word-suggestions-import">
      <h3>{t('word.importTitle')}</h3>
      <p className="hint">{t('word.importExplain')}</p>
      <DocxFileChooser label={t('word.importChoose')} task={task} onChoose={choose} />
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
