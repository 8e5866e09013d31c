/**
 * Amendments (pure): the terms in force apply only effective amendments, in their order; a proposal records what
 * it replaces and refuses what the terms do not allow; the evaluation sheets entered line by line are checked.
 */
import { currentTerms, proposalOf } from '../../../cloudfunctions/projects/domain/amendments';
import { criteriaOf } from '../../../cloudfunctions/projects/domain/evaluation';
import type { AmendmentDoc, ContractDoc } from '../../../cloudfunctions/projects/documents';
import { startOfDate } from '../../../miniprogram/shared/calendar';
import { PROJECT_EVALUATION_SHEETS } from '../../../miniprogram/shared/choices';

const terms = {
  amountFen: 100_000,
  indicators: [
    { key: 'orders', label: '助餐', kind: 'quantity', source: { kind: 'report' }, target: 6, unit: '单' },
  ],
  milestones: [{ key: 'mid', label: '中期评估', due: startOfDate('2027-01-01') }],
  budgetLines: [
    { key: 'b1', label: '人员', amountFen: 60_000 },
    { key: 'b2', label: '物资', amountFen: 40_000 },
  ],
  // The period's `to` is the first instant after its last day (2027-06-30).
  period: { from: startOfDate('2026-07-01'), to: startOfDate('2027-07-01') },
} as Pick<ContractDoc, 'amountFen' | 'indicators' | 'milestones' | 'budgetLines' | 'period'>;

const amendment = (n: number, status: AmendmentDoc['status'], target: number) =>
  ({ n, status, changes: { targets: [{ key: 'orders', target }] }, before: {} }) as unknown as AmendmentDoc;

it('applies only effective amendments, in their order', () => {
  expect(currentTerms(terms, [amendment(1, 'signing', 9)]).indicators[0]!.target).toBe(6);
  const both = [amendment(2, 'effective', 12), amendment(1, 'effective', 9)];
  expect(currentTerms(terms, both).indicators[0]!.target).toBe(12);
  expect(currentTerms(terms, [...both, amendment(3, 'signing', 20)]).indicators[0]!.target).toBe(12);
  expect(terms.indicators[0]!.target).toBe(6); // the signed terms are not touched
});

it('records what a proposal replaces, and refuses what the terms do not allow', () => {
  const ok = proposalOf(
    terms,
    {
      targets: [{ key: 'orders', target: 10 }],
      milestones: [{ key: 'mid', due: '2027-02-01' }],
      budgetLines: [
        { key: 'b1', label: '人员', amountFen: 50_000 },
        { key: 'b2', label: '物资', amountFen: 40_000 },
        { label: '车辆', amountFen: 10_000 },
      ],
      periodTo: '2028-06-30',
    },
    1,
  );
  if ('path' in ok) throw new Error(ok.message);
  expect(ok.before.targets).toEqual([{ key: 'orders', target: 6 }]);
  expect(ok.changes.budgetLines!.map((l) => l.key)).toEqual(['b1', 'b2', 'a1_3']);
  expect(ok.changes.periodTo).toEqual(startOfDate('2028-07-01'));
  const refused = (p: Parameters<typeof proposalOf>[1]) => proposalOf(terms, p, 1) as { path: string };
  const none = { targets: [], milestones: [] };
  expect(refused({ ...none, targets: [{ key: 'x', target: 1 }] }).path).toBe('targets');
  expect(refused({ ...none, budgetLines: [{ key: 'b1', label: '人员', amountFen: 100_000 }] }).path).toBe(
    'budgetLines',
  );
  expect(refused({ ...none, periodTo: '2028-07-02' }).path).toBe('periodTo');
  expect(refused({ ...none, periodTo: '2027-06-29' }).path).toBe('periodTo');
  expect(refused({ ...none, periodTo: '2027-06-30' }).path).toBe('reason'); // nothing changes
});

it('checks a sheet entered line by line against its lines, maxima and score', () => {
  const full = (sheet: 'expert' | 'financial') =>
    PROJECT_EVALUATION_SHEETS[sheet].map((l) => ({ sheet, key: l.key, score: l.max, comment: '' }));
  const lines = criteriaOf([...full('expert'), ...full('financial')], { expert: 100, financial: 100 });
  expect(Array.isArray(lines) && lines.length).toBe(9);
  expect(criteriaOf(full('expert'), { expert: 90, financial: 0 })).toMatchObject({ path: 'expert' });
  expect(criteriaOf(full('expert').slice(1), { expert: 80, financial: 0 })).toMatchObject({
    path: 'criteria',
  });
  const over = full('financial').map((l, i) => (i === 0 ? { ...l, score: l.score + 1 } : l));
  expect(criteriaOf(over, { expert: 0, financial: 101 })).toMatchObject({ path: 'criteria' });
});
