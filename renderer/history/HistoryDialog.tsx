import type { TFunction } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { Attribution, Comparison, VersionRef } from '#shared/api/versions';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/i18n';
import { AttributionView } from './AttributionView';
import { ComparisonView } from './ComparisonView';
import { VersionText } from './VersionText';

/** What the history shows in its large view. */
export type HistoryView =
  | { kind: 'version'; versionId: string; number: number; createdAt: string }
  | { kind: 'compare'; from: VersionRef; to: VersionRef }
  | { kind: 'sinceLastVisit' }
  | { kind: 'attribution' };

type Loaded =
  | { kind: 'version'; blocks: TopLevelBlock[] }
  | { kind: 'comparison'; comparison: Comparison }
  | { kind: 'sinceLastVisit'; since: string | null; comparison: Comparison | null }
  | { kind: 'attribution'; attribution: Attribution };

async function load(client: ApiClient, documentId: string, view: HistoryView): Promise<Loaded> {
  switch (view.kind) {
    case 'version':
      return { kind: 'version', blocks: (await client.call('versions/get', { documentId, versionId: view.versionId })).blocks };
    case 'compare':
      return { kind: 'comparison', comparison: await client.call('versions/compare', { documentId, from: view.from, to: view.to }) };
    case 'sinceLastVisit':
      return { kind: 'sinceLastVisit', ...(await client.call('versions/sinceLastVisit', { documentId })) };
    case 'attribution':
      return { kind: 'attribution', attribution: await client.call('versions/attribution', { documentId }) };
  }
}

function endLabel(t: TFunction, end: Comparison['from']): string {
  if (end.kind === 'version') return t('history.versionRef', { number: end.number });
  return end.kind === 'current' ? t('history.current') : t('history.lastVisit');
}

/** The large view of the history: a version read-only, a comparison, what changed since the last visit, who wrote what. */
export function HistoryDialog({
  client,
  documentId,
  view,
  onClose,
  onRestoreArticle,
}: {
  client: ApiClient;
  documentId: string;
  view: HistoryView;
  onClose: () => void;
  onRestoreArticle?: (versionId: string, number: number, article: ArticleElement) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let isCurrent = true;
    setLoaded(null);
    load(client, documentId, view).then(
      (result) => isCurrent && setLoaded(result),
      (caught: unknown) => isCurrent && setError(caught),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, documentId, view]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  let title: string;
  let body: ReactNode = <p>{t('common.loading')}</p>;
  if (view.kind === 'version') title = t('history.versionTitle', { number: view.number, date: formatVietnamDateTime(view.createdAt, language) });
  else if (view.kind === 'attribution') title = t('history.attributionTitle');
  else if (view.kind === 'sinceLastVisit')
    title =
      loaded?.kind === 'sinceLastVisit' && loaded.since
        ? t('history.sinceLastVisitTitle', { date: formatVietnamDateTime(loaded.since, language) })
        : t('history.sinceLastVisit');
  else
    title =
      loaded?.kind === 'comparison'
        ? t('history.compareTitle', { from: endLabel(t, loaded.comparison.from), to: endLabel(t, loaded.comparison.to) })
        : t('history.compare');
  if (loaded?.kind === 'version' && view.kind === 'version') {
    const restore = onRestoreArticle;
    body = (
      <>
        <p className="history-read-only">{t('history.readOnly')}</p>
        <VersionText blocks={loaded.blocks} onRestoreArticle={restore ? (article) => restore(view.versionId, view.number, article) : undefined} />
      </>
    );
  } else if (loaded?.kind === 'comparison') body = <ComparisonView comparison={loaded.comparison} />;
  else if (loaded?.kind === 'sinceLastVisit')
    body = loaded.comparison ? <ComparisonView comparison={loaded.comparison} /> : <p className="empty-state">{t('history.sinceLastVisitNone')}</p>;
  else if (loaded?.kind === 'attribution') body = <AttributionView attribution={loaded.attribution} />;

  // On the page itself: the side pane is sticky, a stacking context the editor would paint over.
  return createPortal(
    <div className="history-backdrop" role="presentation" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className="history-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid="history-dialog">
        <header className="row">
          <h2>{title}</h2>
          <button type="button" onClick={onClose}>
            {t('history.close')}
          </button>
        </header>
        <ErrorNotice error={error} />
        {body}
      </div>
    </div>,
    document.body,
  );
}
