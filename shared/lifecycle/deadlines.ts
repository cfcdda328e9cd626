/**
 * The time limits of the procedure, computed from the recorded dates and today, in calendar days
 * or in working days as the law says (shared/calendar counts them: the event's day is not counted,
 * a last day on a day off moves to the next working day, public holidays are those in force).
 * A time limit that runs through a year whose holidays the calendar does not know is not guessed:
 * it is listed as uncounted, with the reason.
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import { UnknownHolidayYearError } from '#shared/calendar/publicHolidays';
import { addWorkingDays, calendarDayDeadline, daysLeft, weekendRestCalendar, workingDaysLeft, type WorkingCalendar } from '#shared/calendar/workingDays';
import { lc } from '#shared/compliance/citations';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import type { RoundFacts } from '#shared/lifecycle/model';
import { latestAnswer, type LifecycleRecord } from '#shared/lifecycle/record';
import { amendmentsPending, regulationsEffectiveOn, renewalWindowStart } from '#shared/lifecycle/timeStates';

export const deadlineIds = [
  'bargaining_logistics',
  'bargaining_start',
  'bargaining_conclusion',
  'filing',
  'effective',
  'renewal_window',
  'expiry',
  'registration_filing',
  'authority_answer',
  'regulations_effect',
] as const;

export type DeadlineId = (typeof deadlineIds)[number];

/**
 * open: still to do, `left` days remain (negative: overdue); met / missed: done on `doneOn`, in
 * time or late; date: a date the calendar reaches by itself (effect, expiry), `left` days away.
 */
export type DeadlineStatus = 'open' | 'met' | 'missed' | 'date';

export interface CountedDeadline {
  id: DeadlineId;
  citation: LegalCitation;
  due: IsoDate;
  unit: 'days' | 'working_days';
  /** Days (or working days) from today to `due`: 0 on the day, negative once past. */
  left: number;
  status: DeadlineStatus;
  doneOn?: IsoDate;
}

/** A time limit the calendar cannot count, because its days run through a year whose holidays are unknown. */
export interface UncountedDeadline {
  id: DeadlineId;
  citation: LegalCitation;
  unit: 'days' | 'working_days';
  status: 'uncounted';
  /** Which year, and the years the calendar knows, in both languages. */
  reason: Bilingual;
  doneOn?: IsoDate;
}

export type Deadline = CountedDeadline | UncountedDeadline;

/** Art. 70(1): time, place and method agreed within 7 working days of receiving the request. */
export const logisticsWorkingDays = 7;
/** Art. 70(1): bargaining starts no later than 30 days after the request is received. */
export const bargainingStartDays = 30;
/** Art. 70(1): bargaining lasts no more than 90 days from its start, unless the parties agree otherwise. */
export const bargainingDays = 90;
/** Art. 77: the agreement is sent within 10 days of signing. */
export const filingDays = 10;
/** Art. 119(2): the registration dossier is filed within 10 days of issue. */
export const registrationDays = 10;
/** Art. 119(3): the authority asks for amendments within 7 working days of receiving the dossier. */
export const answerWorkingDays = 7;

/** Art. 119(3): the last day for the authority to ask for amendments; it counts its working days Monday to Friday. */
export function answerDeadline(filedOn: IsoDate): IsoDate {
  return addWorkingDays(filedOn, answerWorkingDays, weekendRestCalendar);
}

/** The last day to send a signed agreement (Art. 77). */
export function filingDeadline(signedOn: IsoDate): IsoDate {
  return calendarDayDeadline(signedOn, filingDays);
}

