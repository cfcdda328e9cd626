import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCitation } from '#shared/compliance/citations';
import { countFindings } from '#shared/compliance/report';
import type { Finding } from '#shared/compliance/types';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { useLanguage } from '../i18n/i18n';
import { findingCounts } from './findingCounts';
import { ReportExport } from '../export/ReportExport';
import { useComplianceSnapshot, useLifecycleSnapshot } from '../lifecycle/documentChecks';
import { useSession } from '../session/session';

export interface CompliancePanelProps {
  /** Reveals an article in the editor. */
  jumpTo: (clauseId: string) => void;
  /** The article whose marker was clicked: its findings are scrolled into view. */
  focusClauseId: string | null;
}

function FindingItem({
  finding,
  article,
  jumpTo,
}: {
  finding: Finding;
  article: { number: number; title: string } | undefined;
  jumpTo: (clauseId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const where = article ? t('compliance.article', { number: article.number, title: article.title }) : t('compliance.wholeDocument');
  return (
    <li
      className={`compliance-finding severity-${finding.severity}`}
      data-testid="compliance-finding"
      data-rule={finding.ruleId}
      data-clause-id={finding.clauseId ?? ''}
    >
      <div className="finding-head">
        <span className={`severity severity-${finding.severity}`}>{t(`compliance.severity.${finding.severity}`)}</span>
        {finding.clauseId ? (
          <button type="button" className="link" onClick={() => finding.clauseId && jumpTo(finding.clauseId)} title={t('compliance.jump')}>
            {where}
          </button>
        ) : (
          <span>{where}</span>
        )}
      </div>
      <p className="finding-message">{finding.message[language]}</p>
      <p className="finding-detail">
        <span className="citation">{formatCitation(finding.citation, language)}</span> · {t('compliance.expected')}: {finding.expected[language]}
        {finding.actual && !finding.message[language].includes('“') ? ` · ${t('compliance.actual')}: ${finding.actual[language]}` : ''}
      </p>
      <p className="finding-rule">{t('review.rule', { rule: finding.rule[language] })}</p>
    </li>
  );
}

/**
 * The compliance report of the open document, live: every finding of the Labour Code check with its
 * article, citation and expected value, violations first; a click reveals the article.
 */
export function CompliancePanel({ jumpTo, focusClauseId }: CompliancePanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const snapshot = useComplianceSnapshot();
  // The exported report is the server's check of the stored text, the one the reviewer reads.
  const documentId = useLifecycleSnapshot().lifecycle?.documentId;
  const membership = useSession().memberships.find((candidate) => candidate.documentId === documentId);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focusClauseId) return;
    list.current?.querySelector(`[data-clause-id="${CSS.escape(focusClauseId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusClauseId, snapshot]);
  if (!snapshot) return <p>{t('compliance.running')}</p>;
  const counts = countFindings(snapshot.findings);
  const wage = snapshot.basis?.minimumWage
    ? `${snapshot.basis.minimumWage.decree[language]}${snapshot.basis.region ? ` (${snapshot.basis.region})` : ''}`
    : t('compliance.noWageTable');
  return (
    <div className="compliance-panel" data-testid="compliance-panel">
      <h3>{t('compliance.title')}</h3>
      <p className="compliance-counts" data-testid="compliance-counts">
        {findingCounts(t, counts)}
      </p>
      {snapshot.basis && <p className="compliance-basis">{t('compliance.basis', { date: formatIsoDate(snapshot.basis.legalDate), wage })}</p>}
      {documentId && membership && <ReportExport who={{ token: membership.token }} documentId={documentId} report="compliance" />}
      {snapshot.findings.length === 0 ? (
        <p className="empty-state">{t('compliance.none')}</p>
      ) : (
        <ol className="compliance-findings" ref={list}>
          {snapshot.findings.map((finding, index) => (
            <FindingItem
              key={`${finding.ruleId}-${finding.clauseId ?? ''}-${finding.variableId ?? ''}-${index}`}
              finding={finding}
              article={finding.clauseId ? snapshot.articles.get(finding.clauseId) : undefined}
              jumpTo={jumpTo}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
