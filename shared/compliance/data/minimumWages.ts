/**
 * Regional minimum wages (lương tối thiểu vùng, LC Art. 91), dated: an agreement is checked against
 * the table in force on its date. A new decree is one new entry (and the `to` of the one before).
 * Sources: Decree 74/2024/NĐ-CP Art. 3 and Decree 293/2025/NĐ-CP Art. 3; their uncertainties are
 * listed in docs/compliance.md (Dated data, Uncertainties).
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import type { Region } from '#shared/templates/variableTypes';

export interface MinimumWageTable {
  id: string;
  decree: Bilingual;
  /** Inclusive dates; `to` absent while in force. */
  inForce: { from: IsoDate; to?: IsoDate };
  /** VND a month, for full normal hours. */
  monthly: Readonly<Record<Region, number>>;
  /** VND an hour. */
  hourly: Readonly<Record<Region, number>>;
  /** False where a figure was not confirmed by a source (the hourly figures of Decree 74/2024; docs/compliance.md, Uncertainties). */
  hourlyConfirmed: boolean;
  /** The provision to cite, when the citation list knows the decree. */
  citation?: LegalCitation;
}

export const minimumWageTables: readonly MinimumWageTable[] = [
  {
    // Decree 74/2024/ND-CP, 1 Jul 2024 – 31 Dec 2025 (repealed by Decree 293/2025 Art. 5). Monthly
    // figures agreed by many sources; the hourly figures are UNCONFIRMED (from memory, no source).
    id: 'D74/2024',
    decree: { vi: 'Nghị định 74/2024/NĐ-CP (01/7/2024 – 31/12/2025)', en: 'Decree 74/2024/ND-CP (1 Jul 2024 – 31 Dec 2025)' },
    inForce: { from: '2024-07-01', to: '2025-12-31' },
    monthly: { I: 4_960_000, II: 4_410_000, III: 3_860_000, IV: 3_450_000 },
    hourly: { I: 23_800, II: 21_200, III: 18_600, IV: 16_600 },
    hourlyConfirmed: false,
  },
  {
    // Decree 293/2025/ND-CP of 10 Nov 2025, Art. 3, in force from 1 Jan 2026 [PD].
    id: 'D293/2025',
    decree: { vi: 'Nghị định 293/2025/NĐ-CP (từ 01/01/2026)', en: 'Decree 293/2025/ND-CP (from 1 Jan 2026)' },
    inForce: { from: '2026-01-01' },
    monthly: { I: 5_310_000, II: 4_730_000, III: 4_140_000, IV: 3_700_000 },
    hourly: { I: 25_500, II: 22_700, III: 20_000, IV: 17_800 },
    hourlyConfirmed: true,
    citation: { law: 'D293', article: 3 },
  },
];

/** The minimum-wage table in force on a date, if the data covers it (from 1 Jul 2024). */
export function minimumWageTableOn(date: IsoDate): MinimumWageTable | undefined {
  return minimumWageTables.find((table) => date >= table.inForce.from && (table.inForce.to === undefined || date <= table.inForce.to));
}