/** A task to do by a deadline; `dueDate` counts it (and may find a year the calendar does not know). */
function task(
  id: DeadlineId,
  citation: LegalCitation,
  dueDate: () => IsoDate,
  today: IsoDate,
  doneOn: IsoDate | undefined,
  workingCalendar?: WorkingCalendar,
): Deadline {
  const unit = workingCalendar || id === 'bargaining_logistics' ? 'working_days' : 'days';
  try {
    const due = dueDate();
    const left = unit === 'working_days' ? workingDaysLeft(today, due, workingCalendar) : daysLeft(today, due);
    if (doneOn === undefined) return { id, citation, due, unit, left, status: 'open' };
    return { id, citation, due, unit, left, status: doneOn <= due ? 'met' : 'missed', doneOn };
  } catch (error) {
    if (!(error instanceof UnknownHolidayYearError)) throw error;
    return { id, citation, unit, status: 'uncounted', reason: error.reason, ...(doneOn === undefined ? {} : { doneOn }) };
  }
}

function date(id: DeadlineId, citation: LegalCitation, due: IsoDate, today: IsoDate): Deadline {
  return { id, citation, due, unit: 'days', left: daysLeft(today, due), status: 'date' };
}

function agreementDeadlines(round: RoundFacts, today: IsoDate): Deadline[] {
  const deadlines: Deadline[] = [];
  const { bargaining, signing } = round;
  if (bargaining) {
    deadlines.push(
      task(
        'bargaining_logistics',
        lc(70, 1),
        () => addWorkingDays(bargaining.requestReceivedOn, logisticsWorkingDays),
        today,
        bargaining.logisticsAgreedOn ?? bargaining.startedOn,
      ),
    );
    deadlines.push(
      task('bargaining_start', lc(70, 1), () => calendarDayDeadline(bargaining.requestReceivedOn, bargainingStartDays), today, bargaining.startedOn),
    );
    if (bargaining.startedOn) {
      const { startedOn, conclusionAgreedBy } = bargaining;
      deadlines.push(
        task(
          'bargaining_conclusion',
          lc(70, 1),
          () => conclusionAgreedBy ?? calendarDayDeadline(startedOn, bargainingDays),
          today,
          bargaining.concludedOn ?? signing?.signedOn,
        ),
      );
    }
  }
  if (signing) {
    deadlines.push(task('filing', lc(77), () => filingDeadline(signing.signedOn), today, round.sentToAuthority?.sentOn));
    deadlines.push(date('effective', lc(78, 1), signing.effectiveOn, today));
    deadlines.push(date('renewal_window', lc(83, 1), renewalWindowStart(signing.expiresOn), today));
    deadlines.push(date('expiry', lc(78, 3), signing.expiresOn, today));
  }
  return deadlines;
}

function regulationsDeadlines(round: RoundFacts, today: IsoDate): Deadline[] {
  const deadlines: Deadline[] = [];
  if (round.issue) {
    const { issuedOn } = round.issue;
    deadlines.push(task('registration_filing', lc(119, 2), () => calendarDayDeadline(issuedOn, registrationDays), today, round.registration?.filedOn));
  }
  if (round.registration) {
    const { filedOn } = round.registration;
    deadlines.push(task('authority_answer', lc(119, 3), () => answerDeadline(filedOn), today, latestAnswer(round)?.decidedOn, weekendRestCalendar));
    if (!amendmentsPending(round)) deadlines.push(date('regulations_effect', lc(121), regulationsEffectiveOn(filedOn), today));
  }
  return deadlines;
}

/** Every time limit and key date of the round in progress, with the days left from today. */
export function deadlinesOf(record: LifecycleRecord, today: IsoDate): Deadline[] {
  return isCollectiveAgreement(record.kind) ? agreementDeadlines(record.current, today) : regulationsDeadlines(record.current, today);
}

/**
 * What the header shows: a task still to do that cannot be counted (it has no date to wait for),
 * else the open task due soonest, else the nearest date still to come.
 */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  const uncounted = deadlines.find((deadline) => deadline.status === 'uncounted' && deadline.doneOn === undefined);
  if (uncounted) return uncounted;
  const counted = deadlines.filter((deadline): deadline is CountedDeadline => deadline.status !== 'uncounted').sort((a, b) => a.due.localeCompare(b.due));
  return counted.find((deadline) => deadline.status === 'open') ?? counted.find((deadline) => deadline.status === 'date' && deadline.left >= 0);
}
