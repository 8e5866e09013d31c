/**
 * Timer `pledgeReminders` (daily 09:00): donors whose pledge runs out within a day are reminded once, with the
 * supermarket to bring it to. Marks the donation so a second run does not remind again.
 */
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
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
    for (const d of due) {
      await db
        .collection(DONATIONS)
        .where({ _id: d._id, status: 'pledged', remindedAt: _.exists(false) })
        .update({ data: { remindedAt: now } });
      if (await tellDonor(d, 'REMINDER', now)) reminded += 1;
    }
    if (due.length < 100) break;
  }
  return { reminded };
}
