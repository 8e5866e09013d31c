/**
 * Timer `pledgeReminders` (daily 09:00): donors whose pledge runs out within a day are reminded once, with the
 * supermarket to bring it to. Marks the donation so a second run does not remind again.
 */
import { _, db } from '../../common/cloud';
import { countLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows, updatedCount } from '../../common/db';
import { CHARITY_LIMITS } from '../contract';
import { tellDonor } from '../notices';
import { DONATIONS, type DonationDoc } from '../documents';

/** Sends due reminders; returns how many. */
export async function pledgeReminders(now: Date): Promise<{ reminded: number }> {
  const until = new Date(now.getTime() + CHARITY_LIMITS.reminderLeadHours * 3_600_000);
  let reminded = 0;
  for (let batch = 0; batch < 20; batch++) {
    const due = rows<DonationDoc>(
      await db
        .collection(DONATIONS)
        .where({ status: 'pledged', pledgeBy: _.gt(now).and(_.lte(until)), remindedAt: _.exists(false) })
        .limit(100)
        .get(),
    );
    reminded += await countLimited(due, TIMER_CONCURRENCY, async (d) => {
      // Marked first, and told only by the run whose mark landed: a rerun never reminds twice.
      const res = await db
        .collection(DONATIONS)
        .where({ _id: d._id, status: 'pledged', remindedAt: _.exists(false) })
        .update({ data: { remindedAt: now } });
      return updatedCount(res) === 1 && tellDonor(d, 'REMINDER', now);
    });
    if (due.length < 100) break;
  }
  return { reminded };
}
