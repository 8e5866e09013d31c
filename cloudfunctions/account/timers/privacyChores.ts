/**
 * Timer `privacyChores` (every hour, Beijing): carries out account deletions whose cooling-off is over, deletes
 * the files of exports that expired (a person's data; an admin's people list, common/exports), and removes message centre messages past their retention (steps/
 * inboxRetention). One work clock for the run: what is not started in time waits for the next. Returns counts only.
 */
import { workClock } from '../../common/concurrency';
import { dropExpiredSheets } from '../../common/exports/storage';
import { dropExpiredExports, eraseDue } from '../steps/erasure';
import { pruneInbox } from '../steps/inboxRetention';

/** One run. */
export async function privacyChores(
  now: Date,
): Promise<{ erased: number; exportsDropped: number; sheetsDropped: number; messagesRemoved: number }> {
  const timeLeft = workClock();
  const erased = await eraseDue(now, timeLeft);
  const [exportsDropped, sheetsDropped] = await Promise.all([
    dropExpiredExports(now),
    dropExpiredSheets(now),
  ]);
  const messagesRemoved = await pruneInbox(now, timeLeft);
  return { erased: erased.people, exportsDropped, sheetsDropped, messagesRemoved };
}
