import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { useLanguage } from '../i18n/i18n';
import type { Membership } from '../session/session';
import { requestThread, useNegotiation } from './negotiationStore';
import { CommentText } from './ThreadView';

/** A highlighted phrase in the text, and where it is on the screen. */
interface Shown {
  threadId: string;
  /** Shown because the pointer is over it (it goes when the pointer leaves), or because the caret is in it. */
  by: 'pointer' | 'caret';
  left: number;
  top: number;
}

const highlightSelector = '.document-body [data-thread-id]';

/** The highlighted phrase an element of the page is in, if any. */
function highlightOf(target: EventTarget | Node | null): HTMLElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest<HTMLElement>(highlightSelector) ?? null;
}

function shownAt(highlight: HTMLElement, by: Shown['by']): Shown {
  const rect = highlight.getBoundingClientRect();
  return { threadId: highlight.dataset.threadId ?? '', by, left: rect.left, top: rect.bottom + 6 };
}

/**
 * The thread on a highlighted phrase, over the text: it shows while the pointer is over the words
 * (or over the card itself) or while the caret is in them; a button opens it in the Negotiation
 * tab, to reply.
 */
export function PhraseThreadCard({ client, membership }: { client: ApiClient; membership: Membership }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const negotiation = useNegotiation();
  const [shown, setShown] = useState<Shown | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const { documentId, participantId } = membership;

  useEffect(() => {
    void client.call('participants/list', { documentId }).then(
      (participants) => setNames(new Map(participants.map((participant) => [participant.id, participant.displayName]))),
      () => setNames(new Map()),
    );
  }, [client, documentId]);

  useEffect(() => {
    const onPointer = (event: MouseEvent) => {
      const highlight = highlightOf(event.target);
      if (highlight) setShown(shownAt(highlight, 'pointer'));
      else if (!(event.target instanceof Element && event.target.closest('.phrase-thread-card')))
        setShown((previous) => (previous?.by === 'pointer' ? null : previous));
    };
    const onSelection = () => {
      const highlight = highlightOf(document.getSelection()?.anchorNode ?? null);
      if (highlight) setShown(shownAt(highlight, 'caret'));
      else setShown((previous) => (previous?.by === 'caret' ? null : previous));
    };
    document.addEventListener('mouseover', onPointer);
    document.addEventListener('selectionchange', onSelection);
    return () => {
      document.removeEventListener('mouseover', onPointer);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, []);

  const thread = shown ? negotiation?.threads.find((candidate) => candidate.id === shown.threadId) : undefined;
  if (!shown || !thread) return null;
  return (
    <aside
      className={`phrase-thread-card${thread.visibility === 'public' ? '' : ' internal'}`}
      style={{ left: shown.left, top: shown.top }}
      data-testid="phrase-thread-card"
      aria-label={t('negotiation.threadsOnPhrase')}
    >
      {thread.visibility !== 'public' && <p className="internal-note">{t('negotiation.internalNote', { side: t(`side.${thread.visibility}`) })}</p>}
      {thread.comments.map((comment) => (
        <div key={comment.id} className="comment">
          <p className="hint">
            <strong>{comment.authorName}</strong> · {t(`side.${comment.side}`)} · {formatVietnamDateTime(comment.createdAt, language)}
          </p>
          <CommentText comment={comment} names={names} me={participantId} />
        </div>
      ))}
      <button type="button" className="link" onClick={() => requestThread(thread.id)}>
        {t('negotiation.openInPanel')}
      </button>
    </aside>
  );
}
