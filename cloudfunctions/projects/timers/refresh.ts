/**
 * The `refresh` timer (every 10 minutes): for each street with contracts (their terms in force: the effective
 * amendments applied, as every contract action reads them), brings its copy of the delivery records
 * up to date from where the last run stopped (steps/tallies: only records changed since, a chunk at a time),
 * then computes the dashboard from the copy into project_summaries (dashboard reads are then one round trip) and each provider's credit value; a change of credit
 * is a new credit event with the records behind it, and a value below the threshold suspends the organization's
 * admitted pool entry, with the reason in its history.
 */
import { addMonths, monthKey, startOfMonth } from '../../../miniprogram/shared/calendar';
import { _, db } from '../../common/cloud';
import { workClock } from '../../common/concurrency';
import { isDuplicateKey, rows } from '../../common/db';
import {
  AMENDMENTS,
  CONTRACTS,
  CREDIT_EVENTS,
  EVALUATIONS,
  POOL,
  PROGRESS_REPORTS,
  SPENDING,
  SUMMARIES,
  type AmendmentDoc,
  type ContractDoc,
  type CreditEventDoc,
  type EvaluationDoc,
  type PoolEntryDoc,
  type ProgressReportDoc,
  type SpendingDoc,
} from '../documents';
import { currentTerms } from '../domain/amendments';
import { creditInputsOf, creditOf, CREDIT_THRESHOLD, NEUTRAL, type CreditSubject } from '../domain/credit';
import { computeDashboard } from '../domain/dashboard';
import { currentEvaluation } from '../domain/evaluation';
import { contractProgress, elapsedShare, indexByCommunity, type SourceRows } from '../domain/tracking';
import { catchUp } from '../steps/tallies';

const STAGE = { mid: '中期评估', final: '终期评估' } as const;
/** A monthly report is on time by the 10th of the next month. */
const REPORT_GRACE_DAYS = 10;

async function getAll<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = rows<T>(await db.collection(collection).where(where).skip(out.length).limit(1000).get());
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Refreshes every street's summary and its providers' credit; returns what it did. */
export async function refresh(
  now: Date,
): Promise<{ streets: number; creditChanges: number; behind: number }> {
  const [signed, amendments] = await Promise.all([
    getAll<ContractDoc>(CONTRACTS, { status: _.neq('terminated') }),
    getAll<AmendmentDoc>(AMENDMENTS, { status: 'effective' }),
  ]);
  // The terms in force, as the contract pages show them: targets, period and budget lines as amended.
  const amendmentsOf = new Map<string, AmendmentDoc[]>();
  for (const a of amendments)
    (amendmentsOf.get(a.contractId) ?? amendmentsOf.set(a.contractId, []).get(a.contractId)!).push(a);
  const contracts = signed.map((c) => currentTerms(c, amendmentsOf.get(c._id) ?? []));
  const streets = new Map<string, ContractDoc[]>();
  for (const c of contracts)
    (streets.get(c.streetId) ?? streets.set(c.streetId, []).get(c.streetId)!).push(c);
  let creditChanges = 0;
  let behind = 0;
  const timeLeft = workClock();
  for (const [streetId, list] of streets) {
    const scope = {
      orgIds: [...new Set(list.map((c) => c.orgId))],
      communityIds: [...new Set(list.flatMap((c) => c.communityIds))],
      streetId,
      from: new Date(Math.min(...list.map((c) => c.period.from.getTime()))),
      to: new Date(Math.max(...list.map((c) => c.period.to.getTime()))),
    };
    // The street's own records (a few per contract) beside the copy's catching up.
    const [reports, spending, evaluations, pool, events, tally] = await Promise.all([
      getAll<ProgressReportDoc>(PROGRESS_REPORTS, { streetId }),
      getAll<SpendingDoc>(SPENDING, { streetId }),
      getAll<EvaluationDoc>(EVALUATIONS, { streetId }),
      getAll<PoolEntryDoc>(POOL, { streetId }),
      getAll<CreditEventDoc>(CREDIT_EVENTS, { streetId }),
      catchUp(streetId, scope, now, timeLeft),
    ]);
    // A copy still catching up would show too little: the last whole summary stays until the next run.
    if (!tally.caughtUp) {
      behind += 1;
      continue;
    }
    const srcRows = tally.rows;
    const dashboard = computeDashboard(list, srcRows, reports, spending, now);
    await db
      .collection(SUMMARIES)
      .doc(streetId)
      .set({ data: { streetId, scopePath: list[0]!.scopePath, computedAt: now, dashboard } });
    creditChanges += await refreshCredit(streetId, list, srcRows, reports, evaluations, pool, events, now);
  }
  return { streets: streets.size, creditChanges, behind };
}

