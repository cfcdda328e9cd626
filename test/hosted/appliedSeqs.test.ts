import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppliedSeqs } from '#main/sync/appliedSeqs';

describe('the updates of a shared log a server copy holds', () => {
  it('knows up to where it holds every one, whatever order the batches come in', () => {
    const held = new AppliedSeqs(3);
    held.add(7, 9);
    expect({ through: held.through, gap: held.hasGap }).toEqual({ through: 3, gap: true });
    expect(held.holds(8, 9)).toBe(true);
    expect(held.holds(4, 4)).toBe(false);
    held.add(4, 5);
    expect(held.through).toBe(5);
    held.add(6, 6);
    expect({ through: held.through, gap: held.hasGap }).toEqual({ through: 9, gap: false });
    held.add(2, 8);
    expect(held.through).toBe(9);
  });

  it('agrees with a plain set of numbers for any batches', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 6 })), { maxLength: 30 }), (batches) => {
        const held = new AppliedSeqs(0);
        const plain = new Set<number>();
        for (const [first, length] of batches) {
          held.add(first, first + length);
          for (let seq = first; seq <= first + length; seq += 1) plain.add(seq);
          let through = 0;
          while (plain.has(through + 1)) through += 1;
          expect(held.through).toBe(through);
          expect(held.hasGap).toBe([...plain].some((seq) => seq > through));
          for (let seq = 1; seq <= 70; seq += 1) expect(held.holds(seq, seq)).toBe(plain.has(seq));
        }
      }),
      { numRuns: 200 },
    );
  });
});
