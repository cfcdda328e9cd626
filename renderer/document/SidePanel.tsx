import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DocumentKind } from '#shared/documents/kinds';
import { unreadMentions } from '#shared/negotiation/mentions';
import { HistoryPanel } from '../history/HistoryPanel';
import { CompliancePanel } from '../compliance/CompliancePanel';
import { showComplianceEvent, showReviewEvent } from '../lifecycle/documentChecks';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { SalaryScalePanel } from '../salaryScale/SalaryScalePanel';
import { revealArticle } from '../editor/reveal';
import { NegotiationPanel } from '../negotiation/NegotiationPanel';
import {
  commentOnPhraseEvent,
  focusArticleEvent,
  showDraftsEvent,
  showThreadEvent,
  useNegotiation,
  type PhraseToComment,
} from '../negotiation/negotiationStore';
import { SuggestionsPanel } from '../negotiation/SuggestionsPanel';
import type { Membership } from '../session/session';
import { Outline } from '../editor/Outline';
import { editVariableEvent, type DocumentVariables } from '../variables/documentVariables';
import { VariablesPanel, type VariableFocus } from '../variables/VariablesPanel';
import type { OpenEditor } from './useDocumentEditor';

// The clause library brings the whole template library (half a megabyte): loaded when first shown.
const LibraryPanel = lazy(() => import('../library/LibraryPanel').then((module) => ({ default: module.LibraryPanel })));

const tabs = ['outline', 'variables', 'salaryScale', 'library', 'negotiation', 'suggestions', 'history', 'lifecycle', 'compliance', 'review'] as const;
type Tab = (typeof tabs)[number];

/**
 * The left pane of the editor: the outline, the document's variables, its salary scales, the
 * clause library, the negotiation and the history.
 */
export interface SidePanelProps {
  open: OpenEditor;
  variables: DocumentVariables;
  kind: DocumentKind | null;
  readOnly: boolean;
  membership: Membership;
  client: ApiClient;
}

