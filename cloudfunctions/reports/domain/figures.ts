/**
 * The street's figures per grid, matter and department: how many reports, how many still open or ever overdue,
 * the mean time to respond (dispatch → accepted) and to resolve (dispatch → resolved), the share reopened and the
 * mean rating. The database groups by (grid, matter, department) in one aggregation; the three views are rolled up
 * from those rows here.
 */
import type { FigureRow, Figures } from '../contract';

/** One group of the aggregation. */
export interface FigureGroup {
  _id: { g: string; m: string; d: string };
  count: number;
  open: number;
  overdue: number;
  respondMs: number;
  respondN: number;
  resolveMs: number;
  resolveN: number;
  reopened: number;
  ratingSum: number;
  ratingN: number;
}

type Sums = Omit<FigureGroup, '_id'>;

const HOUR = 3_600_000;
const zero = (): Sums => ({
  count: 0,
  open: 0,
  overdue: 0,
  respondMs: 0,
  respondN: 0,
  resolveMs: 0,
  resolveN: 0,
  reopened: 0,
  ratingSum: 0,
  ratingN: 0,
});

const hoursText = (ms: number, n: number) => (n === 0 ? '—' : `${(ms / n / HOUR).toFixed(1)} 小时`);

/** One row in words. */
export function figureRow(name: string, s: Sums): FigureRow {
  return {
    name,
    count: s.count,
    open: s.open,
    overdue: s.overdue,
    respondHoursText: hoursText(s.respondMs, s.respondN),
    resolveHoursText: hoursText(s.resolveMs, s.resolveN),
    reopenRateText: s.resolveN === 0 ? '—' : `${Math.round((s.reopened / s.resolveN) * 100)}%`,
    satisfactionText: s.ratingN === 0 ? '—' : `${(s.ratingSum / s.ratingN).toFixed(1)} 星`,
  };
}

function rollUp(groups: readonly FigureGroup[], key: 'g' | 'm' | 'd'): FigureRow[] {
  const by = new Map<string, Sums>();
  for (const g of groups) {
    const s = by.get(g._id[key]) ?? zero();
    for (const k of Object.keys(s) as (keyof Sums)[]) s[k] += g[k];
    by.set(g._id[key], s);
  }
  return [...by.entries()].sort((a, b) => b[1].count - a[1].count).map(([n, s]) => figureRow(n, s));
}

/** The three views from the groups. */
export function figuresOf(groups: readonly FigureGroup[]): Figures {
  return {
    total: groups.reduce((n, g) => n + g.count, 0),
    byGrid: rollUp(groups, 'g'),
    byMatter: rollUp(groups, 'm'),
    byDepartment: rollUp(groups, 'd'),
  };
}
