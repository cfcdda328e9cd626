import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { Participant } from '#shared/api/participants';
import { articlesOf } from '#shared/document/articles';
import { computeNumbering, toRoman } from '#shared/document/numbering';
import type { ArticleElement, InlineNode, TopLevelBlock } from '#shared/document/nodes';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { unreadMentions, type Mentionable } from '#shared/negotiation/mentions';
import { openArticle, type DraftProposal, type Proposal, type ProposalStatus, type Thread, type ThreadVisibility } from '#shared/negotiation/model';
import { shownArticleStatus, suggestingSidesByArticle } from '#shared/negotiation/suggestionPositions';
import type { Side } from '#shared/sides';
import { ErrorNotice } from '../components/ErrorNotice';
import { downloadBase64 } from '../export/fileTransfer';
import type { ChangeSignal } from '../editor/changeSignal';
import type { DocumentEditor } from '../editor/customTypes';
import { phraseInEditor, revealPhrase } from '../editor/phraseComments';
import { selectedArticle } from '../editor/structure';
import { useLanguage } from '../i18n/i18n';
import type { Membership } from '../session/session';
import { useDocumentVariables } from '../variables/documentVariables';
import { AcceptDialog } from './AcceptDialog';
import { ArticleControls } from './ArticleControls';
import { LedgerDialog } from './ArticleLedger';
import { CounterPackageDialog } from './CounterPackageDialog';
import { DraftsList } from './DraftsList';
import { useNegotiation, useNegotiationStoreOf, type PhraseToComment } from './negotiationStore';
import {
  NegotiationViewContext,
  useCostingBasis,
  useDocumentValues,
  usePositionContext,
  type NegotiationDialogRequest,
  type NegotiationView,
} from './negotiationView';
import { PackageBasket } from './PackageBasket';
import { ArticleCostComparison } from './PositionCost';
import { ScenariosSection } from './ScenariosSection';
import { PackageCard, packageMembers } from './PackageCard';
import { positionInput, withPosition, type PositionDraft } from './positionDraft';
import { ProposalCard } from './ProposalCard';
import { ProposalEditor } from './ProposalEditor';
import { MentionTextarea, useMentionDraft } from './MentionTextarea';
import { PhraseQuote, ThreadView, type ThreadActions } from './ThreadView';

interface ArticleInfo {
  article: ArticleElement;
  number: number;
  title: string;
  chapter: string;
}

