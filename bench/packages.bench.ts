/**
 * Mini program package sizes as uploaded (miniprogram-ci's offline compile), main package and each subpackage,
 * against DESIGN.md's budgets: main ≤ 1 MB, each subpackage ≤ 1.5 MB (WeChat's hard limit is 2 MB).
 */
import path from 'node:path';
import { kb } from '../preview/budgets';
import { packageSizes } from '../preview/packages';
import type { BenchResult } from './support/types';

/** Compiles the mini program and reports one result per package. */
export async function run(): Promise<BenchResult[]> {
  const { packages, ms } = await packageSizes(path.resolve(__dirname, '..'));
  return packages.map((p) => ({
    name: `package ${p.name} (as uploaded)`,
    figures: { kb: Number((p.bytes / 1024).toFixed(1)), compile_ms: ms },
    budget: `≤ ${kb(p.budgetBytes)}`,
    withinBudget: p.bytes <= p.budgetBytes,
  }));
}
