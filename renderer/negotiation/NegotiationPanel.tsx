import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { Participant } from '#shared/api/participants';
import { articlesOf } from '#shared/document/articles';
import { computeNumbering, toRoman } from '#shared/document/numbering';
import { plainText, type ArticleElement, type TopLevelBlock } from '#shared/document/nodes';
import type { Proposal, ProposalStatus, Thread } from '#shared/negotiation/model';
import { ErrorNotice } from '../components/ErrorNotice';
import type { ChangeSignal } from '../editor/changeSignal';
import type { DocumentEditor } from '../editor/customTypes';
import { selectedArticle } from '../editor/structure';
import type { Membership } from '../session/session';
import { useNegotiation } from './negotiationStore';
import { ProposalCard, type ProposalActions } from './ProposalCard';
import { ProposalForm } from './ProposalForm';
import { reopenedLabel } from './reopenedLabel';
import { MentionPicker, ThreadView, type ThreadActions } from './ThreadView';

interface ArticleInfo {
  article: ArticleElement;
  number: number;
  title: string;
  chapter: string;
}

/** Articles by clauseId with their numbers and chapters. */
function readArticles(editor: DocumentEditor): Map<string, ArticleInfo> {
  const blocks = editor.children as TopLevelBlock[];
  const numbering = computeNumbering(blocks);
  const chapters = new Map<string, string>();
  for (const block of blocks) {
    if (block.type !== 'chapter') continue;
    for (const child of block.children) if (child.type === 'article') chapters.set(child.clauseId, toRoman(numbering.chapters.get(block.chapterId) ?? 0));
  }
  return new Map(articlesOf(blocks).map((article) => [article.clauseId, { article, number: numbering.articles.get(article.clauseId) ?? 0, title: article.children[0] ? plainText(article.children[0]) : '', chapter: chapters.get(article.clauseId) ?? '' }]));
}

