/**
 * The message centre's retention (PRIVACY_LIMITS, stated in the privacy policy): a message read is kept
 * `inboxReadKeptDays` from when it came, any message `inboxKeptDays`. Pruned by the privacy chores timer.
 */
import { PRIVACY_LIMITS } from '../../../miniprogram/shared/limits';
import { _, db } from '../../common/cloud';
import { INBOX_MESSAGES } from '../../common/inbox';

const DAY_MS = 86_400_000;

/** What each bound removes, oldest rule last (both by the `by_age` index). */
function bounds(now: Date): Record<string, unknown>[] {
  const before = (days: number) => _.lt(new Date(now.getTime() - days * DAY_MS));
  return [
    { createdAt: before(PRIVACY_LIMITS.inboxReadKeptDays), read: true },
    { createdAt: before(PRIVACY_LIMITS.inboxKeptDays) },
  ];
}

/**
 * Removes the messages past their retention: one set-based delete per bound (a round trip each, however many
 * messages), each started only while the run's work clock allows (the next run takes what is left). Returns how
 * many went.
 */
export async function pruneInbox(now: Date, timeLeft: () => boolean): Promise<number> {
  let removed = 0;
  for (const where of bounds(now)) {
    if (!timeLeft()) break;
    const res = (await db.collection(INBOX_MESSAGES).where(where).remove()) as {
      stats?: { removed?: number };
    };
    removed += res.stats?.removed ?? 0;
  }
  return removed;
}
