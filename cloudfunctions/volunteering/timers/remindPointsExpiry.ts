/**
 * remindPointsExpiry (timer, 1 December, every 10 minutes from 09:00 to 09:50 Beijing: a month before points
 * expire at the year's end) — tells everyone whose points will expire on 31 December how many, by subscription
 * message (consent is asked on the points page once they have earned points; WeChat delivers only to those who
 * agreed). Each person's reminder is marked before it is sent (`points_reminders`, once per person and year), and
 * the scan leaves out those already marked: a run takes up to 1,000 people, the next run goes on from there, and
 * nobody is told twice.
 */
import { db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { POINT_REMINDERS, type PointReminderDoc } from '../../common/points/documents';
import { nextExpiry } from '../../common/points/ledger';
import { dateKey, dayText } from '../../../miniprogram/shared/calendar';
import { notifyPointsExpiring } from '../notices';
import { forEachDue } from './expirePoints';

const PER_RUN = 1000;

/** Marks the reminder; false when it was already marked (another run has it). */
async function mark(userId: string, key: string, at: Date): Promise<boolean> {
  const doc: PointReminderDoc = { _id: `${userId}@${key}`, userId, key, at };
  try {
    await db.collection(POINT_REMINDERS).add({ data: doc });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Sends the reminders; returns how many were sent. */
export async function remindPointsExpiry(now: Date): Promise<{ reminded: number }> {
  // The last day of this year, whatever a street's number of years.
  const lastDayAt = nextExpiry(now, 1)!.at.getTime() - 1;
  const key = dateKey(lastDayAt);
  const lastDay = dayText(lastDayAt);
  const reminded = await forEachDue(
    (years) => nextExpiry(now, years)?.cutoff,
    PER_RUN,
    async ({ userId, amount, user }) =>
      Boolean(user?.openid) &&
      (await mark(userId, key, now)) &&
      notifyPointsExpiring(user!.openid, amount, lastDay),
    { from: POINT_REMINDERS, key },
  );
  return { reminded };
}
