import type { TFunction } from 'i18next';
import type { VersionMeta } from '#shared/api/versions';
import type { ArticleRef, Person } from '#shared/versions/model';

/** How many article numbers a summary names before it says "and N more". */
const shownNumbers = 5;

function articles(t: TFunction, refs: readonly ArticleRef[]): string {
  const numbers = refs.map((ref) => (ref.number === null ? ref.title : String(ref.number)));
  const shown = numbers.slice(0, shownNumbers).join(', ');
  const list = numbers.length > shownNumbers ? t('history.summary.more', { shown, count: numbers.length - shownNumbers }) : shown;
  return t('history.summary.articles', { numbers: list });
}

/** A person's name as the history shows it (the host, or the text the document started from, has none). */
export function personName(t: TFunction, person: Person): string {
  return person.displayName ?? t('history.host');
}

/** The one line of the timeline that says what changed since the version before. */
export function summaryLine(t: TFunction, version: VersionMeta): string {
  const { summary } = version;
  if (version.kind === 'initial') return t('history.summary.initial', { count: summary.articleCount ?? summary.added.length });
  const parts: string[] = [];
  if (version.restoredFrom) parts.push(t('history.summary.restoredFrom', { number: version.restoredFrom.number }));
  if (summary.changed.length > 0) parts.push(t('history.summary.changed', { articles: articles(t, summary.changed) }));
  if (summary.added.length > 0) parts.push(t('history.summary.added', { articles: articles(t, summary.added) }));
  if (summary.removed.length > 0) parts.push(t('history.summary.removed', { articles: articles(t, summary.removed) }));
  if (summary.moved.length > 0) parts.push(t('history.summary.moved', { articles: articles(t, summary.moved) }));
  if (summary.variables.length > 0) parts.push(t('history.summary.variables', { count: summary.variables.length }));
  if (parts.length === 0) parts.push(t('history.summary.nothing'));
  const others = summary.contributors.filter((person) => person.participantId !== version.author.participantId);
  if (others.length > 0) parts.push(t('history.summary.with', { names: others.map((person) => personName(t, person)).join(', ') }));
  const line = parts.join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
