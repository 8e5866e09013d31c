/**
 * remindPointsExpiry (timer, 1 December 09:00 Beijing: a month before points expire at the year's end) — tells
 * everyone whose points will expire on 31 December how many, by subscription message (consent is asked on the
 * points page once they have earned points; WeChat delivers only to those who agreed). 500 people a run.
 */
import { dayText } from '../../../miniprogram/shared/calendar';
import { nextExpiry } from '../../common/points/ledger';
import { notifyPointsExpiring } from '../notices';
import { forEachDue } from './expirePoints';

const PER_RUN = 500;

/** Sends the reminders; returns how many were sent. */
export async function remindPointsExpiry(now: Date): Promise<{ reminded: number }> {
  // The last day of this year, whatever a street's number of years.
  const lastDay = dayText(nextExpiry(now, 1)!.at.getTime() - 1);
  const reminded = await forEachDue(
    (years) => nextExpiry(now, years)?.cutoff,
    PER_RUN,
    async ({ amount, user }) => (user?.openid ? notifyPointsExpiring(user.openid, amount, lastDay) : false),
  );
  return { reminded };
}
