import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { VersionMeta } from '#shared/api/versions';
import type { ArticleElement } from '#shared/document/nodes';
import { plainText } from '#shared/document/nodes';
import { isReadOnlySide, type Side } from '#shared/sides';
import { useActionRunner } from '../components/useActionRunner';
import { ErrorNotice } from '../components/ErrorNotice';
import { HistoryDialog, type HistoryView } from './HistoryDialog';
import { useHistory } from './useHistory';
import { VersionItem, type VersionActions } from './VersionItem';
import './history.css';

/**
 * The history of the document: a timeline of versions (automatic, named, signed, restores), to
 * name the text as it is, open any version read-only, compare two, see what changed since the
 * last visit or who wrote what, restore a version or one article, and check the signed versions.
 */
export function HistoryPanel({ client, documentId, side }: { client: ApiClient; documentId: string; side: Side }) {
  const { t } = useTranslation();
  const [namedOnly, setNamedOnly] = useState(false);
  const history = useHistory(client, documentId, namedOnly);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [view, setView] = useState<HistoryView | null>(null);
  const { run, notice, error } = useActionRunner(history.refresh);
  const mayChange = !isReadOnlySide(side);

  const actions: VersionActions = {
    open: (version) => setView({ kind: 'version', versionId: version.id, number: version.number, createdAt: version.createdAt }),
    compareWithCurrent: (version) => setView({ kind: 'compare', from: version.id, to: 'current' }),
    toggleSelected: (version) =>
      setSelected((previous) => (previous.includes(version.id) ? previous.filter((id) => id !== version.id) : [...previous, version.id].slice(-2))),
    restore: mayChange
      ? (version) => {
          if (window.confirm(t('history.restoreConfirm', { number: version.number })))
            void run(() => client.call('versions/restore', { documentId, versionId: version.id }), t('history.restored'));
        }
      : undefined,
  };
  const restoreArticle = (versionId: string, number: number, article: ArticleElement) => {
    const title = article.children[0] ? plainText(article.children[0]) : '';
    if (!window.confirm(t('history.restoreArticleConfirm', { article: title, number }))) return;
    setView(null);
    void run(() => client.call('versions/restoreArticle', { documentId, versionId, clauseId: article.clauseId }), t('history.restored'));
  };
  const compareSelected = () => {
    const chosen = (history.versions ?? []).filter((version) => selected.includes(version.id)).sort((a, b) => a.number - b.number);
    const [older, newer] = chosen;
    if (older && newer) setView({ kind: 'compare', from: older.id, to: newer.id });
  };
  const statusOf = (version: VersionMeta) => history.verify?.versions.find((checked) => checked.versionId === version.id)?.status;
  const failed = history.verify?.versions.filter((checked) => checked.status !== 'ok').length ?? 0;

  return (
    <div className="history-panel" data-testid="history-panel">
      {mayChange && (
        <form
          className="history-name-form"
          onSubmit={(event) => {
            event.preventDefault();
            const value = name.trim();
            if (value !== '') void run(() => client.call('versions/create', { documentId, name: value }).then(() => setName('')));
          }}
        >
          <label>
            {t('history.nameLabel')}
            <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('history.namePlaceholder')} maxLength={200} />
          </label>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {t('history.saveNamed')}
          </button>
        </form>
      )}
      <div className="row history-tools">
        <button type="button" onClick={() => setView({ kind: 'sinceLastVisit' })}>
          {t('history.sinceLastVisit')}
        </button>
        <button type="button" onClick={() => setView({ kind: 'attribution' })}>
          {t('history.attribution')}
        </button>
        <button type="button" onClick={() => void history.runVerify()}>
          {t('history.verify')}
        </button>
      </div>
      {history.verify && (
        <p
          className={failed > 0 ? 'history-verify failed' : 'history-verify'}
          role={failed > 0 ? 'alert' : 'status'}
          data-testid="verify-status"
          data-ok={String(history.verify.ok)}
        >
          {history.verify.versions.length === 0
            ? t('history.verifyNone')
            : failed > 0
              ? t('history.verifyFailed', { count: failed })
              : t('history.verifyOk', { count: history.verify.versions.length })}
        </p>
      )}
      {notice && (
        <p className="notice-inline" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={error ?? history.error} />
      <div className="row history-filters">
        <label>
          <input type="checkbox" checked={namedOnly} onChange={(event) => setNamedOnly(event.target.checked)} /> {t('history.namedOnly')}
        </label>
        <button type="button" onClick={compareSelected} disabled={selected.length !== 2}>
          {t('history.compareSelected')}
        </button>
      </div>
      {history.versions === null ? (
        <p>{t('common.loading')}</p>
      ) : history.versions.length === 0 ? (
        <p className="empty-state">{t('history.empty')}</p>
      ) : (
        <ol className="history-timeline" aria-label={t('history.label')}>
          {history.versions.map((version) => (
            <VersionItem key={version.id} version={version} isSelected={selected.includes(version.id)} verifyStatus={statusOf(version)} actions={actions} />
          ))}
        </ol>
      )}
      {view && (
        <HistoryDialog
          client={client}
          documentId={documentId}
          view={view}
          onClose={() => setView(null)}
          onRestoreArticle={mayChange ? restoreArticle : undefined}
        />
      )}
    </div>
  );
}
