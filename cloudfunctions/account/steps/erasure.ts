/** Pending account deletions: cancelling one, and carrying out those whose cooling-off is over (the timer). */
import { _, db } from '../../common/cloud';
import { workClock } from '../../common/concurrency';
import { dropExpiredFiles } from '../../common/exports/storage';
import { rows } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { ERASURES, EXPORTS, type ErasureDoc, type ExportDoc } from '../documents';
import { erasePerson } from './personalData';

/** Cancels a pending deletion: the request and the user's mark go. Round trips: 2. */
export async function dropErasure(userId: string, now: Date): Promise<void> {
  await Promise.all([
    db.collection(ERASURES).doc(userId).remove(),
    db
      .collection(USERS)
      .doc(userId)
      .update({ data: { erasureDueAt: _.remove(), updatedAt: now } }),
  ]);
}

/** Deletions carried out per run at most (each touches every collection; the next run takes the rest). */
const PER_RUN = 20;

/** Carries out the deletions that are due; returns counts only (nobody's identity in the logs). */
export async function eraseDue(
  now: Date,
  timeLeft: () => boolean = workClock(),
): Promise<{ people: number; deleted: number; rewritten: number }> {
  const due = rows<ErasureDoc>(
    await db
      .collection(ERASURES)
      .where({ dueAt: _.lte(now) })
      .limit(PER_RUN)
      .get(),
  );
  const out = { people: 0, deleted: 0, rewritten: 0 };
  for (const [i, request] of due.entries()) {
    // Once the run's time is up no one else is started: the rest wait for the next run (their requests stay).
    if (i > 0 && !timeLeft()) break;
    const user = rows<UserDoc>(await db.collection(USERS).where({ _id: request._id }).get())[0];
    // Cancelled by logging in after this run read the list: the user's mark is gone, so nothing is erased.
    if (user && user.erasureDueAt) {
      const counts = await erasePerson(user);
      out.people++;
      out.deleted += counts.deleted;
      out.rewritten += counts.rewritten;
    }
    await db.collection(ERASURES).doc(request._id).remove();
  }
  return out;
}

/** Deletes the files and records of exports that expired (opened or not). */
export const dropExpiredExports = (now: Date): Promise<number> =>
  dropExpiredFiles<ExportDoc>(EXPORTS, (e) => [e.files.json, e.files.html], now);
