/**
 * Package sizes as uploaded: the main package and each subpackage from miniprogram-ci's offline compile
 * (scripts/compile-miniprogram.ts, with project.config.json's unused-file filter), against DESIGN.md's budgets.
 * Node only; used by `npm run preview` and `npm run bench`.
 */
import { compileMiniprogram } from '../scripts/compile-miniprogram';
import { MAIN_PACKAGE_BUDGET_BYTES, SUBPACKAGE_BUDGET_BYTES } from './budgets';
import type { PackageSize } from './results';

/** Compiles the mini program under `root` (the repository) and returns each package's size and budget. */
export async function packageSizes(root: string): Promise<{ packages: PackageSize[]; ms: number }> {
  const report = await compileMiniprogram(root);
  const packages = Object.entries(report.packages).map(([name, bytes]) => ({
    name,
    bytes,
    budgetBytes: name === 'main' ? MAIN_PACKAGE_BUDGET_BYTES : SUBPACKAGE_BUDGET_BYTES,
  }));
  return { packages, ms: report.ms };
}