/** A title as it reads in a list: its text, a chip as an ellipsis (lists never show ids). */
function titleText(children: readonly InlineNode[]): string {
  return children.map((child) => ('type' in child ? '…' : child.text)).join('');
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
  return new Map(
    articlesOf(blocks).map((article) => [
      article.clauseId,
      {
        article,
        number: numbering.articles.get(article.clauseId) ?? 0,
        title: article.children[0]?.type === 'article-title' ? titleText(article.children[0].children) : '',
        chapter: chapters.get(article.clauseId) ?? '',
      },
    ]),
  );
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

/** A position as the editor opens on it: the offer as it stands. */
const asOffered = (proposal: Proposal): PositionDraft => ({
  clauseId: proposal.clauseId,
  kind: proposal.kind,
  article: proposal.article ?? undefined,
  values: proposal.values,
});

const noProposals: Proposal[] = [];

/**
 * The negotiation at a glance and article by article: counts of agreed, disputed and open articles;
 * this person's drafts and the package they are preparing; every position (packages as one) and
 * thread, filtered by side, status and chapter; for one article, its status, what this side may do
 * about it, and its ledger. Writing, countering, accepting and the ledger open over the page.
 */
export interface NegotiationPanelProps {
  editor: DocumentEditor;
  changes: ChangeSignal;
  client: ApiClient;
  membership: Membership;
  /** Show this article (an article's badge was clicked); `request` changes on each click. */
  focusRequest: { id: string; request: number } | null;
  /** Show this person's drafts (a refused edit was kept as one); changes on each request. */
  draftsRequest: number;
  /** Words selected in the text to comment on: the comment form opens on them, then `onPhraseHandled` is called. */
  phraseRequest: PhraseToComment | null;
  onPhraseHandled: () => void;
  /** Show this thread (opened from the card over its words in the text); `request` changes on each request. */
  threadRequest: { id: string; request: number } | null;
  jumpTo: (clauseId: string) => void;
}

export function NegotiationPanel({
  editor,
  changes,
  client,
  membership,
  focusRequest,
  draftsRequest,
  phraseRequest,
  onPhraseHandled,
  threadRequest,
  jumpTo,
}: NegotiationPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const negotiation = useNegotiation();
  const store = useNegotiationStoreOf();
  const values = useDocumentValues(useDocumentVariables());
  const articles = useArticles(editor, changes);
  const positions = usePositionContext(negotiation?.proposals ?? noProposals, articles, values);
  const costing = useCostingBasis(values);
  const [focus, setFocus] = useState<string | null>(null);
  // The comment being written: on the focused article as a whole, or on words selected in it.
  const [composing, setComposing] = useState<'article' | PhraseToComment | null>(null);
  // The thread to bring into view once it is listed.
  const [shownThread, setShownThread] = useState<{ id: string; request: number } | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<NegotiationDialogRequest | null>(null);
  const [itemEditor, setItemEditor] = useState<{ answered: Proposal; position: PositionDraft; done: (position: PositionDraft) => void } | null>(null);
  const [sideFilter, setSideFilter] = useState<'' | 'employer' | 'union'>('');
  const [statusFilter, setStatusFilter] = useState<'' | ProposalStatus>('open');
  const [chapterFilter, setChapterFilter] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const draftsSection = useRef<HTMLDivElement>(null);
  const { documentId, side } = membership;

  useEffect(() => {
    if (focusRequest) setFocus(focusRequest.id);
  }, [focusRequest]);
  useEffect(() => {
    if (!phraseRequest) return;
    setFocus(phraseRequest.clauseId);
    setComposing(phraseRequest);
    onPhraseHandled();
  }, [phraseRequest, onPhraseHandled]);
  /**
   * Shows a thread in the panel (lifting filters that would hide it), and marks the comments
   * mentioning this person there as read: they have opened it.
   */
  const showThread = (threadId: string) => {
    const snapshot = store?.getSnapshot();
    const thread = snapshot?.threads.find((candidate) => candidate.id === threadId);
    if (!snapshot || !thread) return;
    setFocus(thread.clauseId);
    setSideFilter('');
    setChapterFilter('');
    if (thread.resolvedAt !== null) setStatusFilter('');
    setShownThread((previous) => ({ id: thread.id, request: (previous?.request ?? 0) + 1 }));
    const mentionsHere = unreadMentions([thread], membership.participantId, snapshot.mentionsRead).map((mention) => mention.comment.id);
    void store?.markMentionsRead(mentionsHere).catch(setError);
  };
  // showThread uses only setters, the store and this person's id: the request alone triggers it.
  useEffect(() => {
    if (threadRequest) showThread(threadRequest.id);
  }, [threadRequest]);
  useEffect(() => {
    if (shownThread === null) return;
    const card = [...(panel.current?.querySelectorAll<HTMLElement>('[data-thread-id]') ?? [])].find((element) => element.dataset.threadId === shownThread.id);
    card?.scrollIntoView({ block: 'center' });
    card?.focus();
  }, [shownThread]);
  useEffect(() => {
    if (draftsRequest === 0) return;
    setFocus(null);
    draftsSection.current?.scrollIntoView({ block: 'start' });
  }, [draftsRequest]);
  useEffect(() => {
    void client.call('participants/list', { documentId }).then(setParticipants, () => setParticipants([]));
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
  const threadActions: ThreadActions = {
    reply: (thread, body, mentions) => run(() => client.call('threads/reply', { documentId, threadId: thread.id, body, mentions })),
    setResolved: (thread, resolved) => run(() => client.call(resolved ? 'threads/resolve' : 'threads/reopen', { documentId, threadId: thread.id })),
  };

  const counts = useMemo(() => {
    const result = { agreed: 0, disputed: 0, open: 0 };
    // An agreed article held open by pending suggestions counts as open (decision 0029).
    const suggesting = suggestingSidesByArticle(negotiation?.suggestionPositions ?? []);
    for (const clauseId of articles.keys())
      result[shownArticleStatus(negotiation?.articles.get(clauseId) ?? openArticle(clauseId), suggesting.get(clauseId) ?? []).status] += 1;
    return result;
  }, [articles, negotiation]);

  if (!negotiation) return null;
  const isReviewer = side === 'reviewer';
  // Comments name people by id: the names of all who ever joined, the revoked too; only those
  // still in the document can be mentioned, not oneself, and in an internal note one's own side only.
  const names = new Map(participants.map((participant) => [participant.id, participant.displayName]));
  const mentionableIn = (visibility: ThreadVisibility): Mentionable[] =>
    participants
      .filter((p) => p.revokedAt === null && p.id !== membership.participantId && (visibility === 'public' || p.side === visibility))
      .map((p) => ({ id: p.id, name: p.displayName }));
  const unread = unreadMentions(negotiation.threads, membership.participantId, negotiation.mentionsRead);
  const phraseState = (thread: Thread): 'here' | 'gone' | undefined => (thread.anchor ? (phraseInEditor(editor, thread.anchor) ? 'here' : 'gone') : undefined);
  const mayComment = !isReviewer || negotiation.reviewerCommentsAllowed;
  const chapters = [...new Set([...articles.values()].map((a) => a.chapter).filter(Boolean))];
  const matches = (clauseId: string) => !chapterFilter || articles.get(clauseId)?.chapter === chapterFilter;
  const articleNumber = (clauseId: string) => articles.get(clauseId)?.number ?? Number.MAX_SAFE_INTEGER;
  const listed = negotiation.proposals.filter(
    (p) => (!sideFilter || p.side === sideFilter) && (!statusFilter || p.status === statusFilter) && matches(p.clauseId) && (!focus || p.clauseId === focus),
  );
  // A package is listed once, whole, wherever one of its positions matches.
  const groups: Proposal[][] = [];
  const packagesListed = new Set<string>();
  for (const proposal of listed) {
    if (proposal.packageId === null) groups.push([proposal]);
    else if (!packagesListed.has(proposal.packageId)) {
      packagesListed.add(proposal.packageId);
      groups.push(packageMembers(negotiation.proposals, proposal.packageId, articleNumber));
    }
  }
  const threads = negotiation.threads.filter(
    (th) =>
      (!sideFilter || th.comments[0]?.side === sideFilter) &&
      matches(th.clauseId) &&
      (!focus || th.clauseId === focus) &&
      (statusFilter === '' || statusFilter !== 'open' || th.resolvedAt === null),
  );
  const focused = focus ? articles.get(focus) : undefined;
  const focusedStatus = focus ? negotiation.articles.get(focus) : undefined;
  const articleLabel = (clauseId: string) => {
    const info = articles.get(clauseId);
    return info ? t('negotiation.articleRef', { number: info.number, title: info.title }) : t('negotiation.removedArticle');
  };
  const basket = negotiation.basket;
  const setBasket = (items: PositionDraft[]) => store?.setBasket(items);
  const close = () => setDialog(null);
  const view: NegotiationView = {
    positions,
    proposals: negotiation.proposals,
    articleLabel,
    articleNumber,
    side,
    participantId: membership.participantId,
    run,
    open: setDialog,
    // The confirmation shows its own error, beside what it was about to accept.
    accept: (proposal) => client.call('proposals/accept', { documentId, proposalId: proposal.id }).then(() => undefined),
    reject: (proposal, reason) => run(() => client.call('proposals/reject', { documentId, proposalId: proposal.id, reason })),
    withdraw: (proposal) => run(() => client.call('proposals/withdraw', { documentId, proposalId: proposal.id })),
    costing,
    exportCosting: (target, format) =>
      run(async () => {
        const exported = await client.call('costing/export', { documentId, target, format, language });
        downloadBase64(exported.fileBase64, exported.fileName, exported.mimeType);
      }),
  };
  const discardDraft = (draft: DraftProposal) =>
    run(() => client.call('drafts/discard', { documentId, draftId: draft.id }).then(() => store?.refreshFromServer()));
  const sendPackage = (rationale: string) =>
    run(() => client.call('proposals/createPackage', { documentId, rationale, items: basket.map(positionInput) }).then(() => setBasket([])));

  /** The editor over one article: a proposal, a package item, a draft put on the table, or a counter. */
  const editorFor = (clauseId: string) => {
    const info = articles.get(clauseId);
    return info ? { base: info.article, baseLabel: t('editor.articleLabel', { number: info.number }), title: articleLabel(clauseId) } : null;
  };
  const renderDialog = () => {
    if (!dialog) return null;
    switch (dialog.type) {
      case 'propose': {
        const target = editorFor(dialog.clauseId);
        if (!target) return null;
        const current: PositionDraft = { clauseId: dialog.clauseId, kind: 'replace', article: target.base, values: {} };
        const initial = dialog.initial ?? current;
        if (dialog.forPackage) {
          return (
            <ProposalEditor
              {...target}
              title={t('negotiation.editor.packageItemTitle', { article: target.title })}
              initial={initial}
              reference={current}
              withRationale={false}
              submitLabel={t('negotiation.package.putIn')}
              onCancel={close}
              onSubmit={async (position) => {
                setBasket(withPosition(basket, position));
                close();
              }}
            />
          );
        }
        return (
          <ProposalEditor
            {...target}
            title={t(dialog.fromDraftId ? 'negotiation.editor.draftTitle' : 'negotiation.editor.proposeTitle', { article: target.title })}
            initial={initial}
            reference={current}
            withRationale
            submitLabel={t('negotiation.sendProposal')}
            onCancel={close}
            note={dialog.fromDraftId ? <p className="hint">{t('negotiation.editor.fromDraft')}</p> : undefined}
            onSubmit={async (position, rationale) => {
              await client.call('proposals/create', { documentId, ...positionInput(position), rationale, fromDraftId: dialog.fromDraftId });
              if (dialog.fromDraftId) await store?.refreshFromServer();
              close();
            }}
            onAddToPackage={
              dialog.fromDraftId
                ? undefined
                : (position) => {
                    setBasket(withPosition(basket, position));
                    close();
                  }
            }
          />
        );
      }
      case 'counter': {
        const answered = dialog.proposal;
        if (answered.packageId !== null) {
          return (
            <CounterPackageDialog
              members={packageMembers(negotiation.proposals, answered.packageId, articleNumber)}
              onClose={close}
              onEdit={(member, position, done) => setItemEditor({ answered: member, position, done })}
              onSend={(items, rationale) =>
                client.call('proposals/counter', { documentId, proposalId: answered.id, rationale, items: items.map(positionInput) }).then(() => undefined)
              }
            />
          );
        }
        const target = editorFor(answered.clauseId);
        if (!target) return null;
        return (
          <ProposalEditor
            {...target}
            title={t('negotiation.editor.counterTitle', { article: target.title })}
            initial={asOffered(answered)}
            reference={asOffered(answered)}
            withRationale
            submitLabel={t('negotiation.sendCounter')}
            onCancel={close}
            note={<p className="hint">{t('negotiation.editor.answering', { name: answered.authorName, side: t(`side.${answered.side}`) })}</p>}
            onSubmit={async (position, rationale) => {
              const offer = positionInput(position);
              await client.call('proposals/counter', {
                documentId,
                proposalId: answered.id,
                rationale,
                kind: offer.kind,
                article: offer.article,
                values: offer.values,
              });
              close();
            }}
          />
        );
      }
      case 'accept':
        return <AcceptDialog proposal={dialog.proposal} onClose={close} />;
      case 'ledger':
        return (
          <LedgerDialog
            clauseId={dialog.clauseId}
            status={negotiation.articles.get(dialog.clauseId)}
            suggestions={{ positions: negotiation.suggestionPositions, history: negotiation.suggestionHistory }}
            onClose={close}
          />
        );
    }
  };
  const itemTarget = itemEditor ? editorFor(itemEditor.answered.clauseId) : null;

  return (
    <NegotiationViewContext.Provider value={view}>
      <div className="negotiation-panel" ref={panel}>
        <p className="negotiation-counts" data-testid="negotiation-counts">
          <span className="status-agreed">{t('negotiation.countAgreed', { count: counts.agreed })}</span>
          <span className="status-disputed">{t('negotiation.countDisputed', { count: counts.disputed })}</span>
          <span className="status-open">{t('negotiation.countOpen', { count: counts.open })}</span>
        </p>
        <div className="row">
          <button
            type="button"
            onClick={() => {
              const entry = selectedArticle(editor);
              setFocus(entry ? entry[0].clauseId : null);
              setComposing(null);
            }}
          >
            {t('negotiation.currentArticle')}
          </button>
          <a className="button" href={`#/minutes/${documentId}`}>
            {t('negotiation.minutes')}
          </a>
        </div>
        <ErrorNotice error={error} />
        {unread.length > 0 && (
          <section className="notice mentioned" data-testid="unread-mentions" aria-label={t('negotiation.unreadMentions')}>
            <p>{t('negotiation.unreadMentionsCount', { count: unread.length })}</p>
            <ul>
              {unread.map(({ thread, comment }) => (
                <li key={comment.id}>
                  <button type="button" className="link" data-testid="unread-mention" onClick={() => showThread(thread.id)}>
                    {t('negotiation.mentionEntry', {
                      name: comment.authorName,
                      article: articleLabel(thread.clauseId),
                      time: formatVietnamDateTime(comment.createdAt, language),
                    })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div ref={draftsSection}>
          <DraftsList drafts={negotiation.drafts} onDiscard={discardDraft} />
        </div>
        {!isReviewer && <PackageBasket items={basket} onChange={setBasket} onSend={sendPackage} />}
        <ScenariosSection client={client} documentId={documentId} />
        {focus && (
          <section className="focused-article" data-testid="focused-article" data-clause-id={focus}>
            <h3>
              <button type="button" className="link" onClick={() => jumpTo(focus)}>
                {articleLabel(focus)}
              </button>
            </h3>
            <ArticleControls
              clauseId={focus}
              status={focusedStatus}
              suggestingSides={store?.suggestingSides(focus) ?? []}
              client={client}
              documentId={documentId}
            />
            <div className="row">
              {!isReviewer && focused && (
                <button type="button" onClick={() => setDialog({ type: 'propose', clauseId: focus })}>
                  {t('negotiation.propose')}
                </button>
              )}
              {!isReviewer && focused && (
                <button type="button" onClick={() => setDialog({ type: 'propose', clauseId: focus, forPackage: true })}>
                  {t('negotiation.package.proposeIn')}
                </button>
              )}
              <button type="button" onClick={() => setDialog({ type: 'ledger', clauseId: focus })}>
                {t('negotiation.ledger.open')}
              </button>
              {mayComment && (
                <button type="button" onClick={() => setComposing('article')}>
                  {t('negotiation.comment')}
                </button>
              )}
            </div>
            <ArticleCostComparison clauseId={focus} suggestions={negotiation.suggestionPositions} />
            {mayComment && composing === null && <p className="hint">{t('negotiation.phraseCommentHint')}</p>}
            {mayComment && composing !== null && (
              <NewThread
                key={composing === 'article' ? 'article' : composing.anchor.start}
                quote={composing === 'article' ? null : composing.quote}
                mentionableIn={mentionableIn}
                mySide={side}
                onCancel={() => setComposing(null)}
                onSubmit={(body, internal, mentions) =>
                  run(() =>
                    client.call('threads/create', {
                      documentId,
                      clauseId: focus,
                      body,
                      internal,
                      mentions,
                      anchor: composing === 'article' ? undefined : composing.anchor,
                    }),
                  ).then(() => setComposing(null))
                }
              />
            )}
            <button type="button" className="link" onClick={() => setFocus(null)}>
              {t('negotiation.allArticles')}
            </button>
          </section>
        )}
        <div className="row filters">
          <select value={sideFilter} onChange={(event) => setSideFilter(event.target.value as typeof sideFilter)} aria-label={t('negotiation.filterSide')}>
            <option value="">{t('negotiation.bothSides')}</option>
            <option value="employer">{t('side.employer')}</option>
            <option value="union">{t('side.union')}</option>
          </select>
          <select
            value={statusFilter}
            onChange={(event) => setStatusFilter(event.target.value as typeof statusFilter)}
            aria-label={t('negotiation.filterStatus')}
          >
            <option value="">{t('negotiation.anyStatus')}</option>
            {(['open', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const).map((status) => (
              <option key={status} value={status}>
                {t(`negotiation.proposalStatus.${status}`)}
              </option>
            ))}
          </select>
          <select value={chapterFilter} onChange={(event) => setChapterFilter(event.target.value)} aria-label={t('negotiation.filterChapter')}>
            <option value="">{t('negotiation.allChapters')}</option>
            {chapters.map((chapter) => (
              <option key={chapter} value={chapter}>
                {t('editor.chapterLabel', { number: chapter })}
              </option>
            ))}
          </select>
        </div>
        {groups.length === 0 && threads.length === 0 && <p className="empty-state">{t('negotiation.nothing')}</p>}
        {groups.map((group) => {
          const [first] = group;
          if (!first) return null;
          return (
            <div key={first.packageId ?? first.id}>
              {!focus && first.packageId === null && (
                <button type="button" className="link" onClick={() => setFocus(first.clauseId)}>
                  {articleLabel(first.clauseId)}
                </button>
              )}
              {first.packageId === null ? <ProposalCard proposal={first} /> : <PackageCard members={group} />}
            </div>
          );
        })}
        {threads.map((thread: Thread) => (
          <div key={thread.id}>
            {!focus && (
              <button type="button" className="link" onClick={() => setFocus(thread.clauseId)}>
                {articleLabel(thread.clauseId)}
              </button>
            )}
            <ThreadView
              thread={thread}
              phrase={phraseState(thread)}
              onShowPhrase={() => thread.anchor && revealPhrase(editor, thread.anchor)}
              names={names}
              mentionable={mentionableIn(thread.visibility)}
              canReply={mayComment}
              canResolve={!isReviewer}
              actions={threadActions}
            />
          </div>
        ))}
        {renderDialog()}
        {itemEditor && itemTarget && (
          <ProposalEditor
            {...itemTarget}
            title={t('negotiation.editor.counterItemTitle', { article: itemTarget.title })}
            initial={itemEditor.position}
            reference={asOffered(itemEditor.answered)}
            withRationale={false}
            submitLabel={t('negotiation.package.keepChange')}
            onCancel={() => setItemEditor(null)}
            onSubmit={async (position) => {
              itemEditor.done(position);
              setItemEditor(null);
            }}
          />
        )}
      </div>
    </NegotiationViewContext.Provider>
  );
}

function NewThread({
  quote,
  mentionableIn,
  mySide,
  onSubmit,
  onCancel,
}: {
  /** The words the comment is on, or null for the whole article. */
  quote: string | null;
  mentionableIn: (visibility: ThreadVisibility) => Mentionable[];
  mySide: Side;
  onSubmit: (body: string, internal: boolean, mentions: string[]) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [internal, setInternal] = useState(false);
  const mentionable = mentionableIn(internal && mySide !== 'reviewer' ? mySide : 'public');
  const draft = useMentionDraft(mentionable);
  return (
    <form
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        const { body, mentions } = draft.encoded();
        void onSubmit(body, internal, mentions);
      }}
    >
      {quote !== null && <PhraseQuote quote={quote} />}
      <MentionTextarea draft={draft} people={mentionable} rows={3} label={t('negotiation.comment')} placeholder={t('negotiation.commentPlaceholder')} />
      {mySide !== 'reviewer' && (
        <label>
          <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} />{' '}
          {t('negotiation.internalOption', { side: t(`side.${mySide}`) })}
        </label>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={draft.text.trim() === ''}>
          {t('negotiation.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