/** The articles, followed (at most every 300 ms) while the text changes. */
function useArticles(editor: DocumentEditor, changes: ChangeSignal): Map<string, ArticleInfo> {
  const [articles, setArticles] = useState(() => readArticles(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setArticles(readArticles(editor));
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [editor, changes]);
  return articles;
}

/**
 * The negotiation at a glance and article by article: counts of agreed, disputed and open articles;
 * every proposal and thread, filtered by side, status and chapter; for one article, its status,
 * proposals (with redlines) and threads, and what this side may do about them.
 */
export interface NegotiationPanelProps {
  editor: DocumentEditor;
  changes: ChangeSignal;
  client: ApiClient;
  membership: Membership;
  /** Show this article (an article's badge was clicked); `request` changes on each click. */
  focusRequest: { id: string; request: number } | null;
  jumpTo: (clauseId: string) => void;
}

export function NegotiationPanel({ editor, changes, client, membership, focusRequest, jumpTo }: NegotiationPanelProps) {
  const { t } = useTranslation();
  const negotiation = useNegotiation();
  const articles = useArticles(editor, changes);
  const [focus, setFocus] = useState<string | null>(null);
  const [composing, setComposing] = useState<'proposal' | 'thread' | null>(null);
  const [sideFilter, setSideFilter] = useState<'' | 'employer' | 'union'>('');
  const [statusFilter, setStatusFilter] = useState<'' | ProposalStatus>('open');
  const [chapterFilter, setChapterFilter] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const { documentId, side } = membership;

  useEffect(() => {
    if (focusRequest) setFocus(focusRequest.id);
  }, [focusRequest]);
  useEffect(() => {
    void client.call('participants/list', { documentId }).then((list) => setParticipants(list.filter((p) => p.revokedAt === null)), () => setParticipants([]));
  }, [client, documentId]);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
      throw caught;
    }
  };
  const proposalActions: ProposalActions = {
    accept: (p) => run(() => client.call('proposals/accept', { documentId, proposalId: p.id })),
    reject: (p, reason) => run(() => client.call('proposals/reject', { documentId, proposalId: p.id, reason })),
    counter: (p, value) => run(() => client.call('proposals/counter', { documentId, proposalId: p.id, rationale: value.rationale, kind: value.kind, article: value.article })),
    withdraw: (p) => run(() => client.call('proposals/withdraw', { documentId, proposalId: p.id })),
  };
  const threadActions: ThreadActions = {
    reply: (thread, body, mentions) => run(() => client.call('threads/reply', { documentId, threadId: thread.id, body, mentions })),
    setResolved: (thread, resolved) => run(() => client.call(resolved ? 'threads/resolve' : 'threads/reopen', { documentId, threadId: thread.id })),
  };

  const counts = useMemo(() => {
    const result = { agreed: 0, disputed: 0, open: 0 };
    for (const clauseId of articles.keys()) result[negotiation?.articles.get(clauseId)?.status ?? 'open'] += 1;
    return result;
  }, [articles, negotiation]);

  if (!negotiation) return null;
  const isReviewer = side === 'reviewer';
  const mayComment = !isReviewer || negotiation.reviewerCommentsAllowed;
  const chapters = [...new Set([...articles.values()].map((a) => a.chapter).filter(Boolean))];
  const matches = (clauseId: string) => !chapterFilter || articles.get(clauseId)?.chapter === chapterFilter;
  const proposals = negotiation.proposals.filter((p) => (!sideFilter || p.side === sideFilter) && (!statusFilter || p.status === statusFilter) && matches(p.clauseId) && (!focus || p.clauseId === focus));
  const threads = negotiation.threads.filter((th) => (!sideFilter || th.comments[0]?.side === sideFilter) && matches(th.clauseId) && (!focus || th.clauseId === focus) && (statusFilter === '' || statusFilter !== 'open' || th.resolvedAt === null));
  const focused = focus ? articles.get(focus) : undefined;
  const focusedStatus = focus ? negotiation.articles.get(focus) : undefined;
  const articleLabel = (clauseId: string) => {
    const info = articles.get(clauseId);
    return info ? t('negotiation.articleRef', { number: info.number, title: info.title }) : t('negotiation.removedArticle');
  };

  return (
    <div className="negotiation-panel">
      <p className="negotiation-counts" data-testid="negotiation-counts">
        <span className="status-agreed">{t('negotiation.countAgreed', { count: counts.agreed })}</span>
        <span className="status-disputed">{t('negotiation.countDisputed', { count: counts.disputed })}</span>
        <span className="status-open">{t('negotiation.countOpen', { count: counts.open })}</span>
      </p>
      <div className="row">
        <button type="button" onClick={() => {
          const entry = selectedArticle(editor);
          setFocus(entry ? entry[0].clauseId : null);
          setComposing(null);
        }}>
          {t('negotiation.currentArticle')}
        </button>
        <a className="button" href={`#/minutes/${documentId}`}>{t('negotiation.minutes')}</a>
      </div>
      <ErrorNotice error={error} />
      {focus && (
        <section className="focused-article" data-testid="focused-article" data-clause-id={focus}>
          <h3>
            <button type="button" className="link" onClick={() => jumpTo(focus)}>{articleLabel(focus)}</button>
          </h3>
          <p data-testid="article-status" data-status={focusedStatus?.status ?? 'open'}>
            {t(`negotiation.status.${focusedStatus?.status ?? 'open'}`)}
            {focusedStatus?.employerAgreedAt && focusedStatus.status !== 'agreed' && ` · ${t('negotiation.markedBy', { side: t('side.employer') })}`}
            {focusedStatus?.unionAgreedAt && focusedStatus.status !== 'agreed' && ` · ${t('negotiation.markedBy', { side: t('side.union') })}`}
            {focusedStatus?.reopened && ` · ${reopenedLabel(t, focusedStatus.reopened.byName)}`}
          </p>
          {!isReviewer && focused && (
            <div className="row">
              <button type="button" onClick={() => void run(() => client.call('articles/agree', { documentId, clauseId: focus }))}>{t('negotiation.markAgreed')}</button>
              <button type="button" onClick={() => {
                const position = window.prompt(t('negotiation.positionPrompt')) ?? undefined;
                void run(() => client.call('articles/dispute', { documentId, clauseId: focus, position: position || undefined }));
              }}>{t('negotiation.markDisputed')}</button>
              {focusedStatus && focusedStatus.status !== 'open' && <button type="button" onClick={() => void run(() => client.call('articles/reopen', { documentId, clauseId: focus }))}>{t('negotiation.reopen')}</button>}
              <button type="button" onClick={() => setComposing('proposal')}>{t('negotiation.propose')}</button>
            </div>
          )}
          {mayComment && <button type="button" onClick={() => setComposing('thread')}>{t('negotiation.comment')}</button>}
          {composing === 'proposal' && focused && (
            <ProposalForm base={focused.article} submitLabel={t('negotiation.sendProposal')} onCancel={() => setComposing(null)} onSubmit={(value) => run(() => client.call('proposals/create', { documentId, clauseId: focus, ...value })).then(() => setComposing(null))} />
          )}
          {composing === 'thread' && <NewThread participants={participants} mySide={side} onCancel={() => setComposing(null)} onSubmit={(body, internal, mentions) => run(() => client.call('threads/create', { documentId, clauseId: focus, body, internal, mentions })).then(() => setComposing(null))} />}
          <button type="button" className="link" onClick={() => setFocus(null)}>{t('negotiation.allArticles')}</button>
        </section>
      )}
      <div className="row filters">
        <select value={sideFilter} onChange={(event) => setSideFilter(event.target.value as typeof sideFilter)} aria-label={t('negotiation.filterSide')}>
          <option value="">{t('negotiation.bothSides')}</option>
          <option value="employer">{t('side.employer')}</option>
          <option value="union">{t('side.union')}</option>
        </select>
        <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as typeof statusFilter)} aria-label={t('negotiation.filterStatus')}>
          <option value="">{t('negotiation.anyStatus')}</option>
          {(['open', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const).map((status) => (
            <option key={status} value={status}>{t(`negotiation.proposalStatus.${status}`)}</option>
          ))}
        </select>
        <select value={chapterFilter} onChange={(event) => setChapterFilter(event.target.value)} aria-label={t('negotiation.filterChapter')}>
          <option value="">{t('negotiation.allChapters')}</option>
          {chapters.map((chapter) => <option key={chapter} value={chapter}>{t('editor.chapterLabel', { number: chapter })}</option>)}
        </select>
      </div>
      {proposals.length === 0 && threads.length === 0 && <p className="empty-state">{t('negotiation.nothing')}</p>}
      {proposals.map((proposal: Proposal) => (
        <div key={proposal.id}>
          {!focus && <button type="button" className="link" onClick={() => setFocus(proposal.clauseId)}>{articleLabel(proposal.clauseId)}</button>}
          <ProposalCard proposal={proposal} current={articles.get(proposal.clauseId)?.article ?? null} mySide={side} myId={membership.participantId} actions={proposalActions} />
        </div>
      ))}
      {threads.map((thread: Thread) => (
        <div key={thread.id}>
          {!focus && <button type="button" className="link" onClick={() => setFocus(thread.clauseId)}>{articleLabel(thread.clauseId)}</button>}
          <ThreadView thread={thread} participants={participants} canReply={mayComment} canResolve={!isReviewer} actions={threadActions} />
        </div>
      ))}
    </div>
  );
}

function NewThread({ participants, mySide, onSubmit, onCancel }: { participants: Participant[]; mySide: string; onSubmit: (body: string, internal: boolean, mentions: string[]) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [mentions, setMentions] = useState<string[]>([]);
  const mentionable = internal ? participants.filter((p) => p.side === mySide) : participants;
  return (
    <form className="stacked-form" onSubmit={(event) => {
      event.preventDefault();
      void onSubmit(body, internal, mentions);
    }}>
      <textarea rows={3} value={body} onChange={(event) => setBody(event.target.value)} aria-label={t('negotiation.comment')} placeholder={t('negotiation.commentPlaceholder')} />
      {mySide !== 'reviewer' && (
        <label>
          <input type="checkbox" checked={internal} onChange={(event) => {
            setInternal(event.target.checked);
            setMentions([]);
          }} /> {t('negotiation.internalOption', { side: t(`side.${mySide}`) })}
        </label>
      )}
      <MentionPicker participants={mentionable} selected={mentions} onChange={setMentions} />
      <div className="row">
        <button type="submit" className="primary" disabled={body.trim() === ''}>{t('negotiation.send')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
