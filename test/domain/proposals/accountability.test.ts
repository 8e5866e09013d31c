/** Project accounts: spending against the budget in exact fen, progress, people served, the timeline. */
import fc from 'fast-check';
import {
  projectSums,
  requireCanReport,
  roundSums,
  timelineOf,
  yuanToFen,
  type AccountEntry,
} from '../../../cloudfunctions/proposals/domain/accountability';
import type { PhaseState } from '../../../cloudfunctions/proposals/domain/phases';

const day = (d: number) => new Date(Date.UTC(2026, 5, d));
const spend = (id: string, yuan: number, d: number): AccountEntry => ({
  kind: 'spending',
  id,
  at: day(d),
  item: 'x',
  amountFen: yuanToFen(yuan),
  note: '',
  receipts: ['cloud://r'],
});
const progress = (id: string, pct: number, served: number, d: number): AccountEntry => ({
  kind: 'progress',
  id,
  at: day(d),
  progress: pct,
  served,
  note: '',
  photos: [],
});

it('sums spending, progress (latest report) and people served', () => {
  const s = projectSums(4000, [
    progress('a', 30, 20, 1),
    spend('b', 1280.5, 2),
    progress('c', 80, 25, 5),
    spend('d', 0.1, 3),
  ]);
  expect(s).toMatchObject({
    budgetYuan: 4000,
    spentFen: 128060,
    leftFen: 271940,
    overBudget: false,
    progress: 80,
    served: 45,
  });
  expect(s.spentPercent).toBe(32);
  expect(projectSums(100, [spend('x', 100.01, 1)])).toMatchObject({ overBudget: true, leftFen: -1 });
});

it('property: fen sums are exact for any amounts with two decimals', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 50 }), (fens) => {
      const entries = fens.map((f, i) => spend(`s${i}`, f / 100, 1));
      expect(projectSums(10000, entries).spentFen).toBe(fens.reduce((a, b) => a + b, 0));
    }),
  );
});

it('adds up a round and orders a timeline newest first', () => {
  const a = { sums: projectSums(3000, [spend('1', 1000, 1), progress('2', 50, 10, 2)]), completed: true };
  const b = { sums: projectSums(4000, [spend('3', 500.5, 1)]), completed: false };
  expect(roundSums(10000, [a, b])).toEqual({
    totalBudgetYuan: 10000,
    awardedYuan: 7000,
    spentFen: 150050,
    served: 10,
    projects: 2,
    completed: 1,
  });
  expect(timelineOf([spend('1', 1, 1), spend('2', 1, 3), spend('3', 1, 2)]).map((e) => e.id)).toEqual([
    '2',
    '3',
    '1',
  ]);
});

it('lets the proposer or an admin report on a funded, unfinished project while the work is in progress', () => {
  const r: PhaseState = {
    phase: 'in_progress',
    resultsPublished: true,
    schedule: {
      collectingFrom: day(1),
      screeningFrom: day(2),
      votingFrom: day(3),
      votingUntil: day(4),
      workFrom: day(5),
    },
  };
  const now = day(10);
  expect(() => requireCanReport(r, true, false, { isAuthor: true, isAdmin: false }, now)).not.toThrow();
  expect(() => requireCanReport(r, true, false, { isAuthor: false, isAdmin: false }, now)).toThrow(
    expect.objectContaining({ code: 'FORBIDDEN' }),
  );
  expect(() => requireCanReport(r, false, false, { isAuthor: true, isAdmin: false }, now)).toThrow(
    '获得资助',
  );
  expect(() => requireCanReport(r, true, true, { isAuthor: false, isAdmin: true }, now)).toThrow('封存');
  expect(() =>
    requireCanReport({ ...r, phase: 'results' }, true, false, { isAuthor: true, isAdmin: false }, now),
  ).toThrow('项目实施阶段');
});
