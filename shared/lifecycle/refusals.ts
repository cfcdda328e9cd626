/** How a lifecycle rule says no: a code for the API, the reason in both languages with its article. */
import type { IsoDate } from '#shared/calendar/isoDate';
import { formatCitation } from '#shared/compliance/citations';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { EventFacts } from '#shared/lifecycle/model';
import type { NegotiationStanding } from '#shared/lifecycle/voteReadiness';

export interface StepRefusal {
  /** forbidden: not this person's step; conflict: not in this state; invalid_input: the facts given do not hold. */
  code: 'forbidden' | 'conflict' | 'invalid_input';
  message: Bilingual;
  citation?: LegalCitation;
}

/** What a step does when allowed: the state it leads to and the facts it records. */
export type StepDecision = { ok: true; to: LifecycleState; facts: EventFacts } | { ok: false; refusal: StepRefusal };

/** What a rule may need besides the lifecycle: today, and facts stated in the text or known to the server. */
export interface StepEnvironment {
  /** Today in Vietnam. */
  today: IsoDate;
  /** The `effective_date` variable of the text (the date "written in the agreement", Art. 78(1)). */
  textEffectiveDate?: IsoDate;
  /** The `term_years` variable of the text. */
  textTermYears?: number;
  /** Whether a worker representative (union) takes part in the document. */
  hasUnionParticipant: boolean;
  /** The draft's articles in the negotiation and the violations of the law in it (read only by the steps that need them). */
  negotiation: () => NegotiationStanding;
  /** The content hash of the text as it stands (what a signed version made now would hold). */
  textHash: () => string;
}

/** A refusal whose message ends with the provision it rests on. */
export function refusal(code: StepRefusal['code'], citation: LegalCitation | undefined, message: Bilingual): StepDecision {
  const cite = (language: 'vi' | 'en') => (citation ? ` (${formatCitation(citation, language)})` : '');
  return { ok: false, refusal: { code, message: { vi: `${message.vi}${cite('vi')}.`, en: `${message.en}${cite('en')}.` }, ...(citation ? { citation } : {}) } };
}

/** The decision to take a step. */
export function allowed(to: LifecycleState, facts: EventFacts): StepDecision {
  return { ok: true, to, facts };
}

/** A date of something that has happened: not after today. */
export function futureDate(date: IsoDate, what: Bilingual, today: IsoDate): StepDecision | null {
  if (date <= today) return null;
  return refusal('invalid_input', undefined, {
    vi: `${what.vi} (${formatIsoDate(date)}) ở sau hôm nay (${formatIsoDate(today)}): chỉ ghi nhận việc đã diễn ra`,
    en: `${what.en} (${formatIsoDate(date)}) is after today (${formatIsoDate(today)}): only what has happened is recorded`,
  });
}

/** A date that cannot come before an earlier event of the procedure. */
export function dateBefore(date: IsoDate, what: Bilingual, earlier: IsoDate, earlierWhat: Bilingual, citation?: LegalCitation): StepDecision | null {
  if (date >= earlier) return null;
  return refusal('invalid_input', citation, {
    vi: `${what.vi} (${formatIsoDate(date)}) không thể trước ${earlierWhat.vi} (${formatIsoDate(earlier)})`,
    en: `${what.en} (${formatIsoDate(date)}) cannot be before ${earlierWhat.en} (${formatIsoDate(earlier)})`,
  });
}

/** The first refusal among checks, or null when all pass. */
export function firstRefusal(...checks: (StepDecision | null)[]): StepDecision | null {
  return checks.find((check) => check !== null) ?? null;
}
