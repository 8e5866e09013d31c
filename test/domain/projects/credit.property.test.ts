/**
 * Property: the credit value (domain/credit) is monotone in the inputs it should be — never lower when an
 * evaluation total, the on-time reports, an attainment or a rating goes up; never higher when a complaint or a
 * declined order is added — and always within 0–100. Plus the evaluation's weights and grade floors.
 */
import fc from 'fast-check';
import { creditOf } from '../../../cloudfunctions/projects/domain/credit';
import { gradeOf, trancheRefusal, weightedTotal } from '../../../cloudfunctions/projects/domain/evaluation';
import type { CreditInputs } from '../../../cloudfunctions/projects/documents';

const inputs: fc.Arbitrary<CreditInputs> = fc
  .record({
    evaluationTotals: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }),
    reportsDue: fc.integer({ min: 0, max: 24 }),
    onTimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    attainments: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }),
    complaints: fc.integer({ min: 0, max: 20 }),
    declinedOrders: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ onTimeShare, ...i }) => ({ ...i, reportsOnTime: Math.floor(onTimeShare * i.reportsDue) }));

/** Raises element `k` of a list (mod its length) by `by`, within `max`. */
const raise = (xs: number[], k: number, by: number, max: number) =>
  xs.map((x, i) => (i === k % xs.length ? Math.min(max, x + by) : x));

it('stays within 0–100', () => {
  fc.assert(fc.property(inputs, (i) => creditOf(i) >= 0 && creditOf(i) <= 100));
});

it('never falls when an evaluation, a report on time, an attainment or a rating improves', () => {
  fc.assert(
    fc.property(inputs, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (i, k, by) => {
      const base = creditOf(i);
      const better: CreditInputs[] = [];
      if (i.evaluationTotals.length > 0)
        better.push({ ...i, evaluationTotals: raise(i.evaluationTotals, k, Math.ceil(by * 50), 100) });
      if (i.reportsOnTime < i.reportsDue) better.push({ ...i, reportsOnTime: i.reportsOnTime + 1 });
      if (i.attainments.length > 0) better.push({ ...i, attainments: raise(i.attainments, k, by, 1) });
      if (i.ratings.length > 0) better.push({ ...i, ratings: raise(i.ratings, k, 1, 5) });
      return better.every((b) => creditOf(b) >= base);
    }),
  );
});

it('never rises with another complaint or declined order', () => {
  fc.assert(
    fc.property(inputs, (i) => {
      const base = creditOf(i);
      return (
        creditOf({ ...i, complaints: i.complaints + 1 }) <= base &&
        creditOf({ ...i, declinedOrders: i.declinedOrders + 1 }) <= base
      );
    }),
  );
});

it('is 80 for an organization with no records yet, and less for one with complaints', () => {
  const none: CreditInputs = {
    evaluationTotals: [],
    reportsDue: 0,
    reportsOnTime: 0,
    attainments: [],
    ratings: [],
    complaints: 0,
    declinedOrders: 0,
  };
  expect(creditOf(none)).toBe(80);
  expect(creditOf({ ...none, complaints: 2, declinedOrders: 1 })).toBe(73);
});

it('combines the three sheets 40/30/30 into grades, and releases a tranche only when its condition holds', () => {
  expect(weightedTotal({ expert: 70, supervision: 85, financial: 60 })).toBe(71.5);
  expect([95, 85, 65, 40].map(gradeOf)).toEqual(['优秀', '良好', '合格', '不合格']);
  const mid = {
    key: 't2',
    label: '中期',
    percent: 40,
    amountFen: 4000,
    condition: { kind: 'evaluation' as const, stage: 'mid' as const, minGrade: '良好' as const },
  };
  const at = new Date();
  expect(trancheRefusal({ status: 'signing' }, mid, [])).toBe('合同尚未生效');
  expect(trancheRefusal({ status: 'active' }, mid, [])).toBe('中期评估尚未完成');
  expect(trancheRefusal({ status: 'active' }, mid, [{ stage: 'mid', at, grade: '合格' }])).toMatch(
    '未达到良好',
  );
  expect(trancheRefusal({ status: 'active' }, mid, [{ stage: 'mid', at, grade: '优秀' }])).toBeUndefined();
  expect(
    trancheRefusal({ status: 'active' }, mid, [
      { stage: 'mid', at, grade: '优秀', supersededBy: 'x' },
      { stage: 'mid', at, grade: '合格' },
    ]),
  ).toMatch('未达到良好');
});
