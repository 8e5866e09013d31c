/**
 * The audit as text: one row per picture (setData bytes and calls, WXML nodes and depth, overflow, verdict) and
 * the package sizes against their budgets. Column widths count CJK characters as two cells. Node only.
 */
import { DEPTH_BUDGET, kb, NODE_BUDGET, SET_DATA_BUDGET_BYTES, WIDTH_LIMIT } from './budgets';
import type { AuditFile, PackageSize } from './results';

/** Terminal cells of `text` (CJK and full-width characters take two). */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return n;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - cells(text)));
  return right ? fill + text : text + fill;
}

/** Renders rows as an aligned table; columns listed in `numeric` are right-aligned. */
export function table(header: string[], rows: string[][], numeric: Set<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i] ?? ''))));
  const line = (r: string[]): string =>
    r
      .map((c, i) => pad(c, widths[i], numeric.has(i)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The per-picture audit table. */
export function auditTable(audit: AuditFile): string {
  const rows = audit.shots.map((s) => [
    s.route,
    s.state + (s.elder ? ' 长辈' : ''),
    kb(s.setData.firstRenderBytes),
    String(s.setData.calls),
    String(s.tree.nodes),
    String(s.tree.depth),
    s.scrollWidth > WIDTH_LIMIT ? `yes (${s.scrollWidth})` : 'no',
    s.problems.length === 0 ? 'ok' : `FAIL (${s.problems.length})`,
  ]);
  return table(
    [
      'page',
      'state',
      `setData (≤${kb(SET_DATA_BUDGET_BYTES)})`,
      'calls',
      `nodes (<${NODE_BUDGET})`,
      `depth (<${DEPTH_BUDGET})`,
      'overflow',
      'result',
    ],
    rows,
    new Set([2, 3, 4, 5]),
  );
}

/** The package size table. */
export function packageTable(packages: PackageSize[]): string {
  return table(
    ['package', 'size', 'budget', 'result'],
    packages.map((p) => [p.name, kb(p.bytes), kb(p.budgetBytes), p.bytes <= p.budgetBytes ? 'ok' : 'OVER']),
    new Set([1, 2]),
  );
}
