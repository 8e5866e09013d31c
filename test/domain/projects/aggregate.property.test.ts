/**
 * Properties of the score aggregation (cloudfunctions/projects/domain/aggregate.ts, trimmed mean): one outlier
 * moves a bid's score less than it moves the plain mean; a harsh reviewer changes no ranking; the order in which
 * reviewers come changes nothing, to the last digit.
 */
import fc from 'fast-check';
import {
  aggregateScores,
  plainMean,
  trimmedMean,
  weightedTotal,
} from '../../../cloudfunctions/projects/domain/aggregate';

/** Genuine totals of 3–9 reviewers within a band of ≤ 30 points. */
const genuine = fc
  .record({ base: fc.integer({ min: 40, max: 70 }), n: fc.integer({ min: 3, max: 9 }) })
  .chain(({ base, n }) =>
    fc.array(fc.integer({ min: base, max: base + 30 }), { minLength: n, maxLength: n }),
  );

describe('one outlier', () => {
  test('moves the trimmed mean less than the plain mean (an outlier: beyond the others by 2/(n−2) of their range)', () => {
    fc.assert(
      fc.property(genuine, fc.nat(), fc.boolean(), (totals, which, low) => {
        const n = totals.length;
        const i = which % n;
        const others = totals.filter((_x, j) => j !== i);
        const lo = Math.min(...others);
        const hi = Math.max(...others);
        const x = totals[i]!;
        fc.pre(x >= lo && x <= hi);
        const far = (2 * (hi - lo)) / (n - 2);
        const outlier = low ? Math.max(0, lo - far - 1) : Math.min(100, hi + far + 1);
        fc.pre(low ? outlier <= lo - far : outlier >= hi + far);
        const moved = [...totals];
        moved[i] = outlier;
        const trimmed = Math.abs(trimmedMean(moved)! - trimmedMean(totals)!);
        const plain = Math.abs(plainMean(moved)! - plainMean(totals)!);
        return trimmed <= plain + 1e-9;
      }),
      { numRuns: 500 },
    );
  });

  test('a zero among four or more totals of 40–100 within 30 points moves the score less than the plain mean', () => {
    fc.assert(
      fc.property(genuine, fc.nat(), (totals, which) => {
        fc.pre(totals.length >= 4);
        const moved = [...totals];
        moved[which % totals.length] = 0;
        const trimmed = Math.abs(trimmedMean(moved)! - trimmedMean(totals)!);
        const plain = Math.abs(plainMean(moved)! - plainMean(totals)!);
        return trimmed < plain;
      }),
    );
  });
});

describe('a harsh reviewer', () => {
  test('whose totals are the lowest on every bid: what they are changes no bid’s score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 50, max: 95 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 7,
        }),
        fc.array(fc.integer({ min: 0, max: 49 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 49 }), { minLength: 3, maxLength: 3 }),
        (fair, harsh1, harsh2) => {
          const rows = (rs: number[][]) =>
            rs.flatMap((r) => r.map((total, b) => ({ bidId: `b${b}`, total })));
          const one = aggregateScores(rows([harsh1, ...fair]));
          const other = aggregateScores(rows([harsh2, ...fair]));
          return [...one.keys()].every((k) => one.get(k)!.score === other.get(k)!.score);
        },
      ),
    );
  });
});

describe('permuting reviewers', () => {
  test('changes no aggregate, to the last digit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            bidId: fc.constantFrom('a', 'b', 'c'),
            total: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
          { maxLength: 30 },
        ),
        fc.func(fc.integer()),
        (rows, key) => {
          const shuffled = [...rows].sort((x, y) => key(x.total) - key(y.total));
          const a = aggregateScores(rows);
          const b = aggregateScores(shuffled);
          return [...a.keys()].every((k) => Object.is(a.get(k)!.score, b.get(k)!.score));
        },
      ),
    );
  });
});

test('the weighted total reads the sheet: weights × score / max', () => {
  const sheet = [
    { key: 'a', label: 'A', weight: 30, max: 10 },
    { key: 'b', label: 'B', weight: 70, max: 5 },
  ];
  expect(
    weightedTotal(sheet, [
      { key: 'a', score: 10 },
      { key: 'b', score: 5 },
    ]),
  ).toBe(100);
  expect(
    weightedTotal(sheet, [
      { key: 'b', score: 2 },
      { key: 'a', score: 5 },
    ]),
  ).toBe(43);
  expect(trimmedMean([])).toBeNull();
  expect(trimmedMean([70, 90])).toBe(80);
  expect(trimmedMean([10, 70, 90])).toBe(70);
});
