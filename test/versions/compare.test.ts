/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareBodies, compareVariables } from '#shared/versions/compareBodies';
import { subtractDeleteSet } from '#shared/versions/deleteSets';
import { redlineText, type CompareFixture } from './compareFixture';

const fixtures = Object.values(import.meta.glob<{ fixture: CompareFixture }>('./fixtures/*.ts', { eager: true })).map((module) => module.fixture);

describe('comparing two texts article by article', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const changes = compareBodies(fixture.before, fixture.after);
      expect(
        changes.map((change) => ({
          clauseId: change.clauseId,
          status: change.status,
          textChanged: change.textChanged,
          numbers: [change.before?.number ?? null, change.after?.number ?? null],
          redline: redlineText(change.segments),
        })),
      ).toEqual(fixture.expected);
      // Nothing changes between a text and itself.
      expect(compareBodies(fixture.after, fixture.after)).toEqual([]);
    });
  }

  it('lists variables whose values differ, added and removed ones included', () => {
    expect(compareVariables({ headcount: 100, region: 'I', enterprise_name: 'May Sông Hồng' }, { headcount: 120, region: 'I', sector: 'garment' })).toEqual([
      { id: 'enterprise_name', before: 'May Sông Hồng', after: null },
      { id: 'headcount', before: 100, after: 120 },
      { id: 'sector', before: null, after: 'garment' },
    ]);
  });
});

describe('delete sets of versions', () => {
  it('keeps only the ranges deleted since the earlier delete set', () => {
    const whole = Y.createDeleteSet();
    whole.clients.set(7, [
      { clock: 0, len: 10 },
      { clock: 20, len: 5 },
    ]);
    whole.clients.set(9, [{ clock: 3, len: 2 }]);
    const part = Y.createDeleteSet();
    part.clients.set(7, [
      { clock: 2, len: 3 },
      { clock: 8, len: 14 },
    ]);
    part.clients.set(9, [{ clock: 3, len: 2 }]);
    const difference = subtractDeleteSet(whole, part);
    expect([...difference.clients].map(([client, ranges]) => [client, ranges.map((range) => [range.clock, range.len])])).toEqual([
      [
        7,
        [
          [0, 2],
          [5, 3],
          [22, 3],
        ],
      ],
    ]);
  });
});
