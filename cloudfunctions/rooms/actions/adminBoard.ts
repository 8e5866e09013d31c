/**
 * adminBoard — the admin's board for a place they administer (their first scope unless one is asked for): each
 * room's use per weekday and hour over the last weeks (a heat map), its no-show rate, closures, managers and
 * teams, and its managers' duty time (for the community to count as volunteering time); the teams waiting for
 * approval; broken items reported and not yet fixed.
 * Input: { placeId? }. Result: AdminBoard.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin there), NOT_FOUND (place).
 * Round trips: 3 (caller with their places, the rooms with their teams and reports, the weeks' bookings).
 */
import { action } from '../../common/action';
import { requireAdminOver, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { notFound } from '../../common/errors';
import { readWithCaller, type Join } from '../../common/joins';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { addDays, dateKey, dateKeyText, dayText, startOfDate } from '../../../miniprogram/shared/calendar';
import { ROOMS_LIMITS, roomsInputs, type AdminBoard, type BoardRoom } from '../contract';
import { roomUsage, type UsageRow } from '../domain/usage';
import { dutyByManager, teamSlotWords, teamView } from '../domain/views';
import {
  BOOKINGS,
  DUTIES,
  ISSUES,
  ROOMS,
  TEAMS,
  type DutyDoc,
  type IssueDoc,
  type RoomDoc,
  type TeamDoc,
} from '../documents';

type BoardRow = RoomDoc & { teamDocs: TeamDoc[]; issueDocs: IssueDoc[]; dutyDocs: DutyDoc[] };

/** Rooms one board shows, at most (a street has a few dozen). */
const ROOMS_MAX = 100;

export default action({
  input: roomsInputs.adminBoard,
  async run(input, ctx): Promise<AdminBoard> {
    const joins: Join[] = [{ as: 'scopes', from: PLACES, localField: 'roles.scopeId', foreignField: '_id' }];
    if (input.placeId) joins.push({ as: 'asked', from: PLACES, match: { _id: input.placeId }, limit: 1 });
    const read = await readWithCaller(ctx, joins);
    requireAnyAdmin(read.caller);
    const place = input.placeId ? read.one<PlaceDoc>('asked') : read.all<PlaceDoc>('scopes')[0];
    if (!place) throw notFound('地区');
    requireAdminOver(read.caller, place.path);
    const res = (await db
      .collection(ROOMS)
      .aggregate()
      .match({ placePath: place._id })
      .project({ holds: 0, mins: 0, used: 0 })
      .sort({ communityId: 1, name: 1 })
      .limit(ROOMS_MAX)
      .lookup({ from: TEAMS, localField: '_id', foreignField: 'roomId', as: 'teamDocs' })
      .lookup({ from: ISSUES, localField: '_id', foreignField: 'roomId', as: 'issueDocs' })
      .lookup({ from: DUTIES, localField: '_id', foreignField: 'roomId', as: 'dutyDocs' })
      .end()) as { list: BoardRow[] };
    const today = dateKey(ctx.now);
    const from = startOfDate(addDays(today, -7 * ROOMS_LIMITS.statsWeeks));
    const usage = rows<UsageRow>(
      await db
        .collection(BOOKINGS)
        .where({ placePath: place._id, startAt: _.gte(from).and(_.lt(ctx.now)) })
        .field({ roomId: true, date: true, start: true, end: true, people: true, status: true, endAt: true })
        .limit(1000)
        .get(),
    );
    const rooms: BoardRoom[] = res.list.map((r) => ({
      id: r._id,
      name: r.name,
      kind: r.kind,
      communityName: r.communityName,
      capacity: r.capacity,
      ...roomUsage(
        r,
        usage.filter((u) => u.roomId === r._id),
        ctx.now,
      ),
      closures: r.closures
        .filter((c) => c.to >= today)
        .map((c) => ({
          id: c.id,
          text: c.from === c.to ? dateKeyText(c.from) : `${dateKeyText(c.from)}–${dateKeyText(c.to)}`,
          reason: c.reason,
        })),
      managers: r.managers.map((m) => m.name),
      teams: r.teams.map((t) => ({ name: t.name, text: teamSlotWords(t) })),
      duty: dutyByManager(r.dutyDocs.filter((d) => new Date(d.openedAt) >= from)),
    }));
    const all = res.list;
    return {
      placeName: place.name,
      weeks: ROOMS_LIMITS.statsWeeks,
      rooms,
      pendingTeams: all
        .flatMap((r) => r.teamDocs)
        .filter((t) => t.status === 'pending')
        .map((t) => teamView(t, undefined, read.caller._id, ctx.now)),
      issues: all
        .flatMap((r) => r.issueDocs)
        .filter((i) => i.status === 'open')
        .map((i) => ({
          id: i._id,
          roomName: i.roomName,
          text: i.text,
          byName: i.byName,
          dayText: dayText(i.createdAt),
        })),
    };
  },
});
