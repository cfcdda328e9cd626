/**
 * The employee vote on the negotiated draft (Labour Code Art. 76): who is counted and what passes.
 * - Enterprise agreement (76(1)): more than 50% of ALL the enterprise's workers, not of the votes cast.
 * - Sector agreement (76(2)): more than 50% of those consulted (the leadership of the grassroots
 *   representative organisations of the participating enterprises).
 * - Multi-enterprise agreement (76(2)): counted per enterprise; only enterprises where more than
 *   50% of those consulted approve may sign.
 */
import type { DocumentKind } from '#shared/documents/kinds';
import { lc } from '#shared/compliance/citations';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import type { VoteGroup, VoteResult } from '#shared/lifecycle/model';

/** Whether more than half of the base voted in favour (integers: 51 of 100 passes, 50 of 100 does not). */
export function isMajority(inFavour: number, base: number): boolean {
  return inFavour * 2 > base;
}

/** The citation of the vote rule for a kind of agreement. */
export function voteCitation(kind: DocumentKind): LegalCitation {
  return kind === 'enterprise_agreement' ? lc(76, 1) : lc(76, 2);
}

/** A vote that does not add up or does not fit the kind of agreement, in words; null when it is well formed. */
export function voteInputProblem(kind: DocumentKind, groups: readonly VoteGroup[]): Bilingual | null {
  if (kind !== 'multi_enterprise_agreement' && groups.length !== 1) {
    return {
      vi: 'Thỏa ước doanh nghiệp hoặc thỏa ước ngành ghi một kết quả biểu quyết duy nhất (Điều 76 Bộ luật Lao động 2019).',
      en: 'An enterprise or sector agreement records one vote count (Labour Code 2019 Art. 76).',
    };
  }
  const names = new Set<string>();
  for (const group of groups) {
    const label = group.name === '' ? '' : ` (${group.name})`;
    if (group.inFavour > group.eligible) {
      return {
        vi: `Số tán thành${label} (${group.inFavour}) lớn hơn tổng số được lấy ý kiến (${group.eligible}).`,
        en: `More votes in favour${label} (${group.inFavour}) than people counted (${group.eligible}).`,
      };
    }
    if (group.votesCast !== undefined && (group.votesCast > group.eligible || group.inFavour > group.votesCast)) {
      return {
        vi: `Số phiếu${label} không khớp: ${group.inFavour} tán thành, ${group.votesCast} phiếu, ${group.eligible} người.`,
        en: `The ballots${label} do not add up: ${group.inFavour} in favour, ${group.votesCast} cast, ${group.eligible} people.`,
      };
    }
    if (kind === 'multi_enterprise_agreement') {
      if (group.name === '')
        return {
          vi: 'Thỏa ước có nhiều doanh nghiệp: ghi tên từng doanh nghiệp và kết quả biểu quyết của doanh nghiệp đó (khoản 2 Điều 76).',
          en: 'A multi-enterprise agreement records each enterprise by name with its own count (Art. 76(2)).',
        };
      if (names.has(group.name)) return { vi: `Doanh nghiệp “${group.name}” được ghi hai lần.`, en: `The enterprise “${group.name}” is listed twice.` };
      names.add(group.name);
    }
  }
  return null;
}

/** Counts a vote by the rule of the kind of agreement (Art. 76(1)-(2)). */
export function countVote(kind: DocumentKind, votedOn: string, groups: readonly VoteGroup[]): VoteResult {
  const counted = groups.map((group) => ({ ...group, passed: isMajority(group.inFavour, group.eligible) }));
  const basis = kind === 'enterprise_agreement' ? 'all_workers' : kind === 'sector_agreement' ? 'consulted' : 'per_enterprise';
  // Multi-enterprise: the agreement may be signed by the enterprises that approved it, so the vote
  // passes when at least one of them did; the others do not sign (Art. 76(2)).
  const passed = basis === 'per_enterprise' ? counted.some((group) => group.passed) : counted.every((group) => group.passed);
  return { votedOn, basis, groups: counted, passed };
}

const percent = (inFavour: number, base: number): string => `${Math.round((inFavour / base) * 1000) / 10}%`;

/** The vote in words, with the rule it was counted by. */
export function describeVote(result: VoteResult): Bilingual {
  const lines = result.groups.map((group) => {
    const share = percent(group.inFavour, group.eligible);
    const verdict = group.passed ? { vi: 'đạt', en: 'passes' } : { vi: 'không đạt', en: 'fails' };
    const name = group.name === '' ? '' : `${group.name}: `;
    if (result.basis === 'all_workers') {
      return {
        vi: `${name}${group.inFavour}/${group.eligible} người lao động của doanh nghiệp tán thành (${share}) — ${verdict.vi} điều kiện trên 50% tổng số người lao động (khoản 1 Điều 76 Bộ luật Lao động 2019)`,
        en: `${name}${group.inFavour} of the enterprise's ${group.eligible} workers in favour (${share}) — ${verdict.en} the rule of more than 50% of all workers (Labour Code 2019 Art. 76(1))`,
      };
    }
    return {
      vi: `${name}${group.inFavour}/${group.eligible} người được lấy ý kiến tán thành (${share}) — ${verdict.vi} điều kiện trên 50% (khoản 2 Điều 76 Bộ luật Lao động 2019)`,
      en: `${name}${group.inFavour} of ${group.eligible} consulted in favour (${share}) — ${verdict.en} the rule of more than 50% (Labour Code 2019 Art. 76(2))`,
    };
  });
  return { vi: lines.map((line) => line.vi).join('; '), en: lines.map((line) => line.en).join('; ') };
}
