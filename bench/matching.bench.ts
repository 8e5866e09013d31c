// Matching benchmark: 1,000 × 100 and 5,000 × 500 (orders × providers) on generated 江宁-like instances.
// For each solver: the median wall time of a whole `matchOrders` call (candidate graph, solver, staff, result)
// after warm-up, and its total score as a ratio of the exact optimum on the same instance. Several seeds per
// size; the table shows the slowest median and the lowest ratio over them.
// Budget (DESIGN.md): ≤ 200 ms for 5,000 × 500 at ≥ 98 % of optimum.
//
// Run alone: npx tsx bench/matching.bench.ts

import { matchOrders, PRODUCTION_SOLVER } from '../cloudfunctions/services/domain/matching/solve';
import type {
  MatchResult,
  MatchingInput,
  SolverName,
} from '../cloudfunctions/services/domain/matching/types';
import { generateMatchingInstance, type InstanceSpec } from './support/matchingInstances';
import { percentile, timeRuns } from './support/stats';
import type { BenchResult } from './support/types';

/** The solvers compared, in table order. */
const SOLVERS: readonly SolverName[] = ['greedy', 'production', 'exact'];

interface Case {
  label: string;
  specs: InstanceSpec[];
  runs: number;
  budget?: { ms: number; ratio: number };
}

const CASES: readonly Case[] = [
  {
    label: '1,000 × 100',
    specs: [1, 2, 3].map((seed) => ({ orders: 1000, providers: 100, seed })),
    runs: 9,
  },
  {
    label: '5,000 × 500',
    specs: [1, 2, 3].map((seed) => ({ orders: 5000, providers: 500, seed })),
    runs: 9,
    budget: { ms: 200, ratio: 0.98 },
  },
  {
    // Not a budget case: the whole week's orders in one slot makes a single 5,000-order component, the
    // worst shape for the exact solver. Shown so a coarser slot calendar is not a surprise.
    label: '5,000 × 500, one slot (stress)',
    specs: [{ orders: 5000, providers: 500, seed: 1, days: 1, periods: ['day'] }],
    runs: 3,
  },
];

interface SolverFigures {
  ms: number;
  ratio: number;
  assigned: number;
}

/** Measures one case: per solver, the slowest median time and the lowest score ratio over its seeds. */
async function measure(c: Case): Promise<BenchResult> {
  const worst = new Map<SolverName, SolverFigures>();
  let exactScore = 0;
  let exactAssigned = 0;
  let orders = 0;
  for (const spec of c.specs) {
    const input: MatchingInput = generateMatchingInstance(spec);
    orders += input.orders.length;
    const optimum = matchOrders(input, { solver: 'exact' });
    exactScore += optimum.totalScore;
    exactAssigned += optimum.assignments.length;
    for (const solver of SOLVERS) {
      let result: MatchResult = optimum;
      const samples = await timeRuns(c.runs, 2, async () => (result = matchOrders(input, { solver })));
      const ms = percentile(samples, 50);
      const ratio = optimum.totalScore === 0 ? 1 : result.totalScore / optimum.totalScore;
      const before = worst.get(solver);
      worst.set(solver, {
        ms: Math.max(ms, before?.ms ?? 0),
        ratio: Math.min(ratio, before?.ratio ?? Number.POSITIVE_INFINITY),
        assigned: (before?.assigned ?? 0) + result.assignments.length,
      });
    }
  }
  const figures: Record<string, number | string> = {
    seeds: c.specs.length,
    'orders (all seeds)': orders,
    'exact assigned': exactAssigned,
    'exact score': exactScore,
    production: PRODUCTION_SOLVER,
  };
  for (const [solver, f] of worst) {
    figures[`${solver} ms`] = round(f.ms, 1);
    figures[`${solver} ratio`] = round(f.ratio, 4);
    figures[`${solver} assigned`] = f.assigned;
  }
  const result: BenchResult = { name: `matching ${c.label}`, figures };
  if (c.budget) {
    const production = worst.get('production');
    result.budget = `≤ ${c.budget.ms} ms at ≥ ${c.budget.ratio * 100} % of optimum`;
    result.withinBudget =
      production !== undefined && production.ms <= c.budget.ms && production.ratio >= c.budget.ratio;
  }
  return result;
}

/** Runs the matching benchmark. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of CASES) results.push(await measure(c));
  return results;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Prints results as a table: one row per case and solver. */
function printTable(results: readonly BenchResult[]): void {
  const rows: string[][] = [['case', 'solver', 'median ms', 'score ratio', 'assigned', 'budget']];
  for (const r of results) {
    for (const solver of SOLVERS) {
      const f = r.figures;
      const budget =
        solver === 'production' && r.budget ? `${r.budget}: ${r.withinBudget ? 'met' : 'MISSED'}` : '';
      const name = solver === 'production' ? `production (${String(f.production)})` : solver;
      rows.push([
        r.name,
        name,
        String(f[`${solver} ms`]),
        Number(f[`${solver} ratio`]).toFixed(4),
        `${f[`${solver} assigned`]} / ${f['orders (all seeds)']}`,
        budget,
      ]);
    }
  }
  const widths = rows[0].map((_, k) => Math.max(...rows.map((row) => [...row[k]].length)));
  for (const row of rows) console.log(row.map((cell, k) => cell.padEnd(widths[k])).join('  '));
}

if (require.main === module) {
  void run().then(printTable);
}
