/**
 * Indicator progress from delivery data (not self-reported): the records other capabilities hold, read as small
 * shapes of their own (a capability never imports another; the collection names and fields are the other
 * functions' stored documents), turned into one kind of record, and counted per indicator over the contract's
 * communities, period and organization (where the record names one). Pure.
 */
import type { ContractDoc, Indicator, IndicatorSource, ProgressReportDoc } from '../documents';

/** The collections tracking reads (owned by services, volunteering, charity and proposals). */
export const SOURCE_COLLECTIONS = {
  orders: 'service_orders',
  hours: 'volunteer_hours',
  signups: 'volunteer_signups',
  donations: 'charity_donations',
  rounds: 'proposal_rounds',
} as const;

/** Which source collection an indicator counts from. */
export type SourceName = keyof typeof SOURCE_COLLECTIONS;

/** A service order as tracking reads it. */
export interface OrderRow {
  _id: string;
  itemName: string;
  category: string;
  communityId: string;
  communityName: string;
  orgId?: string;
  status: string;
  completedAt?: Date;
  survey?: { rating: number; complaint: boolean };
}

/** A line of the hours ledger as tracking reads it. */
export interface HoursRow {
  _id: string;
  activityTitle: string;
  activityStartAt: Date;
  organizer: { kind: 'org' | 'place'; id: string };
  placePath: string[];
  communityName: string;
  volunteerId: string;
  verifiedDelta: number;
}

/** A volunteer sign-up as tracking reads it. */
export interface SignupRow {
  _id: string;
  activityTitle: string;
  organizer: { kind: 'org' | 'place'; id: string };
  placePath: string[];
  communityName: string;
  volunteerId: string;
  state: string;
  signedUpAt: Date;
}

/** A donation as tracking reads it. */
export interface DonationRow {
  _id: string;
  item: string;
  quantity: number;
  recipientPath?: string[];
  status: string;
  events: { type: string; at: Date }[];
}

/** A proposal round as tracking reads it (funded entries of its published results). */
export interface RoundRow {
  _id: string;
  title: string;
  scopePath: string[];
  results?: {
    publishedAt?: Date;
    entries: { id: string; title: string; funded: boolean }[];
  };
}

/** One record behind a number, as shown in the list under an indicator. */
export interface DeliveryRecord {
  /** `<source>:<id>`. */
  id: string;
  source: SourceName;
  at: Date;
  label: string;
  communityName: string;
  /** What the record adds: 1 for a count, hours for hours, a rating for satisfaction. */
  value: number;
}

/** The source collection of an indicator (undefined for `report`). */
export function sourceOf(source: IndicatorSource): SourceName | undefined {
  switch (source.kind) {
    case 'services.ordersCompleted':
    case 'services.satisfaction':
      return 'orders';
    case 'volunteering.hours':
      return 'hours';
    case 'volunteering.recruits':
      return 'signups';
    case 'charity.donationsDelivered':
      return 'donations';
    case 'proposals.funded':
      return 'rounds';
    case 'report':
      return undefined;
  }
}

/** What a contract counts over. */
export type Scope = Pick<ContractDoc, 'orgId' | 'communityIds' | 'streetId' | 'period'>;

const within = (at: Date | undefined, scope: Scope) =>
  at !== undefined &&
  at.getTime() >= scope.period.from.getTime() &&
  at.getTime() <= scope.period.to.getTime();
const inCommunities = (path: readonly string[] | undefined, scope: Scope) =>
  (path ?? []).some((p) => scope.communityIds.includes(p));
const byOrg = (o: { kind: string; id: string }, scope: Scope) => o.kind !== 'org' || o.id === scope.orgId;
const DONE = new Set(['completed', 'confirmed']);
const DELIVERED = new Set(['confirmed', 'thanked']);

/** When a donation reached its recipient (the chain's confirmation). */
export function deliveredAt(d: DonationRow): Date | undefined {
  return d.events.find((e) => e.type === 'confirmed')?.at;
}

