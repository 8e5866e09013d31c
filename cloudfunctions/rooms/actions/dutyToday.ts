/**
 * dutyToday — a room manager's today: the rooms they look after, the chosen room's bookings of today with each
 * booker's name and number of people (never a phone), the teams meeting today, whether the room is open, and the
 * manager's own duty time this month (recorded for the community to count as volunteering time). An admin of the room's place may look too.
 * Input: { roomId? (the first room they manage) }. Result: DutyView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (manages no room; not this room's manager or admin), NOT_FOUND.
 * Round trips: 2 (caller with their rooms, the asked room and this month's duty; today's bookings).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { forbidden, notFound } from '../../common/errors';
import { readWithCaller, type Join } from '../../common/joins';
import { dateKey, monthKey, startOfMonth } from '../../../miniprogram/shared/calendar';
import { roomsInputs, type DutyView } from '../contract';
import { requireManager } from '../domain/people';
import { clockTextOf } from '../domain/slots';
import { durationWords, dutyItem, meetingWords } from '../domain/views';
import { BOOKINGS, DUTIES, ROOMS, type BookingDoc, type DutyDoc, type RoomDoc } from '../documents';

/** Bookings one room has in a day, at most (slots × capacity is far less in practice). */
const DAY_MAX = 200;

export default action({
  input: roomsInputs.dutyToday,
  async run(input, ctx): Promise<DutyView> {
    const joins: Join[] = [
      { as: 'rooms', from: ROOMS, localField: '_id', foreignField: 'managerIds' },
      {
        as: 'duties',
        from: DUTIES,
        let: { me: '$_id' },
        expr: { $eq: ['$managerId', '$$me'] },
        match: { openedAt: _.gte(startOfMonth(monthKey(ctx.now))) },
        limit: 500,
      },
    ];
    if (input.roomId) joins.push({ as: 'asked', from: ROOMS, match: { _id: input.roomId }, limit: 1 });
    const read = await readWithCaller(ctx, joins);
    const mine = read.all<RoomDoc>('rooms');
    const room = input.roomId ? read.one<RoomDoc>('asked') : mine[0];
    if (input.roomId && !room) throw notFound('活动室');
    if (!room) throw forbidden('您还不是活动室的管理员');
    requireManager(read.caller, room);
    const today = dateKey(ctx.now);
    const bookings = rows<BookingDoc>(
      await db
        .collection(BOOKINGS)
        .where({ roomId: room._id, date: today, status: _.in(['booked', 'checkedIn', 'noShow']) })
        .orderBy('start', 'asc')
        .limit(DAY_MAX)
        .get(),
    );
    const dutyMinutes = read.all<DutyDoc>('duties').reduce((n, d) => n + (d.minutes ?? 0), 0);
    return {
      rooms: mine.map((r) => ({ id: r._id, name: r.name })),
      room: {
        id: room._id,
        name: room.name,
        open: !!room.openDuty,
        openText: room.openDuty ? `${room.openDuty.name} ${clockTextOf(room.openDuty.at)} 开门` : '还没开门',
      },
      counts: {
        bookings: bookings.length,
        people: bookings.reduce((n, b) => n + b.people, 0),
        checkedIn: bookings.filter((b) => b.status === 'checkedIn').length,
      },
      items: bookings.map((b) => dutyItem(b, ctx.now)),
      teams: meetingWords(room, today),
      dutyText: `本月值守 ${durationWords(dutyMinutes)}，计入志愿服务时长`,
    };
  },
});
