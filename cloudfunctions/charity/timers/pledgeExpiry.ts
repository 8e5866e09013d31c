/**
 * Timer `pledgeExpiry` (hourly): pledges not brought by their date expire (an `expired` step by the system) and
 * their units go back to the need, which reopens; the donor is told. A second pass gives back the units of any
 * recently ended pledge whose release did not land (the release is conditional, so repeating it is harmless).
 * Up to 2,000 pledges a run, 16 at a time (the rest are the next hour's: the query is its own cursor). A run killed
 * half-way leaves each pledge expired or not; the step is appended only on the head it read, so never twice, and
 * the donor is told only by the run whose step landed (one killed before telling stays silent: never twice).
 */
import { _, db } from '../../common/cloud';
import { countLimited, mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { requireStep } from '../domain/states';
import { tellDonor } from '../notices';
import { appendStep, releaseNeedUnits } from '../store';
import { DONATIONS, type DonationDoc } from '../documents';

const DAY = 86_400_000;

/** Expires overdue pledges; returns counts for the logs. */
export async function pledgeExpiry(now: Date): Promise<{ expired: number; released: number }> {
  let expired = 0;
  let released = 0;
  for (let batch = 0; batch < 20; batch++) {
    const due = rows<DonationDoc>(
      await db
        .collection(DONATIONS)
        .where({ status: 'pledged', pledgeBy: _.lt(now) })
        .limit(100)
        .get(),
    );
    await mapLimited(due, TIMER_CONCURRENCY, async (d) => {
      const status = requireStep(d.kind, d.status, 'expired');
      const event = await appendStep(
        d,
        {
          type: 'expired',
          at: now,
          place: d.supermarketName,
          actor: { role: 'system', ref: 'system' },
          data: {},
        },
        status,
      );
      if (!event) return;
      expired += 1;
      if (d.needId && (await releaseNeedUnits(d.needId, d._id, d.quantity))) released += 1;
      await tellDonor(d, 'EXPIRED', now);
    });
    if (due.length < 100) break;
  }
  // Repair: ended pledges of the last two days whose units are still held.
  const ended = rows<DonationDoc>(
    await db
      .collection(DONATIONS)
      .where({
        kind: 'need',
        status: _.in(['expired', 'cancelled', 'rejected']),
        updatedAt: _.gt(new Date(now.getTime() - 2 * DAY)),
      })
      .field({ needId: true, quantity: true })
      .limit(1000)
      .get(),
  );
  released += await countLimited(ended, TIMER_CONCURRENCY, (d) =>
    releaseNeedUnits(d.needId!, d._id, d.quantity),
  );
  return { expired, released };
}
