/**
 * creditPoints (timer, every 5 minutes) — verified hours become 爱心积分: every hours-ledger entry that moved
 * verified minutes (a verification, or an adjustment after it) and has no points entry yet gets one, worth what the
 * sign-up's verified time is worth after it minus before it at the street's rate plus the activity's bonus (so a
 * later adjustment or revocation is a compensating entry, and the points always match the final verified time).
 * Points never come from unverified time. Each points entry names its hours entry under a unique key, so a run
 * that stops half-way, or two runs at once, credit each entry once. 500 entries a run, oldest first, from the last
 * 90 days; different people's entries side by side.
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { POINT_ENTRIES, POINT_RULES, type PointRuleDoc } from '../../common/points/documents';
import { pointsForHoursEntry } from '../../common/points/ledger';
import { appendEntry, ruleOr } from '../../common/points/store';
import { ACTIVITIES, HOURS, type ActivityDoc, type HoursEntryDoc } from '../documents';

const PER_RUN = 500;
const LOOK_BACK_MS = 90 * 86_400_000;

/** Verified hours entries with no points entry yet (one aggregation). */
async function uncredited(now: Date): Promise<(HoursEntryDoc & { bonus: number })[]> {
  const res = (await db
    .collection(HOURS)
    .aggregate()
    .match({
      verified: true,
      verifiedDelta: _.neq(0),
      at: _.gte(new Date(now.getTime() - LOOK_BACK_MS)),
    })
    .lookup({ from: POINT_ENTRIES, localField: '_id', foreignField: 'cause.id', as: 'credited' })
    .match({ credited: _.size(0) })
    .project({ credited: 0 })
    .sort({ at: 1 })
    .limit(PER_RUN)
    .lookup({ from: ACTIVITIES, localField: 'activityId', foreignField: '_id', as: 'activity' })
    .project({ 'activity.members': 0, 'activity.activeIds': 0 })
    .end()) as { list: (HoursEntryDoc & { activity: Pick<ActivityDoc, 'bonusPointsPerHour'>[] })[] };
  return res.list.map(({ activity, ...e }) => ({ ...e, bonus: activity[0]?.bonusPointsPerHour ?? 0 }));
}

/** Credits what is due; returns how many entries and points. */
export async function creditPoints(now: Date): Promise<{ entries: number; points: number }> {
  const due = await uncredited(now);
  if (due.length === 0) return { entries: 0, points: 0 };
  const rules = new Map(
    rows<PointRuleDoc>(await db.collection(POINT_RULES).limit(1000).get()).map((r) => [r._id, r]),
  );
  // A person's entries extend one chain, so they go one after another; different people go side by side.
  const byPerson = new Map<string, typeof due>();
  for (const e of due) byPerson.set(e.volunteerId, [...(byPerson.get(e.volunteerId) ?? []), e]);
  let points = 0;
  await mapLimited([...byPerson.values()], TIMER_CONCURRENCY, async (entries) => {
    for (const e of entries) {
      const rate = ruleOr(rules.get(e.placePath[1] ?? '')).pointsPerHour + e.bonus;
      const delta = pointsForHoursEntry(e.verifiedAfter - e.verifiedDelta, e.verifiedAfter, rate);
      const done = await appendEntry({
        userId: e.volunteerId,
        kind: delta >= 0 ? 'earn' : 'adjust',
        delta,
        cause: { type: 'hours', id: e._id, title: e.activityTitle },
        ...(e.reason ? { reason: e.reason } : {}),
        placePath: e.placePath,
        by: 'system',
        at: now,
      });
      if ('entry' in done && !done.replay) points += done.entry.delta;
    }
  });
  return { entries: due.length, points };
}
