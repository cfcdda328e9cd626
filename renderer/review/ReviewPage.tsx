import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { ComplianceReport } from '#shared/api/lifecycle';
import type { ReviewView } from '#shared/api/review';
import { formatCitation } from '#shared/compliance/citations';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { ReviewDecision } from '#shared/lifecycle/model';
import { useActionRunner } from '../components/useActionRunner';
import { hostClient, participantClient } from '../api/apiClients';
import { AppHeader } from '../components/AppHeader';
import { ReportExport } from '../export/ReportExport';
import { ErrorNotice } from '../components/ErrorNotice';
import { findingCounts } from '../compliance/findingCounts';
import { useLanguage } from '../i18n/i18n';
import { saveMembership, useSession } from '../session/session';
import { answerDeadlineText } from '../lifecycle/lifecycleFormat';
import { ChecklistView, DecisionView, FindingsView } from './ReviewSummary';
import '../lifecycle/lifecycle.css';

interface Loaded {
  review: ReviewView;
  report: ComplianceReport;
}

/** A finding being written: on which article, about which rule, what it says. */
interface Draft {
  clauseId: string;
  ruleId: string;
  body: string;
}

function ComplianceReportView({ report, onWriteFinding }: { report: ComplianceReport; onWriteFinding: ((draft: Draft) => void) | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const articles = new Map(report.articles.map((article) => [article.clauseId, article]));
  return (
    <section data-testid="review-report">
      <h2>{t('review.reportTitle')}</h2>
      <p className="muted">{t('review.reportNote')}</p>
      <p data-testid="report-counts">{findingCounts(t, report.counts)}</p>
      <p className="compliance-basis">
        {t('compliance.basis', {
          date: formatIsoDate(report.basis.legalDate),
          wage: report.basis.minimumWage ? report.basis.minimumWage[language] : t('compliance.noWageTable'),
        })}
      </p>
      {report.findings.length === 0 ? (
        <p className="empty-state">{t('compliance.none')}</p>
      ) : (
        <ol className="compliance-findings">
          {report.findings.map((finding, index) => {
            const article = finding.clauseId ? articles.get(finding.clauseId) : undefined;
            return (
              <li
                key={index}
                className={`compliance-finding severity-${finding.severity}`}
                data-testid="report-finding"
                data-rule={finding.ruleId}
                data-clause-id={finding.clauseId ?? ''}
              >
                <div className="finding-head">
                  <span className={`severity severity-${finding.severity}`}>{t(`compliance.severity.${finding.severity}`)}</span>
                  <strong>{article ? t('compliance.article', { number: article.number, title: article.title }) : t('compliance.wholeDocument')}</strong>
                </div>
                <p className="finding-message">{finding.message[language]}</p>
                <p className="finding-detail">
                  <span className="citation">{formatCitation(finding.citation, language)}</span> · {t('compliance.expected')}: {finding.expected[language]}
                </p>
                <p className="finding-rule">{t('review.rule', { rule: finding.rule[language] })}</p>
                {onWriteFinding && finding.clauseId && (
                  <button
                    type="button"
                    onClick={() => onWriteFinding({ clauseId: finding.clauseId ?? '', ruleId: finding.ruleId, body: finding.message[language] })}
                  >
                    {t('review.addFromFinding')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * A document under review: the compliance report run on the server, the procedural checklist, the
 * reviewer's findings on articles, and the decision. Only a reviewer writes here; nobody here
 * changes the text.
 */
export function ReviewPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const membership = session.memberships.find((candidate) => candidate.documentId === documentId);
  const client: ApiClient | null = useMemo(
    () => (membership ? participantClient(membership.token) : hostClient(session.hostToken)),
    [membership, session.hostToken],
  );
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<Draft>({ clauseId: '', ruleId: '', body: '' });
  const [decision, setDecision] = useState<ReviewDecision>('amendments_requested');
  const [reasons, setReasons] = useState('');
  // What the forms send: a refusal of a finding or a decision goes once it is changed.
  const { run, notice, error } = useActionRunner(() => reload(), { draft, decision, reasons });
  // Loading the page or joining it, which nothing typed here changes.
  const [pageError, setPageError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    if (!client) return;
    try {
      const [review, report] = await Promise.all([client.call('review/get', { documentId }), client.call('compliance/report', { documentId })]);
      setLoaded({ review, report });
      setPageError(null);
    } catch (caught) {
      setPageError(caught);
    }
  }, [client, documentId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const joinAsReviewer = async () => {
    const host = hostClient(session.hostToken);
    if (!host || !loaded) return;
    const invitation = await host.call('invitations/create', { documentId, side: 'reviewer' });
    const redeemed = await participantClient().call('invitations/redeem', { code: invitation.code, displayName: session.displayName ?? '' });
    saveMembership({
      documentId,
      documentTitle: loaded.report.title,
      token: redeemed.token,
      participantId: redeemed.participant.id,
      side: 'reviewer',
      displayName: redeemed.participant.displayName,
    });
  };

  const addFinding = (event: FormEvent) => {
    event.preventDefault();
    if (!client) return;
    void run(async () => {
      await client.call('review/addFinding', { documentId, clauseId: draft.clauseId, body: draft.body, ...(draft.ruleId ? { ruleId: draft.ruleId } : {}) });
      setDraft({ clauseId: '', ruleId: '', body: '' });
    });
  };

  const decide = (event: FormEvent) => {
    event.preventDefault();
    if (!client) return;
    const list = reasons
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    void run(() => client.call('review/decide', { documentId, decision, reasons: list }), t('review.decided'));
  };

  if (!client) {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <h1>{t('document.notJoinedTitle')}</h1>
          <p>{t('document.notJoined')}</p>
          <a href="#/review">{t('review.back')}</a>
        </main>
      </>
    );
  }
  const review = loaded?.review;
  const report = loaded?.report;
  const exportAs = membership ? { token: membership.token } : { hostToken: session.hostToken };
  const canReview = review?.canReview ?? false;
  const rules = new Map(report?.findings.map((finding) => [finding.ruleId, finding.rule[language]]));
  return (
    <>
      <AppHeader>
        <h1 className="document-title">{report?.title ?? ''}</h1>
      </AppHeader>
      <main className="page review-page" data-testid="review-page">
        <p className="row">
          <a href="#/review">{t('review.back')}</a>
          {membership && <a href={`#/d/${documentId}`}>{t('review.openDocument')}</a>}
          {!membership && session.hostToken !== null && loaded && (
            <button type="button" onClick={() => void joinAsReviewer().catch(setPageError)}>
              {t('review.joinAsReviewer')}
            </button>
          )}
        </p>
        <ErrorNotice error={error ?? pageError} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {!review || !report ? (
          <p>{t('common.loading')}</p>
        ) : (
          <>
            <p>
              <strong>{t(`kind.${review.lifecycle.kind}`)}</strong> · {t(`lifecycle.state.${review.lifecycle.state}`)} ·{' '}
              {t('lifecycle.round', { round: review.lifecycle.round })}
            </p>
            {review.answerDeadline && (
              <p className="notice" data-testid="answer-deadline">
                {answerDeadlineText(t, review.answerDeadline, language)}
              </p>
            )}
            <DecisionView review={review} />
            {review.decision && <ReportExport who={exportAs} documentId={documentId} report="decision" />}
            {!canReview && <p className="muted">{t('review.readOnlyNote')}</p>}
            <ComplianceReportView report={report} onWriteFinding={canReview ? (next) => setDraft(next) : null} />
            <ReportExport who={exportAs} documentId={documentId} report="compliance" />
            <section>
              <h2>{t('review.checklistTitle')}</h2>
              <ChecklistView review={review} />
            </section>
            <section>
              <h2>{t('review.findingsTitle')}</h2>
              <FindingsView
                review={review}
                articles={new Map(report.articles.map((article) => [article.clauseId, article]))}
                round={review.lifecycle.round}
                withdraw={canReview ? (findingId) => void run(() => client.call('review/withdrawFinding', { documentId, findingId })) : undefined}
              />
            </section>
            {canReview && (
              <section>
                <form className="review-form" data-testid="finding-form" onSubmit={addFinding}>
                  <h2>{t('review.addTitle')}</h2>
                  <label>
                    {t('review.articleField')}
                    <select value={draft.clauseId} onChange={(event) => setDraft({ ...draft, clauseId: event.target.value })} required>
                      <option value="" />
                      {report.articles.map((article) => (
                        <option key={article.clauseId} value={article.clauseId}>
                          {t('compliance.article', { number: article.number, title: article.title })}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('review.ruleField')}
                    <select value={draft.ruleId} onChange={(event) => setDraft({ ...draft, ruleId: event.target.value })}>
                      <option value="">{t('review.noRule')}</option>
                      {[...rules].map(([ruleId, name]) => (
                        <option key={ruleId} value={ruleId}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('review.bodyField')}
                    <textarea value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} rows={3} required />
                  </label>
                  <button type="submit">{t('review.add')}</button>
                </form>
              </section>
            )}
            {canReview && (
              <section>
                <form className="review-form" data-testid="decision-form" onSubmit={decide}>
                  <h2>{t('review.decideTitle')}</h2>
                  {(['accepted', 'amendments_requested'] as const).map((option) => (
                    <label className="check" key={option}>
                      <input type="radio" name="decision" value={option} checked={decision === option} onChange={() => setDecision(option)} />
                      {t(`review.decision.${option}`)}
                    </label>
                  ))}
                  <label>
                    {t('review.reasonsField')}
                    <textarea value={reasons} onChange={(event) => setReasons(event.target.value)} rows={4} />
                  </label>
                  <button type="submit" className="primary">
                    {t('review.decide')}
                  </button>
                </form>
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}
