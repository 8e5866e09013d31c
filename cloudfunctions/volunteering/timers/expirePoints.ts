/**
 * expirePoints (timer, every 10 minutes from 01:00 to 01:50 Beijing) — 爱心积分 expire by the rule of the street
 * the person lives in (default: at the end of the second year after the year earned), oldest first: an `expire`
 * entry takes what was earned before the cutoff and not yet used up. The entry names the cutoff under a unique key,
 * so a run that stops half-way, or two runs, expire once; the scan finds only people with something still to
 * expire, so each run goes on where the last stopped. 1,000 people a run, 16 at a time.
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { POINT_ENTRIES, POINT_RULES, type PointRuleDoc } from '../../common/points/documents';
import { DEFAULT_RULE, expiringAmount, expiryCutoff, type LedgerHead } from '../../common/points/ledger';
import { appendEntry } from '../../common/points/store';
import { dateKey } from '../../../miniprogram/shared/calendar';

const PER_RUN = 1000;

/** People to leave out: those with a `{ userId, key }` document of this key in collection `from`. */
export interface Unmarked {
  from: string;
  key: string;
}

/** A person's ledger as the scan sees it: what they had earned before the cutoff, and their head now. */
interface Standing extends LedgerHead {
  _id: string;
  earned: number;
}

/**
 * People with points earned before `cutoff` that are not yet used up or expired, with their heads (one
 * aggregation over the ledger: each person's last entry, and the most they had earned before the cutoff).
 */
async function standingsBefore(cutoff: Date, limit: number, unmarked?: Unmarked): Promise<Standing[]> {
  const $ = _.aggregate;
  let pipeline = db
    .collection(POINT_ENTRIES)
    .aggregate()
    .sort({ userId: 1, n: 1 })
    .group({
      _id: '$userId',
      earned: $.max($.cond({ if: $.lt(['$at', cutoff]), then: '$earnedAfter', else: 0 })),
      n: $.last('$n'),
      balanceAfter: $.last('$balanceAfter'),
      earnedAfter: $.last('$earnedAfter'),
    })
    // expiringAmount > 0: a balance left, and more earned before the cutoff than has been used up since.
    .addFields({
      due: $.and([
        $.gt(['$balanceAfter', 0]),
        $.gt(['$earned', $.subtract(['$earnedAfter', '$balanceAfter'])]),
      ]),
    })
    .match({ due: true })
    .project({ due: 0 });
  if (unmarked)
    pipeline = pipeline
      .lookup({ from: unmarked.from, localField: '_id', foreignField: 'userId', as: 'marks' })
      .match({ 'marks.key': _.neq(unmarked.key) })
      .project({ marks: 0 });
  const res = (await pipeline.sort({ _id: 1 }).limit(limit).end()) as { list: Standing[] };
  return res.list;
}

/** A person with points due at a cutoff: their last entry's head, the amount, and their user record. */
export interface Due {
  userId: string;
  head: LedgerHead;
  amount: number;
  user: Pick<UserDoc, '_id' | 'openid' | 'placePath'> | undefined;
  cutoff: Date;
}

/**
 * Everyone whose points earned before the cutoff (`cutoffOf(expiryYears)`) are not yet used up, by the rule of
 * the street they live in, up to `limit` people; `each` is called for each, `TIMER_CONCURRENCY` at a time
 * (different people: their ledgers are separate chains). `unmarked` leaves out people who already carry a mark
 * (`{ userId, key }` documents in a collection: a reminder already sent). Returns how many `each` counted.
 */
export async function forEachDue(
  cutoffOf: (expiryYears: number) => Date | undefined,
  limit: number,
  each: (due: Due) => Promise<boolean>,
  unmarked?: Unmarked,
): Promise<number> {
  const rules = rows<PointRuleDoc>(await db.collection(POINT_RULES).limit(1000).get());
  const yearsOf = new Map(rules.map((r) => [r._id, r.expiryYears]));
  const spans = new Set([DEFAULT_RULE.expiryYears, ...yearsOf.values()].filter((y) => y > 0));
  let done = 0;
  for (const years of spans) {
    const cutoff = cutoffOf(years);
    if (!cutoff || done >= limit) continue;
    const found = (await standingsBefore(cutoff, limit - done, unmarked)).filter(
      (s) => expiringAmount(s.earned, s) > 0,
    );
    if (found.length === 0) continue;
    const users = new Map(
      rows<Pick<UserDoc, '_id' | 'openid' | 'placePath'>>(
        await db
          .collection(USERS)
          .where({ _id: _.in(found.map((s) => s._id)) })
          .field({ _id: true, openid: true, placePath: true })
          .limit(found.length)
          .get(),
      ).map((u) => [u._id, u]),
    );
    // The person's own street's rule decides (a street without one: the default).
    const theirs = found.filter(
      (s) => (yearsOf.get(users.get(s._id)?.placePath[1] ?? '') ?? DEFAULT_RULE.expiryYears) === years,
    );
    const counted = await mapLimited(theirs, TIMER_CONCURRENCY, (s) =>
      each({
        userId: s._id,
        head: { n: s.n, balanceAfter: s.balanceAfter, earnedAfter: s.earnedAfter },
        amount: expiringAmount(s.earned, s),
        user: users.get(s._id),
        cutoff,
      }),
    );
    done += counted.filter(Boolean).length;
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