/** The negotiation tab's name, and this person's unread mentions ("@2"): who is mentioned sees it from any tab. */
function NegotiationTabName({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const negotiation = useNegotiation();
  const count = negotiation ? unreadMentions(negotiation.threads, participantId, negotiation.mentionsRead).length : 0;
  return (
    <>
      {t('sidePanel.negotiation')}
      {count > 0 && <span className="tab-mentions" title={t('negotiation.unreadMentionsCount', { count })} data-testid="tab-mentions">{` @${count}`}</span>}
    </>
  );
}

export function SidePanel({ open, variables, kind, readOnly, membership, client }: SidePanelProps) {
  const { side, documentId } = membership;
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('outline');
  const [focus, setFocus] = useState<VariableFocus | null>(null);
  // The article whose compliance marker was clicked (the compliance tab scrolls to its findings).
  const [complianceFocus, setComplianceFocus] = useState<string | null>(null);
  const [articleFocus, setArticleFocus] = useState<VariableFocus | null>(null);
  const [draftsRequest, setDraftsRequest] = useState(0);
  const [phraseRequest, setPhraseRequest] = useState<PhraseToComment | null>(null);
  const [threadRequest, setThreadRequest] = useState<VariableFocus | null>(null);
  useEffect(() => {
    // A click on a variable chip opens the variables tab on that variable.
    const onEdit = (event: Event) => {
      setTab('variables');
      setFocus((previous) => ({ id: (event as CustomEvent<string>).detail, request: (previous?.request ?? 0) + 1 }));
    };
    // A click on an article's negotiation badge opens the negotiation tab (the panel shows that article).
    const onNegotiate = (event: Event) => {
      setTab('negotiation');
      setArticleFocus((previous) => ({ id: (event as CustomEvent<string>).detail, request: (previous?.request ?? 0) + 1 }));
    };
    // A refused edit kept as a draft: the negotiation tab shows this person's drafts.
    const onDrafts = () => {
      setTab('negotiation');
      setDraftsRequest((previous) => previous + 1);
    };
    // The markers in an article's margin open the compliance or the review tab.
    const onCompliance = (event: Event) => {
      setTab('compliance');
      setComplianceFocus((event as CustomEvent<string>).detail);
    };
    const onReview = () => setTab('review');
    // Words selected to comment on open the comment form; a thread's highlighted words, the thread.
    const onPhrase = (event: Event) => {
      setTab('negotiation');
      setPhraseRequest((event as CustomEvent<PhraseToComment>).detail);
    };
    const onThread = (event: Event) => {
      setTab('negotiation');
      setThreadRequest((previous) => ({ id: (event as CustomEvent<string>).detail, request: (previous?.request ?? 0) + 1 }));
    };
    window.addEventListener(commentOnPhraseEvent, onPhrase);
    window.addEventListener(showThreadEvent, onThread);
    window.addEventListener(editVariableEvent, onEdit);
    window.addEventListener(focusArticleEvent, onNegotiate);
    window.addEventListener(showDraftsEvent, onDrafts);
    window.addEventListener(showComplianceEvent, onCompliance);
    window.addEventListener(showReviewEvent, onReview);
    return () => {
      window.removeEventListener(editVariableEvent, onEdit);
      window.removeEventListener(focusArticleEvent, onNegotiate);
      window.removeEventListener(showDraftsEvent, onDrafts);
      window.removeEventListener(showComplianceEvent, onCompliance);
      window.removeEventListener(showReviewEvent, onReview);
      window.removeEventListener(commentOnPhraseEvent, onPhrase);
      window.removeEventListener(showThreadEvent, onThread);
    };
  }, []);
  return (
    <aside className="side-pane">
      <div className="tabs" role="tablist" aria-label={t('sidePanel.label')}>
        {tabs.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={tab === value}
            className={tab === value ? 'active' : undefined}
            onClick={() => setTab(value)}
          >
            {value === 'negotiation' ? <NegotiationTabName participantId={membership.participantId} /> : t(`sidePanel.${value}`)}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'outline' && <Outline editor={open.editor} changes={open.changes} />}
        {tab === 'suggestions' && <SuggestionsPanel editor={open.editor} client={client} documentId={documentId} side={side} readOnly={readOnly} />}
        {tab === 'variables' && (
          <VariablesPanel
            editor={open.editor}
            changes={open.changes}
            variables={variables}
            readOnly={readOnly}
            focus={focus}
            suggestValue={(variableId, value) => client.call('suggestions/suggestValue', { documentId, variableId, value })}
          />
        )}
        {tab === 'salaryScale' && variables.values.doc && (
          <SalaryScalePanel doc={variables.values.doc} readOnly={readOnly} client={client} documentId={documentId} isEmployer={side === 'employer'} />
        )}
        {tab === 'library' &&
          (kind ? (
            <Suspense fallback={<p>{t('common.loading')}</p>}>
              <LibraryPanel editor={open.editor} kind={kind} variables={variables} readOnly={readOnly} side={side} client={client} />
            </Suspense>
          ) : (
            <p>{t('common.loading')}</p>
          ))}
        {tab === 'negotiation' && (
          <NegotiationPanel
            editor={open.editor}
            changes={open.changes}
            client={client}
            membership={membership}
            focusRequest={articleFocus}
            draftsRequest={draftsRequest}
            phraseRequest={phraseRequest}
            onPhraseHandled={() => setPhraseRequest(null)}
            threadRequest={threadRequest}
            jumpTo={(clauseId) => revealArticle(open.editor, clauseId)}
          />
        )}
        {tab === 'history' && <HistoryPanel client={client} documentId={documentId} side={side} />}
        {tab === 'lifecycle' && <LifecyclePanel client={client} side={side} variables={variables} />}
        {tab === 'compliance' && <CompliancePanel jumpTo={(clauseId) => revealArticle(open.editor, clauseId)} focusClauseId={complianceFocus} />}
        {tab === 'review' && <ReviewPanel side={side} documentId={documentId} jumpTo={(clauseId) => revealArticle(open.editor, clauseId)} />}
      </div>
    </aside>
  );
}
