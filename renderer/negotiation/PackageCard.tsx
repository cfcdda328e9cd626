import { useTranslation } from 'react-i18next';
import type { Proposal } from '#shared/negotiation/model';
import { SideBadge } from '../components/SideBadge';
import { PositionActions, PositionByline, PositionOutcome, ProposalCard } from './ProposalCard';

/** The positions of a package, in the order of their articles in the document. */
export function packageMembers(proposals: readonly Proposal[], packageId: string, articleNumber: (clauseId: string) => number): Proposal[] {
  return proposals
    .filter((proposal) => proposal.packageId === packageId)
    .sort((a, b) => articleNumber(a.clauseId) - articleNumber(b.clauseId) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * A package of positions on several articles, shown as the one offer it is: one rationale, each
 * article's redline, and actions that take the whole package (the buttons and a line say so).
 */
export function PackageCard({ members }: { members: readonly Proposal[] }) {
  const { t } = useTranslation();
  const [first] = members;
  if (!first) return null;
  return (
    <article className={`package-card status-${first.status}`} data-testid="package-card" data-status={first.status}>
      <header className="row">
        <SideBadge side={first.side} />
        <strong>{t('negotiation.package.title', { count: members.length })}</strong>
        <span className={`proposal-status status-${first.status}`}>{t(`negotiation.proposalStatus.${first.status}`)}</span>
      </header>
      <PositionByline proposal={first} />
      <p className="rationale">{first.rationale}</p>
      {first.status === 'open' && <p className="hint">{t('negotiation.package.together')}</p>}
      {members.map((member) => (
        <ProposalCard key={member.id} proposal={member} inPackage />
      ))}
      <PositionOutcome proposal={first} />
      <PositionActions proposal={first} isPackage />
    </article>
  );
}
