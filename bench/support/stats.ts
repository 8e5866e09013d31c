/** Small timing helpers shared by the benchmarks. */

/** The p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds to two decimals for printing. */
export function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Times `fn` `n` times (after `warmup` untimed runs), returning milliseconds per run. */
export async function timeRuns(
  n: number,
  warmup: number,
  fn: (i: number) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Prints results as a table. */
export function printResults(
  results: {
    name: string;
    figures: Record<string, number | string>;
    budget?: string;
    withinBudget?: boolean;
  }[],
): void {
  for (const r of results) {
    const verdict = r.budget ? `  [budget ${r.budget}: ${r.withinBudget ? 'within' : 'OVER'}]` : '';
    const figures = Object.entries(r.figures)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ');
    console.log(`${r.name.padEnd(44)} ${figures}${verdict}`);
  }
}
