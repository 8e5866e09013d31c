/** A community's yearly thank-you page from the year's verified hours (pure). */
import { maskName } from '../../common/mask';
import type { ThankYouView } from '../contract';
import { hoursText } from './hours';

/** One volunteer's verified minutes in the year, with their consent to be named. */
export interface YearHours {
  _id: string;
  name: string;
  minutes: number;
  activityIds: string[];
  publicThanks: boolean;
}

/** How many volunteers the page names. */
export const THANKED = 10;

/** The page: totals over everyone who served, names only of those who agreed (masked), most hours first. */
export function thankYouView(
  communityName: string,
  year: number,
  rows: readonly YearHours[],
): Omit<ThankYouView, 'me'> {
  const served = rows.filter((r) => r.minutes > 0);
  return {
    communityName,
    year,
    totalHours: hoursText(served.reduce((s, r) => s + r.minutes, 0)),
    volunteers: served.length,
    activities: new Set(served.flatMap((r) => r.activityIds)).size,
    top: served
      .filter((r) => r.publicThanks)
      .sort((a, b) => b.minutes - a.minutes || a._id.localeCompare(b._id))
      .slice(0, THANKED)
      .map((r) => ({ name: maskName(r.name), hours: hoursText(r.minutes) })),
  };
}
