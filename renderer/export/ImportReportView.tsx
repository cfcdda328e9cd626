import { useTranslation } from 'react-i18next';
import type { ImportReport } from '#shared/api/export';

/** What the import recognised, and what it could not, before anything is created. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts = ['chapters', 'articles', 'clauses', 'points', 'tables', 'preambleParagraphs'] as const;
  return (
    <div className="import-report" data-testid="import-report">
      <h4>{t('importDocx.reportTitle', { fileName: report.fileName })}</h4>
      <dl>
        {counts.map((count) => (
          <div key={count} style={{ display: 'contents' }}>
            <dt>{t(`importDocx.counts.${count}`)}</dt>
            <dd data-testid={`import-count-${count}`}>{report[count]}</dd>
          </div>
        ))}
      </dl>
      {report.issues.length === 0 ? (
        <p>{t('importDocx.noIssues')}</p>
      ) : (
        <>
          <p>{t('importDocx.issuesTitle', { count: report.issues.length })}</p>
          <ul className="import-issues">
            {report.issues.map((issue, index) => (
              <li key={index} data-code={issue.code}>
                {t(`importDocx.issues.${issue.code}`, { expected: issue.expected ?? '', found: issue.found ?? '' })}
                {issue.paragraph > 0 && <> {t('importDocx.atParagraph', { paragraph: issue.paragraph })}</>}
                {issue.excerpt && <span className="excerpt"> “{issue.excerpt}”</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
