/**
 * expirePoints (timer, daily at 00:30 Beijing) — 爱心积分 expire by the rule of the street the person lives in
 * (default: at the end of the second year after the year earned), oldest first: an `expire` entry takes what was
 * earned before the cutoff and not yet used up. The entry names the cutoff under a unique key, so a run that stops
 * half-way, or two runs, expire once. 200 people a run.
 */
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { POINT_ENTRIES, POINT_RULES, type PointRuleDoc } from '../../common/points/documents';
import { DEFAULT_RULE, expiringAmount, expiryCutoff, type LedgerHead } from '../../common/points/ledger';
import { appendEntry, headOf, lastEntry } from '../../common/points/store';
import { dateKey } from '../../../miniprogram/shared/calendar';

const PER_RUN = 200;

/** People who earned points before `cutoff`, with what they had earned by then (one aggregation). */
async function earnedBefore(cutoff: Date): Promise<{ _id: string; earned: number }[]> {
  const res = (await db
    .collection(POINT_ENTRIES)
    .aggregate()
    .match({ at: _.lt(cutoff) })
    .group({ _id: '$userId', earned: _.aggregate.max('$earnedAfter') })
    .match({ earned: _.gt(0) })
    .limit(10_000)
    .end()) as { list: { _id: string; earned: number }[] };
  return res.list;
}

/** A person with points due at a cutoff: their last entry's head, the amount, and their user record. */
export interface Due {
  userId: string;
  head: LedgerHead;
  amount: number;
  user: UserDoc | undefined;
  cutoff: Date;
}

/**
 * Everyone whose points earned before the cutoff (`cutoffOf(expiryYears)`) are not yet used up, by the rule of
 * the street they live in, up to `limit` people; `each` is called for each.
 */
export async function forEachDue(
  cutoffOf: (expiryYears: number) => Date | undefined,
  limit: number,
  each: (due: Due) => Promise<boolean>,
): Promise<number> {
  const rules = rows<PointRuleDoc>(await db.collection(POINT_RULES).limit(1000).get());
  const yearsOf = new Map(rules.map((r) => [r._id, r.expiryYears]));
  const spans = new Set([DEFAULT_RULE.expiryYears, ...yearsOf.values()].filter((y) => y > 0));
  let done = 0;
  for (const years of spans) {
    const cutoff = cutoffOf(years);
    if (!cutoff) continue;
    for (const c of await earnedBefore(cutoff)) {
      if (done >= limit) return done;
      const head = headOf(await lastEntry(c._id));
      const amount = expiringAmount(c.earned, head);
      if (amount === 0) continue;
      const user = rows<UserDoc>(await db.collection(USERS).where({ _id: c._id }).limit(1).get())[0];
      // The person's own street's rule decides (a street without one: the default).
      if ((yearsOf.get(user?.placePath[1] ?? '') ?? DEFAULT_RULE.expiryYears) !== years) continue;
      if (await each({ userId: c._id, head, amount, user, cutoff })) done += 1;
    }
  }
  return done;
}

/** Expires what is due; returns how many people and points. */
export async function expirePoints(now: Date): Promise<{ people: number; points: number }> {
  let points = 0;
  const people = await forEachDue(
    (years) => expiryCutoff(now, years),
    PER_RUN,
    async ({ userId, head, amount, user, cutoff }) => {
      const done = await appendEntry(
        {
          userId,
          kind: 'expire',
          delta: -amount,
          cause: {
            type: 'expiry',
            id: `${userId}@${dateKey(cutoff)}`,
            title: `${dateKey(cutoff).slice(0, 4)}年以前获得的积分到期`,
          },
          placePath: user?.placePath ?? [],
          by: 'system',
          at: now,
        },
        head,
      );
      if (!('entry' in done) || done.replay) return false;
      points -= done.entry.delta;
      return true;
    },
  );
  return { people, points };
}
