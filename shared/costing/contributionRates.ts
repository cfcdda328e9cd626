/**
 * The employer's contributions on wages, as dated data with their source: a law or decree that
 * changes a rate, a cap or the reference level is a new entry here (and the `to` of the one before),
 * not a change to the engine. Caps on the basis are either 20 times the reference level (mức tham
 * chiếu) or 20 times the regional minimum wage of shared/compliance/data/minimumWages.ts.
 * The uncertainties of these figures are listed in docs/costing.md (Data sources).
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import type { Bilingual } from '#shared/templates/schema';

export const contributionKinds = ['retirement', 'sickness', 'accident', 'health', 'unemployment', 'union'] as const;

export type ContributionKind = (typeof contributionKinds)[number];

/** What a contribution's basis is capped at, in multiples of a monthly figure in force that month. */
export type ContributionCap = { multiple: number; of: 'referenceLevel' } | { multiple: number; of: 'regionalMinimumWage' };

export interface ContributionRate {
  kind: ContributionKind;
  name: Bilingual;
  /** The employer's rate in basis points of the contribution basis (1400 = 14 %). */
  basisPoints: number;
  cap: ContributionCap;
  /** Inclusive dates; `to` absent while in force. */
  inForce: { from: IsoDate; to?: IsoDate };
  source: Bilingual;
}

export interface ReferenceLevel {
  /** VND a month. */
  monthly: number;
  inForce: { from: IsoDate; to?: IsoDate };
  source: Bilingual;
}

const socialInsuranceLaw: Bilingual = { vi: 'Luật Bảo hiểm xã hội số 41/2024/QH15', en: 'Social Insurance Law 41/2024/QH15' };
const referenceCap: ContributionCap = { multiple: 20, of: 'referenceLevel' };

export const contributionRates: readonly ContributionRate[] = [
  {
    kind: 'retirement',
    name: { vi: 'BHXH: quỹ hưu trí và tử tuất', en: 'Social insurance: retirement and survivors' },
    basisPoints: 1400,
    cap: referenceCap,
    inForce: { from: '2025-07-01' },
    source: socialInsuranceLaw,
  },
  {
    kind: 'sickness',
    name: { vi: 'BHXH: quỹ ốm đau và thai sản', en: 'Social insurance: sickness and maternity' },
    basisPoints: 300,
    cap: referenceCap,
    inForce: { from: '2025-07-01' },
    source: socialInsuranceLaw,
  },
  {
    kind: 'accident',
    name: { vi: 'Quỹ bảo hiểm tai nạn lao động, bệnh nghề nghiệp', en: 'Occupational accident and disease insurance' },
    basisPoints: 50,
    cap: referenceCap,
    inForce: { from: '2025-07-01' },
    source: {
      vi: 'Luật An toàn, vệ sinh lao động 2015; Nghị định 58/2020/NĐ-CP',
      en: 'Law on Occupational Safety and Hygiene 2015; Decree 58/2020/ND-CP',
    },
  },
  {
    kind: 'health',
    name: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
    basisPoints: 300,
    cap: referenceCap,
    inForce: { from: '2025-07-01' },
    source: { vi: 'Luật Bảo hiểm y tế', en: 'Law on Health Insurance' },
  },
  {
    // Until the Law on Employment 74/2025/QH15 took effect, the Law on Employment 2013 set the same 1 %.
    kind: 'unemployment',
    name: { vi: 'Bảo hiểm thất nghiệp', en: 'Unemployment insurance' },
    basisPoints: 100,
    cap: { multiple: 20, of: 'regionalMinimumWage' },
    inForce: { from: '2025-07-01', to: '2025-12-31' },
    source: { vi: 'Luật Việc làm số 38/2013/QH13', en: 'Law on Employment 38/2013/QH13' },
  },
  {
    kind: 'unemployment',
    name: { vi: 'Bảo hiểm thất nghiệp', en: 'Unemployment insurance' },
    basisPoints: 100,
    cap: { multiple: 20, of: 'regionalMinimumWage' },
    inForce: { from: '2026-01-01' },
    source: { vi: 'Luật Việc làm số 74/2025/QH15', en: 'Law on Employment 74/2025/QH15' },
  },
  {
    kind: 'union',
    name: { vi: 'Kinh phí công đoàn', en: 'Trade union fund' },
    basisPoints: 200,
    cap: referenceCap,
    inForce: { from: '2025-07-01' },
    source: { vi: 'Luật Công đoàn số 50/2024/QH15', en: 'Trade Union Law 50/2024/QH15' },
  },
];

export const referenceLevels: readonly ReferenceLevel[] = [
  {
    monthly: 2_340_000,
    inForce: { from: '2024-07-01' },
    source: {
      vi: 'Mức tham chiếu (Luật Bảo hiểm xã hội số 41/2024/QH15), bằng mức lương cơ sở của Nghị định 73/2024/NĐ-CP',
      en: 'Reference level (Social Insurance Law 41/2024/QH15), equal to the base salary of Decree 73/2024/ND-CP',
    },
  },
];

/** The first day the data covers for every contribution (a costing before it is refused). */
export const contributionDataFrom: IsoDate = '2025-07-01';

function inForceOn(date: IsoDate, inForce: { from: IsoDate; to?: IsoDate }): boolean {
  return date >= inForce.from && (inForce.to === undefined || date <= inForce.to);
}

/** Each contribution's rate in force on a date, in the order of contributionKinds; undefined where the data does not cover the date. */
export function contributionRatesOn(date: IsoDate): readonly ContributionRate[] | undefined {
  const rates = contributionKinds.map((kind) => contributionRates.find((rate) => rate.kind === kind && inForceOn(date, rate.inForce)));
  return rates.every((rate) => rate !== undefined) ? rates : undefined;
}

/** The reference level in force on a date, if the data covers it. */
export function referenceLevelOn(date: IsoDate): ReferenceLevel | undefined {
  return referenceLevels.find((level) => inForceOn(date, level.inForce));
}
