import { expect } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import type { LifecycleView } from '#shared/api/lifecycle';
import type { DocumentKind } from '#shared/documents/kinds';
import type { LifecycleStepInput } from '#shared/lifecycle/model';
import type { VariableValue } from '#shared/templates/schema';
import { expectApiError, type ApiFixture, type TestClock } from '../helpers/apiTransports';
import { agreementBody, joinSeat, type Seat } from '../negotiation/negotiationFixture';

/** 10:00 in Vietnam (03:00 UTC) on a date: the clock of a test that walks through the calendar. */
export function vietnamMorning(date: string): number {
  return Date.parse(`${date}T03:00:00Z`);
}

/** Moves a test clock forward to 10:00 (Vietnam) on a date. */
export function goTo(clock: TestClock, date: string): void {
  const delta = vietnamMorning(date) - clock.now();
  if (delta < 0) throw new Error(`the clock cannot go back to ${date}`);
  clock.advance(delta);
}

export interface Table {
  documentId: string;
  employer: Seat;
  union: Seat;
  reviewer: Seat;
  admin: ApiClient;
}

/** A document with one seat per side: the employer, the union and a reviewer of the labour authority. */
export async function openTable(
  api: ApiFixture,
  admin: ApiClient,
  kind: DocumentKind = 'enterprise_agreement',
  variables: Record<string, VariableValue> = {},
): Promise<Table> {
  const title = kind === 'labour_regulations' ? 'Nội quy lao động Công ty May Sông Hồng' : 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027';
  const document = await admin.call('documents/create', { kind, title, content: agreementBody(), variables });
  const employer = await joinSeat(api, admin, document.id, 'employer', 'Chị Lan (Phòng Nhân sự)');
  const union = await joinSeat(api, admin, document.id, 'union', 'Anh Minh (Công đoàn cơ sở)');
  const reviewer = await joinSeat(api, admin, document.id, 'reviewer', 'Bà Hạnh (Sở Nội vụ)');
  return { documentId: document.id, employer, union, reviewer, admin };
}

/** Takes a step as a seat (or the host). */
export function take(client: ApiClient, documentId: string, step: LifecycleStepInput): Promise<LifecycleView> {
  return client.call('lifecycle/step', { documentId, step });
}

/** Everything a refused step must leave as it was: the lifecycle, its stored steps, the document row, the audit log. */
export async function lifecycleSnapshot(api: ApiFixture, admin: ApiClient, documentId: string) {
  return {
    view: await admin.call('lifecycle/get', { documentId }),
    events: await api.store.lifecycle.listByDocument(documentId),
    document: await api.store.documents.get(documentId),
    audit: (await api.store.audit.listByDocument(documentId)).length,
    signedVersions: (await api.store.versions.signed(documentId)).length,
  };
}

/** A step that must be refused with `code` (and a message matching `message`), changing nothing. */
export async function refusedUnchanged(
  api: ApiFixture,
  admin: ApiClient,
  documentId: string,
  call: () => Promise<unknown>,
  code: ApiErrorCode,
  message?: RegExp,
): Promise<void> {
  const before = await lifecycleSnapshot(api, admin, documentId);
  await expectApiError(call(), code, message);
  expect(await lifecycleSnapshot(api, admin, documentId)).toEqual(before);
}

/** Both sides agree every article not agreed yet (a tentative agreement on each, in the order of the text), but those named. */
export async function agreeAll(table: Pick<Table, 'documentId' | 'employer' | 'union'>, except: readonly string[] = []): Promise<void> {
  const open = await table.union.client.call('lifecycle/openItems', { documentId: table.documentId });
  for (const { clauseId } of open.notAgreed.filter((article) => !except.includes(article.clauseId))) {
    await table.employer.client.call('articles/agree', { documentId: table.documentId, clauseId });
    await table.union.client.call('articles/agree', { documentId: table.documentId, clauseId });
  }
}

/** Who signs for each side (Art. 76(4)), and where. */
export const representatives = {
  employer: { name: 'Trần Văn Hùng', title: 'Tổng Giám đốc' },
  union: { name: 'Nguyễn Thị Mai', title: 'Chủ tịch Công đoàn cơ sở' },
} as const;

/** One side's signature; the side is named only when the host records it. */
export function signature(
  side: 'employer' | 'union',
  signedOn: string,
  terms: { effectiveOn?: string; termMonths?: number } = {},
  forHost = false,
): LifecycleStepInput {
  return { type: 'sign', ...(forHost ? { side } : {}), signedOn, representative: representatives[side], place: 'Thủ Dầu Một, Bình Dương', ...terms };
}

/** The employer signs (with the terms), then the union: the agreement is signed. */
export async function signBoth(table: Table, signedOn: string, terms: { effectiveOn?: string; termMonths?: number } = {}): Promise<LifecycleView> {
  await take(table.employer.client, table.documentId, signature('employer', signedOn, terms));
  return take(table.union.client, table.documentId, signature('union', signedOn));
}

/** Articles left not agreed when the draft goes to the vote, and the union's written reason for putting it to the vote regardless. */
export interface NotAgreed {
  except: readonly string[];
  override: string;
}

/**
 * The enterprise agreement through bargaining to a draft before the workers (request 4 Jan 2027,
 * start 11 Jan, every article agreed but those named, vote opened 20 Jan).
 */
export async function toVote(clock: TestClock, table: Table, notAgreed: NotAgreed | null = null): Promise<void> {
  const { documentId, employer, union } = table;
  await take(union.client, documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' });
  goTo(clock, '2027-01-11');
  await take(employer.client, documentId, { type: 'record_bargaining_dates', logisticsAgreedOn: '2027-01-08', startedOn: '2027-01-11' });
  await agreeAll(table, notAgreed?.except);
  goTo(clock, '2027-01-20');
  await take(union.client, documentId, { type: 'open_vote', ...(notAgreed ? { override: notAgreed.override } : {}) });
}

/** Then the union records 51 of 100 workers in favour (22 Jan) and both sides sign (27 Jan). */
export async function toSigned(
  clock: TestClock,
  table: Table,
  sign: { effectiveOn?: string; termMonths?: number } = { effectiveOn: '2027-03-01', termMonths: 36 },
  notAgreed: NotAgreed | null = null,
): Promise<LifecycleView> {
  await toVote(clock, table, notAgreed);
  goTo(clock, '2027-01-22');
  await take(table.union.client, table.documentId, { type: 'record_vote', votedOn: '2027-01-22', groups: [{ eligible: 100, votesCast: 60, inFavour: 51 }] });
  goTo(clock, '2027-01-27');
  return signBoth(table, '2027-01-27', sign);
}
