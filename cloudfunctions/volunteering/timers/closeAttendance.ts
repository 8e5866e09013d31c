/**
 * closeAttendance (timer, every 10 minutes) — for each activity over for longer than the check-out grace:
 * 1. forgotten check-outs are closed at the scheduled end, flagged `autoClosed`, and credited unverified with the
 *    time from check-in to the end (so never more than the scheduled duration) until the organizer verifies; the
 *    volunteer is told;
 * 2. a check-out whose ledger credit was lost (the function stopped between its two writes) is credited;
 * 3. seat holders who never checked in are no-shows: flagged on the sign-up, counted on the volunteer's record;
 * 4. the activity is marked closed (phase `completed`).
 * Each write is conditional, so a run that stops half-way is finished by the next. 20 activities a run.
 */
import { _, db } from '../../common/cloud';
import { countLimited, mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { isDuplicateKey, rows, updatedCount } from '../../common/db';
import { VOL_LIMITS } from '../contract';
import { creditedMinutes, planCredit } from '../domain/hours';
import { admittedIds } from '../domain/roster';
import { notifyAutoClosed } from '../notices';
import {
  ACTIVITIES,
  entryBaseOf,
  HOURS,
  hoursEntry,
  SIGNUPS,
  VOLUNTEERS,
  type ActivityDoc,
  type HoursEntryDoc,
  type SignupDoc,
} from '../documents';
import { findAndUpdate } from '../store';

const PER_RUN = 20;

/** What one activity's closing did. */
interface Closed {
  autoClosed: number;
  credited: number;
  noShows: number;
}

async function closeOne(a: ActivityDoc, now: Date): Promise<Closed> {
  const signups = rows<SignupDoc>(
    await db
      .collection(SIGNUPS)
      .where({ activityId: a._id, state: 'active' })
      .limit(VOL_LIMITS.entriesMax)
      .get(),
  );
  const closedNow = (
    await mapLimited(
      signups.filter((x) => x.checkInAt && !x.checkOutAt),
      TIMER_CONCURRENCY,
      (s) =>
        findAndUpdate<SignupDoc>(
          SIGNUPS,
          { _id: s._id, checkOutAt: _.exists(false) },
          { checkOutAt: a.endAt, autoClosed: true },
        ),
    )
  ).filter((doc): doc is SignupDoc => Boolean(doc));
  const credited = new Set(
    rows<Pick<HoursEntryDoc, 'signupId'>>(
      await db
        .collection(HOURS)
        .where({ activityId: a._id, n: 1 })
        .field({ signupId: true })
        .limit(VOL_LIMITS.entriesMax)
        .get(),
    ).map((e) => e.signupId),
  );
  const closedIds = new Set(closedNow.map((s) => s._id));
  const toCredit = [...signups.filter((s) => s.checkOutAt && !closedIds.has(s._id)), ...closedNow].filter(
    (s) => !credited.has(s._id),
  );
  const creditedCount = await countLimited(toCredit, TIMER_CONCURRENCY, async (s) => {
    const c = creditedMinutes(s.checkInAt!, s.checkOutAt!, a);
    const entry = hoursEntry(entryBaseOf(s), 1, planCredit(c.minutes), 'system', now, {
      ...(s.autoClosed ? { autoClosed: true } : {}),
      ...(c.capped ? { capped: true } : {}),
    });
    try {
      await db.collection(HOURS).add({ data: entry });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return false;
    }
  });
  const seats = new Set(admittedIds(a.members, a.capacity));
  const absent = signups.filter((x) => seats.has(x.volunteerId) && !x.checkInAt && !x.noShow);
  const noShows = await countLimited(absent, TIMER_CONCURRENCY, async (s) => {
    const res = await db
      .collection(SIGNUPS)
      .where({ _id: s._id, checkInAt: _.exists(false), noShow: _.neq(true) })
      .update({ data: { noShow: true } });
    if (updatedCount(res) === 0) return false;
    await db
      .collection(VOLUNTEERS)
      .doc(s.volunteerId)
      .update({ data: { noShows: _.inc(1), updatedAt: now } });
    return true;
  });
  await db
    .collection(ACTIVITIES)
    .where({ _id: a._id, closedAt: _.exists(false) })
    .update({ data: { closedAt: now, updatedAt: now } });
  await Promise.all(closedNow.map((s) => notifyAutoClosed(s.openid, a)));
  return { autoClosed: closedNow.length, credited: creditedCount, noShows };
}

/** Closes attendance of the activities that are due; returns what it did, for the logs. */
export async function closeAttendance(now: Date): Promise<Closed & { activities: number }> {
  const graceEnd = new Date(now.getTime() - VOL_LIMITS.checkOutGraceMinutes * 60_000);
  const due = rows<ActivityDoc>(
    await db
      .collection(ACTIVITIES)
      .where({ status: 'published', closedAt: _.exists(false), endAt: _.lt(graceEnd) })
      .orderBy('endAt', 'asc')
      .limit(PER_RUN)
      .get(),
  );
  const total = { activities: due.length, autoClosed: 0, credited: 0, noShows: 0 };
  // A few activities side by side (each with its own writes in flight): 20 one after another at 20 ms a round
  // trip would take most of the 20 s timeout.
  for (const r of await mapLimited(due, 4, (a) => closeOne(a, now))) {
    total.autoClosed += r.autoClosed;
    total.credited += r.credited;
    total.noShows += r.noShows;
  }
  return total;
}