/** The records of one source that count for an indicator of the contract, newest first. */
export function recordsFor(source: IndicatorSource, scope: Scope, rows: SourceRows): DeliveryRecord[] {
  return countedRecords(source, scope, rows).sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** The records of one source that count for an indicator, in no particular order (what progress needs). */
function countedRecords(source: IndicatorSource, scope: Scope, rows: SourceRows): DeliveryRecord[] {
  return RECORDS[source.kind](source as never, scope, rows);
}

type Counter<K extends IndicatorSource['kind']> = (
  source: Extract<IndicatorSource, { kind: K }>,
  scope: Scope,
  rows: SourceRows,
) => DeliveryRecord[];

function orderRecords(
  source: Extract<IndicatorSource, { kind: 'services.ordersCompleted' | 'services.satisfaction' }>,
  scope: Scope,
  rows: SourceRows,
): DeliveryRecord[] {
  const rated = source.kind === 'services.satisfaction';
  const categories = source.kind === 'services.ordersCompleted' ? (source.categories ?? []) : [];
  return (rows.orders ?? [])
    .filter(
      (o) =>
        o.orgId === scope.orgId &&
        scope.communityIds.includes(o.communityId) &&
        DONE.has(o.status) &&
        within(o.completedAt, scope) &&
        (categories.length === 0 || categories.includes(o.category)) &&
        (!rated || o.survey),
    )
    .map((o) => ({
      id: `orders:${o._id}`,
      source: 'orders' as const,
      at: o.completedAt!,
      label: o.itemName,
      communityName: o.communityName,
      value: rated ? o.survey!.rating : 1,
    }));
}

const hourRecords: Counter<'volunteering.hours'> = (_s, scope, rows) =>
  (rows.hours ?? [])
    .filter(
      (h) =>
        h.verifiedDelta !== 0 &&
        byOrg(h.organizer, scope) &&
        inCommunities(h.placePath, scope) &&
        within(h.activityStartAt, scope),
    )
    .map((h) => ({
      id: `hours:${h._id}`,
      source: 'hours' as const,
      at: h.activityStartAt,
      label: h.activityTitle,
      communityName: h.communityName,
      value: h.verifiedDelta / 60,
    }));

const recruitRecords: Counter<'volunteering.recruits'> = (_s, scope, rows) => {
  const seen = new Set<string>();
  return (rows.signups ?? [])
    .filter(
      (s) =>
        s.state === 'active' &&
        byOrg(s.organizer, scope) &&
        inCommunities(s.placePath, scope) &&
        within(s.signedUpAt, scope),
    )
    .sort((a, b) => a.signedUpAt.getTime() - b.signedUpAt.getTime())
    .filter((s) => {
      // A recruit is a person: their first sign-up in the contract counts, later ones do not.
      if (seen.has(s.volunteerId)) return false;
      seen.add(s.volunteerId);
      return true;
    })
    .map((s) => ({
      id: `signups:${s._id}`,
      source: 'signups' as const,
      at: s.signedUpAt,
      label: s.activityTitle,
      communityName: s.communityName,
      value: 1,
    }));
};

const donationRecords: Counter<'charity.donationsDelivered'> = (_s, scope, rows) =>
  (rows.donations ?? []).flatMap((d) => {
    const at = deliveredAt(d);
    if (!DELIVERED.has(d.status) || !inCommunities(d.recipientPath, scope) || !within(at, scope)) return [];
    return [
      {
        id: `donations:${d._id}`,
        source: 'donations' as const,
        at: at!,
        label: `${d.item} ×${d.quantity}`,
        communityName: '',
        value: 1,
      },
    ];
  });

const fundedRecords: Counter<'proposals.funded'> = (_s, scope, rows) =>
  (rows.rounds ?? []).flatMap((r) => {
    const at = r.results?.publishedAt;
    const here =
      r.scopePath.includes(scope.streetId) && (r.scopePath.length < 3 || inCommunities(r.scopePath, scope));
    if (!here || !within(at, scope)) return [];
    return r
      .results!.entries.filter((e) => e.funded)
      .map((e) => ({
        id: `rounds:${r._id}:${e.id}`,
        source: 'rounds' as const,
        at: at!,
        label: `${r.title} · ${e.title}`,
        communityName: '',
        value: 1,
      }));
  });

const RECORDS: { [K in IndicatorSource['kind']]: Counter<K> } = {
  'services.ordersCompleted': orderRecords,
  'services.satisfaction': orderRecords,
  'volunteering.hours': hourRecords,
  'volunteering.recruits': recruitRecords,
  'charity.donationsDelivered': donationRecords,
  'proposals.funded': fundedRecords,
  report: () => [],
};

/** An indicator's progress. */
export interface Progress {
  key: string;
  label: string;
  kind: Indicator['kind'];
  source: IndicatorSource['kind'];
  target: number;
  unit: string;
  /** The value so far (a percentage for quality indicators). */
  value: number;
  /** How many records it stands on. */
  records: number;
  /** value / target, capped at 1 (quality: 1 when met). */
  attainment: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The value of an indicator from its records (or, for `report`, the reports' values). */
export function progressOf(
  indicator: Indicator,
  records: readonly DeliveryRecord[],
  reports: readonly Pick<ProgressReportDoc, 'values'>[] = [],
): Progress {
  let value: number;
  let count = records.length;
  if (indicator.source.kind === 'report') {
    const vals = reports.flatMap((r) => r.values.filter((v) => v.indicatorKey === indicator.key));
    value = vals.reduce((s, v) => s + v.value, 0);
    count = vals.length;
  } else if (indicator.source.kind === 'services.satisfaction') {
    // Satisfaction: the share of callbacks rated 4 or 5 (满意), in percent.
    value = count === 0 ? 0 : (100 * records.filter((r) => r.value >= 4).length) / count;
  } else {
    value = records.reduce((s, r) => s + r.value, 0);
  }
  value = round1(value);
  const attainment = indicator.target <= 0 ? 1 : Math.min(1, value / indicator.target);
  return {
    key: indicator.key,
    label: indicator.label,
    kind: indicator.kind,
    source: indicator.source.kind,
    target: indicator.target,
    unit: indicator.unit,
    value,
    records: count,
    attainment: round1(attainment * 1000) / 1000,
  };
}

/** How far through its period a contract is at `now` (0–1). */
export function elapsedShare(period: ContractDoc['period'], now: Date): number {
  const span = period.to.getTime() - period.from.getTime();
  if (span <= 0) return 1;
  return Math.max(0, Math.min(1, (now.getTime() - period.from.getTime()) / span));
}

/** Where a contract stands: on track, at risk (quantity behind the time elapsed), late (past its end, short). */
export type Standing = 'on_track' | 'at_risk' | 'late';

/**
 * A contract's standing at `now`: quantity indicators are expected pro rata to the time elapsed (with 20 % slack),
 * quality ones to be met once they have records; past the end, anything short of target is late.
 */
export function standingOf(
  period: ContractDoc['period'],
  progress: readonly Progress[],
  now: Date,
): Standing {
  const share = elapsedShare(period, now);
  const short = progress.filter((p) =>
    p.kind === 'quality' ? p.records > 0 && p.attainment < 1 : p.attainment < share * 0.8,
  );
  if (now.getTime() > period.to.getTime())
    return progress.some((p) => p.attainment < 1) ? 'late' : 'on_track';
  return short.length > 0 ? 'at_risk' : 'on_track';
}

/** The rows of every source, as read for one contract or a whole street. */
export interface SourceRows {
  orders?: OrderRow[];
  hours?: HoursRow[];
  signups?: SignupRow[];
  donations?: DonationRow[];
  rounds?: RoundRow[];
}

/** Each indicator's progress of a contract (reports for its `report` indicators). */
export function contractProgress(
  contract: Pick<ContractDoc, 'indicators'> & Scope,
  rows: SourceRows,
  reports: readonly Pick<ProgressReportDoc, 'values'>[],
): Progress[] {
  return contract.indicators.map((i) => progressOf(i, countedRecords(i.source, contract, rows), reports));
}

/** A street's rows indexed by community, so a contract reads only its communities' rows (the dashboard's speed). */
export function indexByCommunity(rows: SourceRows): (communityIds: readonly string[]) => SourceRows {
  const group = <T>(list: T[] | undefined, keys: (r: T) => readonly string[]) => {
    const m = new Map<string, T[]>();
    for (const r of list ?? [])
      for (const k of keys(r)) {
        const at = m.get(k);
        if (at) at.push(r);
        else m.set(k, [r]);
      }
    return m;
  };
  const orders = group(rows.orders, (o) => [o.communityId]);
  const hours = group(rows.hours, (h) => h.placePath.slice(2, 3));
  const signups = group(rows.signups, (s) => s.placePath.slice(2, 3));
  const donations = group(rows.donations, (d) => (d.recipientPath ?? []).slice(2, 3));
  const pick = <T>(m: Map<string, T[]>, ids: readonly string[]) =>
    [...new Set(ids)].flatMap((id) => m.get(id) ?? []);
  return (ids) => ({
    orders: pick(orders, ids),
    hours: pick(hours, ids),
    signups: pick(signups, ids),
    donations: pick(donations, ids),
    rounds: rows.rounds,
  });
}
