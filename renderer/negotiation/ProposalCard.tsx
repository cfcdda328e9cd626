import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleText } from '#shared/document/articles';
import type { Proposal } from '#shared/negotiation/model';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { linesOfStoredText, valueChanges } from '#shared/negotiation/positionRedline';
import { answeredPosition, comparedSide, offeredSide, offeredVariables } from '#shared/negotiation/positionStates';
import { SideBadge } from '../components/SideBadge';
import { useLanguage } from '../i18n/i18n';
import { useNegotiationView } from './negotiationView';
import { PositionCostLine } from './PositionCost';
import { Redline, useChipReading, ValueChangeList } from './Redline';

/** A position read against what it answers (or the text it was made on), with the values it changes. */
export function PositionComparison({ proposal }: { proposal: Proposal }) {
  const { positions } = useNegotiationView();
  const reading = useChipReading();
  const before = useMemo(() => comparedSide(proposal, positions), [proposal, positions]);
  const after = useMemo(() => offeredSide(proposal, positions), [proposal, positions]);
  const changes = useMemo(
    () => valueChanges(offeredVariables(proposal, positions), before.values, after.values, reading),
    [proposal, positions, before, after, reading],
  );
  return (
    <>
      <Redline before={before} after={after} />
      <ValueChangeList changes={changes} />
      <PositionCostLine position={proposal} />
    </>
  );
}

/** Who made a position and when (Vietnam's time), and whose position it answers. */
export function PositionByline({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { positions } = useNegotiationView();
  const answered = answeredPosition(proposal, positions);
  return (
    <p className="hint">
      {proposal.authorName} · {formatVietnamDateTime(proposal.createdAt, language)}
      {answered && ` · ${t('negotiation.answers', { name: answered.authorName, side: t(`side.${answered.side}`) })}`}
    </p>
  );
}

/** How a position ended: accepted, rejected (why), withdrawn, countered; by whom and when. */
export function PositionOutcome({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (proposal.status === 'open' || !proposal.decidedByName) return null;
  return (
    <p className="hint outcome" data-testid="position-outcome" data-status={proposal.status}>
      {t(`negotiation.decided.${proposal.status}`, {
        name: proposal.decidedByName,
        date: proposal.decidedAt ? formatVietnamDateTime(proposal.decidedAt, language) : '',
      })}
      {proposal.reason && `: ${proposal.reason}`}
    </p>
  );
}

/**
 * What the other side may do with an open position (accept after confirming, reject with a
 * reason, counter) and what its author may do (withdraw, after confirming). For a package, every
 * action takes the whole package, and the buttons say so.
 */
export function PositionActions({ proposal, isPackage }: { proposal: Proposal; isPackage: boolean }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const [mode, setMode] = useState<'view' | 'reject' | 'withdraw'>('view');
  const [reason, setReason] = useState('');
  if (proposal.status !== 'open') return null;
  const mayAnswer = view.side !== 'reviewer' && view.side !== proposal.side;
  const mayWithdraw = proposal.authorId === view.participantId;
  if (!mayAnswer && !mayWithdraw) return null;
  const word = (key: 'accept' | 'reject' | 'counter' | 'withdraw' | 'rejectReason' | 'withdrawConfirm') =>
    t(isPackage ? `negotiation.package.${key}` : `negotiation.${key}`);
  return (
    <div className="position-actions">
      {mode === 'view' && (
        <div className="row">
          {mayAnswer && (
            <>
              <button type="button" className="primary" onClick={() => view.open({ type: 'accept', proposal })}>
                {word('accept')}
              </button>
              <button type="button" onClick={() => setMode('reject')}>
                {word('reject')}
              </button>
              <button type="button" onClick={() => view.open({ type: 'counter', proposal })}>
                {word('counter')}
              </button>
            </>
          )}
          {mayWithdraw && (
            <button type="button" onClick={() => setMode('withdraw')}>
              {word('withdraw')}
            </button>
          )}
        </div>
      )}
      {mode === 'reject' && (
        <form
          className="stacked-form"
          onSubmit={(event) => {
            event.preventDefault();
            void view.reject(proposal, reason).then(
              () => setMode('view'),
              () => undefined,
            );
          }}
        >
          <label>
            {word('rejectReason')}
            <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          </label>
          <div className="row">
            <button type="submit" disabled={reason.trim() === ''}>
              {word('reject')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'withdraw' && (
        <div className="confirm" role="group" aria-label={word('withdraw')}>
          <p>{word('withdrawConfirm')}</p>
          <div className="row">
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() =>
                void view.withdraw(proposal).then(
                  () => setMode('view'),
                  () => undefined,
                )
              }
            >
              {word('withdraw')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * One position: who, when, why, its status, and its redline against the position it answers (or
 * the text it was made on), with the values it changes. A position made on a text that has
 * changed since is marked stale, with what changed. Positions of a package are shown in their
 * package (PackageCard), which carries the rationale and the actions.
 */
export function ProposalCard({ proposal, inPackage = false }: { proposal: Proposal; inPackage?: boolean }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const current = proposal.kind === 'insert_after' ? null : view.positions.article(proposal.clauseId);
  const isStale = proposal.status === 'open' && current !== null && articleText(current) !== proposal.baseText;
  const staleSides = useMemo(
    () =>
      isStale && current
        ? {
            before: { lines: linesOfStoredText(proposal.baseText), isMarked: false, values: view.positions.values },
            after: { lines: linesOfStoredText(articleText(current)), isMarked: false, values: view.positions.values },
          }
        : null,
    [isStale, current, proposal.baseText, view.positions.values],
  );
  return (
    <article className={`proposal-card status-${proposal.status}`} data-testid="proposal-card" data-proposal-kind={proposal.kind} data-status={proposal.status}>
      <header className="row">
        <SideBadge side={proposal.side} />
        <strong>{inPackage ? view.articleLabel(proposal.clauseId) : t(`negotiation.kind.${proposal.kind}`)}</strong>
        {inPackage ? (
          <span className="proposal-status">{t(`negotiation.kind.${proposal.kind}`)}</span>
        ) : (
          <span className={`proposal-status status-${proposal.status}`}>{t(`negotiation.proposalStatus.${proposal.status}`)}</span>
        )}
        {isStale && (
          <span className="stale" title={t('negotiation.staleHint')}>
            {t('negotiation.stale')}
          </span>
        )}
      </header>
      {!inPackage && <PositionByline proposal={proposal} />}
      {!inPackage && <p className="rationale">{proposal.rationale}</p>}
      <PositionComparison proposal={proposal} />
      {staleSides && (
        <details>
          <summary>{t('negotiation.changedSince')}</summary>
          <Redline before={staleSides.before} after={staleSides.after} />
        </details>
      )}
      {!inPackage && <PositionOutcome proposal={proposal} />}
      {!inPackage && <PositionActions proposal={proposal} isPackage={false} />}
    </article>
  );
}
