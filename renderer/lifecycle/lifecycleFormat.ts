import type { TFunction } from 'i18next';
import type { DeadlineView, LifecycleView } from '#shared/api/lifecycle';
import type { ReviewView } from '#shared/api/review';
import type { Language } from '#shared/format/locale';
import { formatIsoDate } from '#shared/format/vietnamTime';
import type { BargainingSide } from '#shared/negotiation/model';

type CountedDeadlineView = Exclude<DeadlineView, { status: 'uncounted' }>;

/** How far a deadline is, in words: days (or working days) left, overdue, done in time or late. */
export function deadlineLeft(t: TFunction, deadline: CountedDeadlineView): string {
  if (deadline.status === 'met') return t('lifecycle.left.met', { date: formatIsoDate(deadline.doneOn ?? deadline.due) });
  if (deadline.status === 'missed') return t('lifecycle.left.missed', { date: formatIsoDate(deadline.doneOn ?? deadline.due) });
  const working = deadline.unit === 'working_days';
  if (deadline.left === 0) return t('lifecycle.left.today');
  if (deadline.left < 0)
    return deadline.status === 'date'
      ? t('lifecycle.left.past', { count: -deadline.left })
      : t(working ? 'lifecycle.left.overdue_working' : 'lifecycle.left.overdue', { count: -deadline.left });
  return t(working ? 'lifecycle.left.working_days' : 'lifecycle.left.days', { count: deadline.left });
}

/** When a deadline is, in words: its date and how far it is, or why the calendar cannot count it. */
export function deadlineWhen(t: TFunction, deadline: DeadlineView, language: Language): string {
  if (deadline.status === 'uncounted') return deadline.reason[language];
  return `${formatIsoDate(deadline.due)} — ${deadlineLeft(t, deadline)}`;
}

/** The authority's answer deadline of a review, in words: by when and the working days left, or why it cannot be counted. */
export function answerDeadlineText(t: TFunction, deadline: NonNullable<ReviewView['answerDeadline']>, language: Language): string {
  if ('reason' in deadline) return deadline.reason[language];
  return deadline.workingDaysLeft >= 0
    ? t('review.answerDeadline', { date: formatIsoDate(deadline.due), count: deadline.workingDaysLeft })
    : t('review.answerOverdue', { date: formatIsoDate(deadline.due) });
}

/** Whether a deadline needs attention: still to do and overdue, done late, or not countable by the calendar. */
export function isDeadlineAlarming(deadline: DeadlineView): boolean {
  return deadline.status === 'missed' || deadline.status === 'uncounted' || (deadline.status === 'open' && deadline.left < 0);
}

/** The side whose signature the agreement still awaits, once the other side has signed (Art. 76(4)). */
export function awaitingSignature(round: LifecycleView['current']): BargainingSide | null {
  if (round.signing) return null;
  const { employer, union } = round.signatures;
  return employer && !union ? 'union' : union && !employer ? 'employer' : null;
}
