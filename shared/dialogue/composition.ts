/**
 * Who takes part in a workplace dialogue (Decree 145/2020/ND-CP Art. 38) and when a meeting may
 * be held (Art. 39): the employer side counts at least 3 with the legal representative; the worker
 * side's size follows the enterprise's headcount; a woman sits on the worker side when women
 * workers' issues are on the agenda; the meeting needs the legal representative (or the person
 * they authorised) and more than 70% of the worker representatives.
 */
import type { Dialogue, DialogueKind, DialogueParticipant } from '#shared/dialogue/model';

/** The number of worker representatives a headcount calls for: at least `min`, at most `max` (null: no ceiling). */
export interface WorkerBand {
  min: number;
  max: number | null;
}

/** The bands of Art. 38, by the first headcount of each. */
const workerBands: readonly { from: number; band: WorkerBand }[] = [
  { from: 1_000, band: { min: 24, max: null } },
  { from: 500, band: { min: 19, max: 23 } },
  { from: 300, band: { min: 14, max: 18 } },
  { from: 150, band: { min: 9, max: 13 } },
  { from: 50, band: { min: 4, max: 8 } },
  { from: 1, band: { min: 3, max: null } },
];

/** The band of worker representatives for an enterprise of `headcount` workers. */
export function workerBandOf(headcount: number): WorkerBand {
  if (!Number.isInteger(headcount) || headcount < 1) throw new RangeError(`a headcount is a whole number from 1: ${headcount}`);
  const found = workerBands.find((entry) => headcount >= entry.from);
  if (!found) throw new RangeError(`no band for ${headcount} workers`);
  return found.band;
}

/** The employer side counts at least this many (Art. 38(1)). */
export const employerSideMinimum = 3;

/**
 * Kinds Art. 38–39 apply to: the dialogues at the workplace (periodic, on request, on a specific
 * matter). The worker conference has its own rules (Art. 47: a plenary or delegates' conference);
 * a federation's provincial conference is outside Decree 145's workplace rules.
 */
export function isWorkplaceDialogue(kind: DialogueKind): boolean {
  return kind === 'periodic' || kind === 'on_request' || kind === 'specific_matter';
}

export interface CompositionShortfall {
  /** The employer side counts fewer than 3, or lacks the legal representative. */
  employerCount: boolean;
  legalRepresentative: boolean;
  /** The worker side is outside its band (too few, or more than its ceiling). */
  workerBand: boolean;
  /** Women workers' issues are on the agenda and no woman sits on the worker side. */
  female: boolean;
}

export interface Composition {
  employer: { count: number; legalRepresentative: boolean };
  worker: { count: number; band: WorkerBand | null; female: number; femaleNeeded: boolean };
  shortfall: CompositionShortfall;
}

function sideOf(participants: readonly DialogueParticipant[], side: DialogueParticipant['side']): DialogueParticipant[] {
  return participants.filter((participant) => participant.side === side);
}

/** The composition of a dialogue against Art. 38; a kind outside it, or an unknown headcount, has no band. */
export function compositionOf(dialogue: Pick<Dialogue, 'kind' | 'enterprise' | 'participants' | 'agenda'>): Composition {
  const employer = sideOf(dialogue.participants, 'employer');
  const worker = sideOf(dialogue.participants, 'union');
  const band = isWorkplaceDialogue(dialogue.kind) && dialogue.enterprise.headcount !== null ? workerBandOf(dialogue.enterprise.headcount) : null;
  const legalRepresentative = employer.some((participant) => participant.legalRepresentative);
  const female = worker.filter((participant) => participant.female).length;
  const femaleNeeded = dialogue.agenda.some((item) => item.womenIssue);
  const applies = isWorkplaceDialogue(dialogue.kind);
  return {
    employer: { count: employer.length, legalRepresentative },
    worker: { count: worker.length, band, female, femaleNeeded },
    shortfall: {
      employerCount: applies && employer.length < employerSideMinimum,
      legalRepresentative: applies && !legalRepresentative,
      workerBand: band !== null && (worker.length < band.min || (band.max !== null && worker.length > band.max)),
      female: applies && femaleNeeded && female === 0,
    },
  };
}

export interface Quorum {
  /** The legal representative, or a person they authorised, is present. */
  employerHead: boolean;
  workersPresent: number;
  workersListed: number;
  met: boolean;
}

/** More than 70% of the worker representatives: present / listed > 7 / 10, in whole numbers. */
export function workersQuorate(present: number, listed: number): boolean {
  return listed > 0 && present * 10 > listed * 7;
}

/** The quorum of Art. 39 from the attendance recorded (participants present, by id). */
export function quorumOf(participants: readonly DialogueParticipant[], presentIds: readonly string[]): Quorum {
  const present = new Set(presentIds);
  const employerHead = participants.some(
    (participant) => participant.side === 'employer' && (participant.legalRepresentative || participant.authorised) && present.has(participant.id),
  );
  const workers = sideOf(participants, 'union');
  const workersPresent = workers.filter((participant) => present.has(participant.id)).length;
  return { employerHead, workersPresent, workersListed: workers.length, met: employerHead && workersQuorate(workersPresent, workers.length) };
}
