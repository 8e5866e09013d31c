/**
 * The street's dashboard (数据看板), computed from the contracts and the delivery rows of the street: contracts on
 * track / at risk / late, spending against budget, indicator attainment, the satisfaction trend, per organization
 * and per community. Pure; the `refresh` timer stores it (project_summaries) and the reads are one round trip.
 */
import { monthKey, monthsUpTo } from '../../../miniprogram/shared/calendar';
import type { ContractDoc, ProgressReportDoc, SpendingDoc } from '../documents';
import {
  contractProgress,
  indexByCommunity,
  standingOf,
  type Progress,
  type SourceRows,
  type Standing,
} from './tracking';

/** One contract's line on the dashboard. */
export interface ContractLine {
  id: string;
  title: string;
  orgName: string;
  status: ContractDoc['status'];
  standing: Standing | 'signing';
  /** Mean attainment of its indicators, percent. */
  attainment: number;
  budgetFen: number;
  spentFen: number;
  releasedFen: number;
}

/** A group's figures (an organization, a community). */
export interface GroupLine {
  id: string;
  name: string;
  contracts: number;
  attainment: number;
  budgetFen: number;
  spentFen: number;
}

/** The dashboard. */
export interface Dashboard {
  contracts: number;
  standing: Record<Standing | 'signing', number>;
  budgetFen: number;
  spentFen: number;
  releasedFen: number;
  /** Mean attainment over every indicator of the active contracts, percent. */
  attainment: number;
  /** Share of callbacks rated 4–5 per month (the last six), percent; null where there were none. */
  satisfaction: { month: string; percent: number | null; ratings: number }[];
  byOrg: GroupLine[];
  byCommunity: GroupLine[];
  lines: ContractLine[];
}

const pct = (xs: readonly number[]) =>
  xs.length === 0 ? 0 : Math.round((1000 * xs.reduce((s, x) => s + x, 0)) / xs.length) / 10;

/** The dashboard of a street's contracts at `now`. */
export function computeDashboard(
  contracts: readonly ContractDoc[],
  rows: SourceRows,
  reports: readonly ProgressReportDoc[],
  spending: readonly SpendingDoc[],
  now: Date,
): Dashboard {
  const forCommunities = indexByCommunity(rows);
  const reportsOf = group(reports, (r) => r.contractId);
  const spentOf = group(spending, (s) => s.contractId);
  const standing: Dashboard['standing'] = { on_track: 0, at_risk: 0, late: 0, signing: 0 };
  const lines: ContractLine[] = [];
  const progressOf = new Map<string, Progress[]>();
  for (const c of contracts) {
    if (c.status === 'terminated') continue;
    const progress =
      c.status === 'signing'
        ? []
        : contractProgress(c, forCommunities(c.communityIds), reportsOf.get(c._id) ?? []);
    progressOf.set(c._id, progress);
    const st = c.status === 'signing' ? 'signing' : standingOf(c.period, progress, now);
    standing[st] += 1;
    lines.push({
      id: c._id,
      title: c.title,
      orgName: c.orgName,
      status: c.status,
      standing: st,
      attainment: pct(progress.map((p) => p.attainment)),
      budgetFen: c.amountFen,
      spentFen: (spentOf.get(c._id) ?? []).reduce((t, s) => t + s.amountFen, 0),
      releasedFen: c.tranches.filter((t) => t.released).reduce((t, x) => t + x.amountFen, 0),
    });
  }
  const groupLines = (keyOf: (c: ContractDoc) => { id: string; name: string }[]) => {
    const m = new Map<string, GroupLine & { atts: number[] }>();
    for (const c of contracts) {
      const line = lines.find((l) => l.id === c._id);
      if (!line) continue;
      for (const k of keyOf(c)) {
        const g = m.get(k.id) ?? { ...k, contracts: 0, attainment: 0, budgetFen: 0, spentFen: 0, atts: [] };
        g.contracts += 1;
        g.budgetFen += line.budgetFen;
        g.spentFen += line.spentFen;
        g.atts.push(...(progressOf.get(c._id) ?? []).map((p) => p.attainment));
        m.set(k.id, g);
      }
    }
    return [...m.values()].map(({ atts, ...g }) => ({ ...g, attainment: pct(atts) }));
  };
  const months = monthsUpTo(now, 6);
  const ratings = new Map<string, number[]>();
  const ids = new Set(contracts.flatMap((c) => c.communityIds));
  const orgs = new Set(contracts.map((c) => c.orgId));
  // Months by the hour (the calendar's time zone arithmetic is the slow part over 100,000 records).
  const monthOf = new Map<number, string>();
  for (const o of rows.orders ?? []) {
    if (!o.survey || !o.completedAt || !o.orgId || !orgs.has(o.orgId) || !ids.has(o.communityId)) continue;
    const hour = Math.floor(o.completedAt.getTime() / 3_600_000);
    const m = monthOf.get(hour) ?? monthOf.set(hour, monthKey(o.completedAt)).get(hour)!;
    (ratings.get(m) ?? ratings.set(m, []).get(m)!).push(o.survey.rating);
  }
  return {
    contracts: lines.length,
    standing,
    budgetFen: lines.reduce((t, l) => t + l.budgetFen, 0),
    spentFen: lines.reduce((t, l) => t + l.spentFen, 0),
    releasedFen: lines.reduce((t, l) => t + l.releasedFen, 0),
    attainment: pct([...progressOf.values()].flat().map((p) => p.attainment)),
    satisfaction: months.map((month) => {
      const rs = ratings.get(month) ?? [];
      return {
        month,
        percent:
          rs.length === 0 ? null : Math.round((1000 * rs.filter((r) => r >= 4).length) / rs.length) / 10,
        ratings: rs.length,
      };
    }),
    byOrg: groupLines((c) => [{ id: c.orgId, name: c.orgName }]),
    byCommunity: groupLines((c) => c.communityIds.map((id, i) => ({ id, name: c.communityNames[i] ?? id }))),
    lines,
  };
}

function group<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) (m.get(key(x)) ?? m.set(key(x), []).get(key(x))!).push(x);
  return m;
}
