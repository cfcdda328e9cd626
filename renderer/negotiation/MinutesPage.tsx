import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '#shared/format/locale';
import type { z } from 'zod';
import type { minutesSchema } from '#shared/api/negotiation';
import { isIsoDate, type IsoDate } from '#shared/calendar/isoDate';
import { formatIsoDate, formatVietnamDate, formatVietnamDateTime, vietnamDate, vietnamMidnight } from '#shared/format/vietnamTime';
import { participantClient } from '../api/apiClients';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReportExport } from '../export/ReportExport';
import { useLanguage } from '../i18n/i18n';
import { useSession } from '../session/session';
import { MinutesLedger } from './MinutesLedger';

type Minutes = z.infer<typeof minutesSchema>;

/**
 * The bargaining minutes (biên bản thương lượng, Labour Code Art. 70), generated from the current
 * state: the date, who took part for each side, the articles agreed, the articles still disputed
 * with each side's last position, the articles left out of the agreement as not agreed (Art. 71),
 * the proposals accepted in this session, and the union's reason if it put the draft to the vote
 * with articles not agreed. Printable, and
 * exported as Word or PDF in the official layout.
 */
export function MinutesPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const membership = useSession().memberships.find((m) => m.documentId === documentId);
  const client = useMemo(() => (membership ? participantClient(membership.token) : null), [membership]);
  // The day the session began; until the person picks one, the server's today in Vietnam.
  const [since, setSince] = useState<IsoDate | null>(null);
  const [minutes, setMinutes] = useState<Minutes | null>(null);
  const [error, setError] = useState<unknown>(null);

  // A session starts at midnight in Vietnam, wherever the person and their browser's clock are.
  const sessionStart = since === null ? undefined : vietnamMidnight(since);

  useEffect(() => {
    if (!client) return;
    client.call('negotiation/minutes', { documentId, ...(sessionStart ? { since: sessionStart } : {}) }).then(setMinutes, setError);
  }, [client, documentId, sessionStart]);

  const list = (items: string[]) =>
    items.length === 0 ? (
      <p className="empty-state">{t('minutes.none')}</p>
    ) : (
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    );

  return (
    <>
      <AppHeader>
        <a href={`#/d/${documentId}`}>{t('minutes.back')}</a>
        <label className="no-print">
          {t('minutes.sessionSince')}{' '}
          <input
            type="date"
            value={since ?? (minutes ? vietnamDate(minutes.sessionSince) : '')}
            onChange={(event) => {
              // Clearing the field keeps the day shown: a session always has one.
              if (isIsoDate(event.target.value)) setSince(event.target.value);
            }}
          />
        </label>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('minutes.print')}
        </button>
      </AppHeader>
      <main className="page minutes" data-testid="minutes">
        <ErrorNotice error={error} />
        {membership && minutes && <ReportExport who={{ token: membership.token }} documentId={documentId} report="minutes" since={minutes.sessionSince} />}
        {minutes && (
          <article className="official">
            <h1>{t('minutes.title')}</h1>
            <p className="centered">
              <em>{minutes.documentTitle}</em>
            </p>
            <p>{t('minutes.date', { date: formatVietnamDateTime(minutes.date, language) })}</p>
            <h2>{t('minutes.participants')}</h2>
            <p>
              <strong>{t('side.employer')}:</strong> {minutes.participants.employer.join(', ') || '—'}
            </p>
            <p>
              <strong>{t('side.union')}:</strong> {minutes.participants.union.join(', ') || '—'}
            </p>
            <h2>{t('minutes.agreed')}</h2>
            <div data-testid="minutes-agreed">{list(minutes.agreed.map((a) => t('negotiation.articleRef', { number: a.number, title: a.title })))}</div>
            <h2>{t('minutes.disputed')}</h2>
            <div data-testid="minutes-disputed">
              {minutes.disputed.length === 0 ? (
                <p className="empty-state">{t('minutes.none')}</p>
              ) : (
                <ul>
                  {minutes.disputed.map((a) => (
                    <li key={a.clauseId}>
                      {t('negotiation.articleRef', { number: a.number, title: a.title })}
                      <br />
                      {t('side.employer')}: {a.positions.employer ?? t('minutes.noPosition')}
                      <br />
                      {t('side.union')}: {a.positions.union ?? t('minutes.noPosition')}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <h2>{t('minutes.notAgreed')}</h2>
            <div data-testid="minutes-not-agreed">
              {minutes.notAgreed.length === 0 ? (
                <p className="empty-state">{t('minutes.none')}</p>
              ) : (
                <ul>
                  {minutes.notAgreed.map((a) => (
                    <li key={a.clauseId}>
                      {t('negotiation.articleRef', { number: a.number, title: a.title })}
                      <br />
                      {t('side.employer')}: {a.positions.employer ?? t('minutes.noPosition')}
                      <br />
                      {t('side.union')}: {a.positions.union ?? t('minutes.noPosition')}
                      <br />
                      {t('minutes.leftOutBy', { name: a.leftOutBy ?? t('lifecycle.host'), date: formatIsoDate(a.leftOutOn) })}
                      {a.reason && (
                        <>
                          <br />
                          {t('minutes.leftOutReason', { reason: a.reason })}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <h2>{t('minutes.accepted', { date: formatVietnamDate(minutes.sessionSince) })}</h2>
            <div data-testid="minutes-accepted">
              {list(
                minutes.accepted.map(
                  (a) =>
                    `${t('negotiation.articleRef', { number: a.number, title: a.title })} — ${t(`negotiation.kind.${a.kind}`)}, ${t('minutes.proposedBy', { name: a.proposedByName, side: t(`side.${a.proposedBy}`) })}, ${t('minutes.acceptedBy', { name: a.acceptedByName })}`,
                ),
              )}
            </div>
            <h2>{t('minutes.ledger')}</h2>
            <div data-testid="minutes-ledger">
              <MinutesLedger ledger={minutes.ledger} />
            </div>
            {minutes.costings.length > 0 && (
              <>
                <h2>{t('costing.minutes.title')}</h2>
                <div data-testid="minutes-costings">
                  {list(
                    minutes.costings.map((costing) =>
                      t('costing.minutes.entry', {
                        name: costing.name,
                        by: costing.byName,
                        side: t(`side.${costing.side}`),
                        year: formatVnd(costing.cost.averageYear.cost, language),
                        total: formatVnd(costing.cost.total.cost, language),
                        months: costing.cost.termMonths,
                      }),
                    ),
                  )}
                </div>
              </>
            )}
            <p>{t('minutes.openCount', { count: minutes.openCount })}</p>
            {minutes.override && (
              <p data-testid="minutes-override">
                {t('minutes.override', {
                  articles: minutes.override.articles.map((a) => t('negotiation.articleRef', { number: a.number, title: a.title })).join('; '),
                  reason: minutes.override.reason,
                  name: minutes.override.byName ?? t('lifecycle.host'),
                })}
              </p>
            )}
            <div className="signatures">
              <div>
                <strong>{t('minutes.employerSigns')}</strong>
              </div>
              <div>
                <strong>{t('minutes.unionSigns')}</strong>
              </div>
              <div>
                <strong>{t('minutes.secretary')}</strong>
              </div>
            </div>
          </article>
        )}
      </main>
    </>
  );
}
