/**
 * Closed turns on duty become volunteering time: each one a verified entry in the volunteering hours ledger
 * (common/hoursLedger), keyed by the duty's id so that it lands once however often the timer meets it; the duty is
 * then marked. A turn is counted up to ROOMS_LIMITS.dutyMinutesMax (a longer one is a lock forgotten).
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { recordOutsideService, type OutsideService } from '../../common/hoursLedger';
import { ROOMS_LIMITS } from '../contract';
import { DUTIES, type DutyDoc } from '../documents';

const BATCH = 200;

/** How the volunteer's hours page names a turn on duty. */
export const dutyTitle = (roomName: string) => `活动室值守 · ${roomName}`;

/** The ledger entry of a closed turn (pure). */
export function dutyService(d: DutyDoc): OutsideService {
  const minutes = d.minutes ?? 0;
  return {
    recordId: d._id,
    source: 'roomDuty',
    volunteerId: d.managerId,
    volunteerName: d.managerName,
    openid: d.managerOpenid,
    placeId: d.roomId,
    title: dutyTitle(d.roomName),
    startAt: d.openedAt,
    organizer: { kind: 'place', id: d.communityId, name: d.communityName },
    placePath: d.placePath,
    communityName: d.communityName,
    minutes: Math.min(minutes, ROOMS_LIMITS.dutyMinutesMax),
    ...(minutes > ROOMS_LIMITS.dutyMinutesMax ? { capped: true } : {}),
  };
}

/** Puts closed, not yet counted turns into the hours ledger; returns how many were counted. */
export async function countDutyHours(now: Date): Promise<number> {
  const closed = rows<DutyDoc>(
    await db
      .collection(DUTIES)
      .where({ closedAt: _.exists(true), hoursAt: _.exists(false) })
      .limit(BATCH)
      .get(),
  );
  const worked = closed.filter((d) => (d.minutes ?? 0) > 0);
  // Each entry is keyed by its duty: side by side, and a rerun adds nothing twice.
  await mapLimited(worked, TIMER_CONCURRENCY, (d) => recordOutsideService(dutyService(d), now));
  if (closed.length > 0)
    await db
      .collection(DUTIES)
      .where({ _id: _.in(closed.map((d) => d._id)), hoursAt: _.exists(false) })
      .update({ data: { hoursAt: now } });
  return worked.length;
}
