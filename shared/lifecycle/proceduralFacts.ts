/**
 * Procedural facts: what the lifecycle records about the procedure — the workers' vote (Labour Code
 * Art. 76(1)-(2)), the signing (Art. 76(4)), the issue of labour regulations (Art. 118) — as values
 * of the document's variables, so that the text shows them as chips where it states them. They are
 * the server's: it writes them from the lifecycle record in the same change as the step that
 * records them, and no client writes them (the sync write policy and documents/create refuse them).
 * Until the record has a fact, the document has no value for it, and every reader shows it as
 * still to be filled (decision 0013).
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import type { DocumentKind } from '#shared/documents/kinds';
import type { VariableValue } from '#shared/templates/schema';
import type { RoundFacts } from '#shared/lifecycle/model';
import { currentVote } from '#shared/lifecycle/record';

/** The variables whose values only the lifecycle record gives. */
export const proceduralFactIds = [
  'vote_date',
  'vote_total_workers',
  'vote_in_favour',
  'sector_vote_consulted',
  'sector_vote_in_favour',
  'signing_date',
  'issue_date',
] as const;

export type ProceduralFactId = (typeof proceduralFactIds)[number];

/** Whether a variable is a procedural fact (its value is the server's, from the lifecycle record). */
export function isProceduralFact(variableId: string): variableId is ProceduralFactId {
  return (proceduralFactIds as readonly string[]).includes(variableId);
}

/** What of a round the facts come from. */
export type FactSource = Pick<RoundFacts, 'votes' | 'voteFrom' | 'signing' | 'issue'>;

export type RecordedFacts = Partial<Record<ProceduralFactId, VariableValue>>;

/**
 * The facts a document of this kind has in the round in progress: the vote the draft now before the
 * workers passed (none while it is still before them, after a failed vote, or once it went back to
 * the table), the signing, the issue. A new round (an amendment) starts with none: its text needs
 * its own vote and signing (Art. 82(1)).
 */
export function recordedFactValues(kind: DocumentKind, round: FactSource): RecordedFacts {
  const facts: RecordedFacts = {};
  const vote = currentVote(round);
  if (vote?.passed) {
    facts.vote_date = vote.votedOn;
    // One count: the enterprise's (Art. 76(1)) or those consulted for a sector (Art. 76(2)). A
    // multi-enterprise agreement counts per enterprise; the text refers to its annex for them.
    const [group] = vote.groups;
    if (group && vote.groups.length === 1 && kind === 'enterprise_agreement') {
      facts.vote_total_workers = group.eligible;
      facts.vote_in_favour = group.inFavour;
    } else if (group && vote.groups.length === 1 && kind === 'sector_agreement') {
      facts.sector_vote_consulted = group.eligible;
      facts.sector_vote_in_favour = group.inFavour;
    }
  }
  if (round.signing) facts.signing_date = round.signing.signedOn;
  if (round.issue) facts.issue_date = round.issue.issuedOn;
  return facts;
}

/**
 * The date of the document, written under the motto of its official layout (Decree 30/2020
 * Appendix I): the signing date of an agreement, the issue date of labour regulations; null before
 * (a draft is dated by hand when it is signed).
 */
export function documentDate(round: FactSource): IsoDate | null {
  return round.signing?.signedOn ?? round.issue?.issuedOn ?? null;
}

/** What to write into a document's values so that its facts are the recorded ones. */
export interface FactChanges {
  set: RecordedFacts;
  remove: ProceduralFactId[];
}

/** The writes that bring a document's fact values to the recorded ones (nothing when they agree). */
export function factChanges(values: Readonly<Record<string, VariableValue>>, recorded: RecordedFacts): FactChanges {
  const set: RecordedFacts = {};
  const remove: ProceduralFactId[] = [];
  for (const id of proceduralFactIds) {
    const wanted = recorded[id];
    if (wanted === undefined) {
      if (values[id] !== undefined) remove.push(id);
    } else if (values[id] !== wanted) set[id] = wanted;
  }
  return { set, remove };
}

/** Whether changes change nothing. */
export function noFactChanges(changes: FactChanges): boolean {
  return changes.remove.length === 0 && Object.keys(changes.set).length === 0;
}

/** A document's values without its procedural facts (what a client may state itself). */
export function withoutFacts(values: Readonly<Record<string, VariableValue>>): Record<string, VariableValue> {
  return Object.fromEntries(Object.entries(values).filter(([id]) => !isProceduralFact(id)));
}
