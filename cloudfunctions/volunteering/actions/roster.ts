/**
 * roster — the organizer's list of who holds a seat, who waits (in order) and who cancelled, with check-in,
 * check-out, no-shows and each sign-up's hours (unverified / verified). Real names and phones are shown in full:
 * the organizer calls volunteers on the day and checks them in at the desk; nobody else sees them.
 * Input: { activityId, section: 'admitted' | 'waiting' | 'cancelled', offset }. Result: RosterView (20 a page).
 * Errors: UNAUTHENTICATED, FORBIDDEN (not its organizer), NOT_FOUND.
 * Round trips: 3 (caller, activity, the sign-ups with their ledger entries in one aggregation).
 */
import { action } from '../../common/action';
import { together } from '../../common/concurrency';
import { pageOf } from '../../common/paging';
import { db } from '../../common/cloud';
import { VOL_LIMITS, volunteeringInputs, type RosterItem, type RosterView } from '../contract';
import { ledgerState } from '../domain/hours';
import { requireManager } from '../domain/permissions';
import { standings } from '../domain/roster';
import { phaseOf } from '../domain/schedule';
import { spanText } from '../../../miniprogram/shared/calendar';
import { rosterItem } from '../domain/views';
import { HOURS, SIGNUPS, type HoursEntryDoc, type SignupDoc } from '../documents';
import { loadActivity } from '../store';

type Row = { standing: RosterItem['standing']; position?: number; ticket: number; volunteerId: string };

export default action({
  input: volunteeringInputs.roster,
  async run(input, ctx): Promise<RosterView> {
    // Who is asking and what they ask about do not depend on each other: read side by side.
    const [me, a] = await together(ctx.caller(), loadActivity(input.activityId));
    requireManager(me, a);
    const active = standings(a.members, a.capacity);
    const activeIds = new Set(active.map((s) => s.entry.v));
    // A volunteer who cancelled (and did not come back) appears once, at their last entry.
    const cancelled = new Map<string, Row>();
    a.members.forEach((m, ticket) => {
      if (m.c && !activeIds.has(m.v)) cancelled.set(m.v, { standing: 'cancelled', ticket, volunteerId: m.v });
    });
    const sections: Record<typeof input.section, Row[]> = {
      admitted: active
        .filter((s) => s.standing === 'admitted')
        .map((s) => ({ ...s, volunteerId: s.entry.v })),
      waiting: active.filter((s) => s.standing === 'waiting').map((s) => ({ ...s, volunteerId: s.entry.v })),
      cancelled: [...cancelled.values()],
    };
    const res = (await db
      .collection(SIGNUPS)
      .aggregate()
      .match({ activityId: a._id })
      .lookup({ from: HOURS, localField: '_id', foreignField: 'signupId', as: 'entries' })
      .limit(VOL_LIMITS.entriesMax)
      .end()) as { list: (SignupDoc & { entries: HoursEntryDoc[] })[] };
    const byVolunteer = new Map(res.list.map((s) => [s.volunteerId, s]));
    const admittedRows = sections.admitted.map((r) => byVolunteer.get(r.volunteerId));
    const limit = VOL_LIMITS.pageSize;
    const rows = sections[input.section];
    const page = pageOf(rows, { offset: input.offset, limit });
    return {
      activity: {
        id: a._id,
        title: a.title,
        capacity: a.capacity,
        phase: phaseOf(a, ctx.now),
        timeText: spanText(a.startAt, a.endAt),
      },
      counts: {
        admitted: sections.admitted.length,
        waiting: sections.waiting.length,
        cancelled: sections.cancelled.length,
        checkedIn: admittedRows.filter((s) => s?.checkInAt).length,
        toVerify: res.list.filter((s) => {
          const st = ledgerState(s.entries);
          return st.n > 0 && !st.isVerified;
        }).length,
      },
      items: page.items.map((r) => {
        const s = byVolunteer.get(r.volunteerId);
        const { entries = [], ...signup } = s ?? { entries: [] };
        return rosterItem(r, s ? (signup as SignupDoc) : undefined, entries);
      }),
      next: page.next,
    };
  },
});
