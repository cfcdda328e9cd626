/**
 * What the compliance check reads for a document that has a lifecycle: its text and values, plus
 * the dates and the vote its lifecycle recorded. The server (for the reviewer) and the editor (for
 * the parties) both build the input here, so they see the same report.
 */
import { isIsoDate, type IsoDate } from '#shared/calendar/isoDate';
import type { CheckDocumentInput } from '#shared/compliance/types';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import type { VariableValue } from '#shared/templates/schema';
import type { VariableLookup } from '#shared/templates/variableValues';
import type { TextFacts } from '#shared/lifecycle/checklist';
import type { RoundFacts } from '#shared/lifecycle/model';
import type { SalaryScale } from '#shared/salaryScale/model';
import { withoutFacts } from '#shared/lifecycle/proceduralFacts';
import { decidingVote } from '#shared/lifecycle/record';

export interface CheckedDocument {
  kind: DocumentKind;
  blocks: readonly TopLevelBlock[];
  variables: Readonly<Record<string, VariableValue>>;
  language: Language;
  salaryScales?: readonly SalaryScale[];
}

/** The round whose dates apply: the one in progress. */
type Round = Pick<RoundFacts, 'signing' | 'votes' | 'salaryScale'>;

/**
 * The vote and term recorded by the lifecycle, as the values the rules read (`vote_total_workers`,
 * `vote_in_favour`, `sector_vote_*`, `term_years`). The vote counts are procedural facts: only the
 * record gives them (a failed vote included, which the rule reports), whatever values the document
 * holds (documents made before decision 0013 hold invented ones). The term, where the text does not
 * state it.
 */
function recordedFacts(kind: DocumentKind, round: Round | undefined, variables: Readonly<Record<string, VariableValue>>): Record<string, VariableValue> {
  const facts: Record<string, VariableValue> = {};
  const vote = round ? (decidingVote(round) ?? round.votes.at(-1)) : undefined;
  const group = vote?.groups.length === 1 ? vote.groups[0] : undefined;
  if (group && kind === 'enterprise_agreement') {
    facts.vote_total_workers = group.eligible;
    facts.vote_in_favour = group.inFavour;
  } else if (group && kind === 'sector_agreement') {
    facts.sector_vote_consulted = group.eligible;
    facts.sector_vote_in_favour = group.inFavour;
  }
  if (round?.signing && variables.term_years === undefined) facts.term_years = String(round.signing.termMonths / 12);
  return facts;
}

/** The input of checkDocument for a document and the round of its lifecycle in progress. */
export function complianceInputFor(document: CheckedDocument, round: Round | undefined, today: IsoDate, lookupVariable?: VariableLookup): CheckDocumentInput {
  const signing = round?.signing;
  return {
    kind: document.kind,
    blocks: document.blocks,
    variables: { ...withoutFacts(document.variables), ...recordedFacts(document.kind, round, document.variables) },
    language: document.language,
    // The vote is due once the agreement is signed; a draft is not checked for it.
    signed: signing !== undefined,
    // The law of the effective date (the `effective_date` value wins, as in every check), else of
    // the signing date, else of today.
    dates: { reference: signing?.signedOn ?? today, ...(signing ? { effective: signing.effectiveOn } : {}) },
    ...(document.salaryScales ? { salaryScales: document.salaryScales } : {}),
    ...(round?.salaryScale ? { salaryScaleProcedure: round.salaryScale } : {}),
    ...(lookupVariable ? { lookupVariable } : {}),
  };
}

/** The facts of the text the procedural checklist compares with the recorded steps. */
export function textFactsOf(variables: Readonly<Record<string, VariableValue>>): TextFacts {
  const number = (value: VariableValue | undefined) =>
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
  const effective = variables.effective_date;
  const headcount = number(variables.headcount);
  const termYears = number(variables.term_years);
  return {
    ...(headcount === undefined ? {} : { headcount }),
    ...(typeof effective === 'string' && isIsoDate(effective) ? { effectiveDate: effective } : {}),
    ...(termYears === undefined ? {} : { termYears }),
  };
}
