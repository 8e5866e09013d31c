/**
 * The points ledger's reads and its one write: {@link appendEntry} extends a person's chain by one entry (see
 * documents.ts for why the chain is race-proof without a transaction).
 */
import { monthKey } from '../../../miniprogram/shared/calendar';
import { _, db } from '../cloud';
import { findOne, isDuplicateKey, rows } from '../db';
import type { Join } from '../joins';
import {
  causeKeyOf,
  POINT_ENTRIES,
  POINT_RULES,
  pointEntryId,
  type EntryCause,
  type EntryKind,
  type PointEntryDoc,
  type PointRuleDoc,
} from './documents';
import { DEFAULT_RULE, EMPTY_HEAD, isInsufficient, planMovement, type LedgerHead } from './ledger';

/** How many times an append re-reads the head after losing a race before giving up. */
const ATTEMPTS = 60;

/** The head of a ledger from its last entry (or the empty head). */
export function headOf(
  last: Pick<PointEntryDoc, 'n' | 'balanceAfter' | 'earnedAfter'> | undefined,
): LedgerHead {
  return last ? { n: last.n, balanceAfter: last.balanceAfter, earnedAfter: last.earnedAfter } : EMPTY_HEAD;
}

/** A person's last entry (one round trip). */
export async function lastEntry(userId: string): Promise<PointEntryDoc | undefined> {
  return rows<PointEntryDoc>(
    await db.collection(POINT_ENTRIES).where({ userId }).orderBy('n', 'desc').limit(1).get(),
  )[0];
}

/** A person's last entry before `at` (one round trip). */
export async function lastEntryBefore(userId: string, at: Date): Promise<PointEntryDoc | undefined> {
  return rows<PointEntryDoc>(
    await db
      .collection(POINT_ENTRIES)
      .where({ userId, at: _.lt(at) })
      .orderBy('n', 'desc')
      .limit(1)
      .get(),
  )[0];
}

/** A join for readWithCaller: the last ledger entry of the user whose id is the root field `idField`. */
export function lastEntryJoin(as: string, idField = '_id'): Join {
  return {
    as,
    from: POINT_ENTRIES,
    let: { pointsUser: `$${idField}` },
    expr: { $eq: ['$userId', '$$pointsUser'] },
    sort: { n: -1 },
    limit: 1,
  };
}

/** A join for readWithCaller: the last ledger entry of a user known by id. */
export function lastEntryOf(as: string, userId: string): Join {
  return { as, from: POINT_ENTRIES, match: { userId }, sort: { n: -1 }, limit: 1 };
}

/** A join for readWithCaller: the points rule of the street whose id is the root field `streetField`. */
export function ruleJoin(as: string, streetField: string): Join {
  return {
    as,
    from: POINT_RULES,
    let: { pointsStreet: `$${streetField}` },
    expr: { $eq: ['$_id', '$$pointsStreet'] },
    limit: 1,
  };
}

/** A street's rule, or the default. */
export function ruleOr(
  found: PointRuleDoc | undefined,
): Pick<PointRuleDoc, 'pointsPerHour' | 'expiryYears' | 'starHours'> {
  return found ?? DEFAULT_RULE;
}

/** What to append. */
export interface EntryRequest {
  userId: string;
  kind: EntryKind;
  delta: number;
  cause: EntryCause;
  placePath: string[];
  by: string;
  at: Date;
  reason?: string;
}

/** What an append did. */
export type AppendResult =
  { entry: PointEntryDoc; replay: boolean } | { insufficient: true; balance: number };

/**
 * Appends an entry for the request's cause, once: planned against `head` (the last entry, read with the action's
 * other reads; read here when not given), inserted as entry n + 1. Losing the race for n + 1 to another writer
 * re-reads the head and plans again (so a spend is checked against the balance it really extends); meeting the
 * cause's own entry (a replay) answers with it. A spend or gift the balance does not cover is refused.
 * Round trips: 1 (the insert) when the head is given and nobody races; 2 more per lost race.
 */
export async function appendEntry(req: EntryRequest, head?: LedgerHead): Promise<AppendResult> {
  const causeKey = causeKeyOf(req.cause, req.kind);
  let current = head ?? headOf(await lastEntry(req.userId));
  for (let attempt = 1; ; attempt++) {
    const m = planMovement(current, req.kind, req.delta);
    if (isInsufficient(m)) return m;
    const entry: PointEntryDoc = {
      _id: pointEntryId(req.userId, m.n),
      userId: req.userId,
      n: m.n,
      kind: req.kind,
      delta: m.delta,
      balanceAfter: m.balanceAfter,
      earnedAfter: m.earnedAfter,
      cause: req.cause,
      causeKey,
      placePath: req.placePath,
      by: req.by,
      at: req.at,
      month: monthKey(req.at),
      ...(req.reason ? { reason: req.reason } : {}),
      ...(m.shortfall ? { shortfall: m.shortfall } : {}),
    };
    try {
      await db.collection(POINT_ENTRIES).add({ data: entry });
      return { entry, replay: false };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const twin = await findOne<PointEntryDoc>(POINT_ENTRIES, { causeKey });
      if (twin) return { entry: twin, replay: true };
      if (attempt >= ATTEMPTS) throw err;
      current = headOf(await lastEntry(req.userId));
    }
  }
}