async function refreshCredit(
  streetId: string,
  list: ContractDoc[],
  srcRows: SourceRows,
  reports: ProgressReportDoc[],
  evaluations: EvaluationDoc[],
  pool: PoolEntryDoc[],
  events: CreditEventDoc[],
  now: Date,
): Promise<number> {
  const forCommunities = indexByCommunity(srcRows);
  let changes = 0;
  for (const orgId of new Set(list.filter((c) => c.status !== 'signing').map((c) => c.orgId))) {
    const mine = list.filter((c) => c.orgId === orgId && c.status !== 'signing');
    const orgName = mine[0]!.orgName;
    const communities = new Set(mine.flatMap((c) => c.communityIds));
    const subject: CreditSubject = {
      orgId,
      orgName,
      contracts: mine.map((c) => ({
        id: c._id,
        title: c.title,
        attainments: contractProgress(
          c,
          forCommunities(c.communityIds),
          reports.filter((r) => r.contractId === c._id),
        ).map((p) => p.attainment),
        elapsed: elapsedShare(c.period, now),
        reportMonths: reportMonths(c, reports, now),
      })),
      evaluations: mine.flatMap((c) =>
        (['mid', 'final'] as const).flatMap((stage) => {
          const e = currentEvaluation(
            evaluations.filter((x) => x.contractId === c._id),
            stage,
          );
          return e ? [{ id: e._id, label: `${c.title} ${STAGE[stage]} ${e.grade}`, total: e.total }] : [];
        }),
      ),
      orders: (srcRows.orders ?? [])
        .filter((o) => communities.has(o.communityId))
        .map((o) => {
          const timeline = (o as { timeline?: { event: string; orgName?: string }[] }).timeline ?? [];
          return {
            id: o._id,
            label: `${o.communityName} ${o.itemName}`,
            rating: o.orgId === orgId ? o.survey?.rating : undefined,
            complaint: o.orgId === orgId && !!o.survey?.complaint,
            declined: timeline.some((t) => t.event === 'declined' && t.orgName === orgName),
          };
        })
        .filter((o) => o.rating !== undefined || o.complaint || o.declined),
    };
    const { inputs, causes } = creditInputsOf(subject);
    const value = creditOf(inputs);
    const entry = pool.find((p) => p._id === `${streetId}:${orgId}`);
    const last = events.filter((e) => e.orgId === orgId).sort((a, b) => b.n - a.n)[0];
    const previous = entry?.credit ?? last?.value ?? NEUTRAL * 100;
    if (last && Math.abs(value - previous) < 0.05) continue;
    const suspend = value < CREDIT_THRESHOLD && entry?.status === 'admitted';
    const n = (last?.n ?? 0) + 1;
    const event: CreditEventDoc = {
      _id: `${streetId}:${orgId}:${n}`,
      streetId,
      orgId,
      orgName,
      n,
      value,
      previous,
      inputs,
      causes,
      ...(suspend ? { suspended: true } : {}),
      at: now,
    };
    try {
      await db.collection(CREDIT_EVENTS).add({ data: event });
    } catch (err) {
      // Another run wrote this change first.
      if (isDuplicateKey(err)) continue;
      throw err;
    }
    changes += 1;
    if (!entry) continue;
    const reason = `信用值 ${value} 低于 ${CREDIT_THRESHOLD}，暂停入库资格`;
    await db
      .collection(POOL)
      .where({ _id: entry._id, ...(suspend ? { status: 'admitted' } : {}) })
      .update({
        data: {
          credit: value,
          ...(suspend
            ? {
                status: 'suspended',
                history: _.push([
                  { kind: 'suspend', by: { id: 'system', name: '信用规则' }, at: now, reason },
                ]),
                rev: _.inc(1),
              }
            : {}),
          updatedAt: now,
        },
      });
  }
  return changes;
}

/** The contract's report months so far (for its `report` indicators): due, and sent by the 10th of the next month. */
function reportMonths(
  c: ContractDoc,
  reports: ProgressReportDoc[],
  now: Date,
): { due: boolean; onTime: boolean }[] {
  if (!c.indicators.some((i) => i.source.kind === 'report')) return [];
  const out: { due: boolean; onTime: boolean }[] = [];
  const last = monthKey(c.period.to);
  for (let m = monthKey(c.period.from); m <= last; m = addMonths(m, 1)) {
    const deadline = new Date(startOfMonth(addMonths(m, 1)).getTime() + REPORT_GRACE_DAYS * 86_400_000);
    if (deadline.getTime() > now.getTime()) break;
    const r = reports.find((x) => x.contractId === c._id && x.month === m);
    out.push({ due: true, onTime: !!r && r.at.getTime() <= deadline.getTime() });
  }
  return out;
}
