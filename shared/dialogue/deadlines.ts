/**
 * The deadlines of a dialogue, in working days of Vietnam's calendar (shared/calendar): a written
 * reply to a request within 5 working days (Decree 145/2020/ND-CP Art. 40); the agenda and content
 * sent at least 5 working days before the meeting (Art. 39); the main content published within 3
 * working days after it (Art. 39).
 *
 * "At least 5 working days before" is read as five whole working days between the day the agenda
 * is sent and the day of the meeting, neither counted: the safer reading for whoever must comply.
 */
import { shiftDate, type IsoDate } from '#shared/calendar/isoDate';
import { UnknownHolidayYearError } from '#shared/calendar/publicHolidays';
import { addWorkingDays, isWorkingDay, sundayRestCalendar, weekendRestCalendar, workingDaysLeft, type WorkingCalendar } from '#shared/calendar/workingDays';
import { d145 } from '#shared/compliance/citations';
import type { Dialogue } from '#shared/dialogue/model';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';

export const requestReplyWorkingDays = 5;
export const agendaNoticeWorkingDays = 5;
export const publicationWorkingDays = 3;

/** The working calendar of the enterprise: its weekly rest days and Vietnam's public holidays. */
export function calendarOf(dialogue: Pick<Dialogue, 'enterprise'>): WorkingCalendar {
  return dialogue.enterprise.restDays === 'saturday_sunday' ? weekendRestCalendar : sundayRestCalendar;
}

/** The last day the agenda may be sent for a meeting on `meeting`: five working days lie between them. */
export function latestAgendaDay(meeting: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): IsoDate {
  let day = meeting;
  for (let counted = 0; counted < agendaNoticeWorkingDays; ) {
    day = shiftDate(day, -1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return shiftDate(day, -1);
}

/** The last day to publish the main content of a meeting held on `heldOn`. */
export function publicationDeadline(heldOn: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): IsoDate {
  return addWorkingDays(heldOn, publicationWorkingDays, calendar);
}

/** The last day of the written reply to a request received on `requestedOn`. */
export function requestReplyDeadline(requestedOn: IsoDate, calendar: WorkingCalendar = sundayRestCalendar): IsoDate {
  return addWorkingDays(requestedOn, requestReplyWorkingDays, calendar);
}

export type DialogueDeadlineId = 'request_reply' | 'agenda' | 'publication';

export interface DialogueDeadline {
  id: DialogueDeadlineId;
  citation: LegalCitation;
  due: IsoDate | null;
  workingDaysLeft: number | null;
  status: 'open' | 'met' | 'missed' | 'unknown';
  reason: Bilingual | null;
}

const noMeetingDate: Bilingual = { vi: 'Chưa có ngày họp.', en: 'The meeting has no date yet.' };

/** A deadline met or missed by a step done on `doneOn`, or open (or missed) today when the step is still to do. */
function deadline(
  id: DialogueDeadlineId,
  citation: LegalCitation,
  due: () => IsoDate | null,
  doneOn: IsoDate | null,
  today: IsoDate,
  calendar: WorkingCalendar,
): DialogueDeadline {
  let last: IsoDate | null;
  try {
    last = due();
  } catch (error) {
    if (error instanceof UnknownHolidayYearError) return { id, citation, due: null, workingDaysLeft: null, status: 'unknown', reason: error.reason };
    throw error;
  }
  if (last === null) return { id, citation, due: null, workingDaysLeft: null, status: 'unknown', reason: noMeetingDate };
  if (doneOn !== null) return { id, citation, due: last, workingDaysLeft: null, status: doneOn <= last ? 'met' : 'missed', reason: null };
  try {
    const left = workingDaysLeft(today, last, calendar);
    return { id, citation, due: last, workingDaysLeft: left, status: today <= last ? 'open' : 'missed', reason: null };
  } catch (error) {
    if (error instanceof UnknownHolidayYearError)
      return { id, citation, due: last, workingDaysLeft: null, status: today <= last ? 'open' : 'missed', reason: error.reason };
    throw error;
  }
}

/** The deadlines that apply to a dialogue now, in the order of its steps. */
export function dialogueDeadlines(dialogue: Dialogue, today: IsoDate): DialogueDeadline[] {
  const calendar = calendarOf(dialogue);
  const result: DialogueDeadline[] = [];
  const { request } = dialogue;
  if (request) {
    result.push(deadline('request_reply', d145(40), () => requestReplyDeadline(request.requestedOn, calendar), request.reply?.on ?? null, today, calendar));
  }
  if (dialogue.state === 'requested') return result;
  const meeting = dialogue.meeting.date;
  result.push(deadline('agenda', d145(39), () => (meeting === null ? null : latestAgendaDay(meeting, calendar)), dialogue.agendaSentOn, today, calendar));
  const heldOn = dialogue.heldOn;
  if (heldOn !== null) {
    result.push(deadline('publication', d145(39), () => publicationDeadline(heldOn, calendar), dialogue.publishedOn, today, calendar));
  }
  return result;
}
