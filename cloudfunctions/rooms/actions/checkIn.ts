/**
 * checkIn — a room manager checks a booker in: by the code on the booker's phone (scanned or typed), or by name
 * from today's list (elders without phones). Open from a little before the start until the end; a second check-in
 * changes nothing and says so.
 * Input: { roomId, code } | { roomId, bookingId }. Result: CheckInResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the room's manager or admin), NOT_FOUND (no such room;
 * no booking of today with that code), CONFLICT (too early, over, cancelled).
 * Round trips: 2 (caller with the room and the booking, the conditional update).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { ROOMS_LIMITS, roomsInputs, type CheckInResult } from '../contract';
import { requireManager } from '../domain/people';
import { minutesText } from '../domain/slots';
import { checkInOpen, spanWords } from '../domain/views';
import { BOOKINGS, ROOMS, type BookingDoc, type RoomDoc } from '../documents';

export default action({
  input: roomsInputs.checkIn,
  async run(input, ctx): Promise<CheckInResult> {
    const which =
      'code' in input
        ? { roomId: input.roomId, date: dateKey(ctx.now), code: input.code }
        : { roomId: input.roomId, _id: input.bookingId };
    const read = await readWithCaller(ctx, [
      { as: 'room', from: ROOMS, match: { _id: input.roomId }, limit: 1 },
      { as: 'booking', from: BOOKINGS, match: which, sort: { status: 1 }, limit: 1 },
    ]);
    const room = read.one<RoomDoc>('room');
    if (!room) throw notFound('活动室');
    requireManager(read.caller, room);
    const b = read.one<BookingDoc>('booking');
    if (!b) throw notFound('code' in input ? '今天这间活动室没有这个预约码，预约' : '预约');
    const result = (already: boolean): CheckInResult => ({
      name: b.name,
      timeText: spanWords(b.start, b.end),
      people: b.people,
      already,
    });
    if (b.status === 'checkedIn') return result(true);
    if (b.status !== 'booked') throw conflict('这条预约已取消或已结束');
    if (!checkInOpen(b, ctx.now)) {
      if (ctx.now >= b.endAt) throw conflict('这条预约的时间已经过了');
      throw conflict(
        `还没到签到时间，开始前 ${ROOMS_LIMITS.checkInEarlyMinutes} 分钟（${minutesText(b.start - ROOMS_LIMITS.checkInEarlyMinutes)}）起可签到`,
      );
    }
    const res = await db
      .collection(BOOKINGS)
      .where({ _id: b._id, status: 'booked' })
      .update({
        data: {
          status: 'checkedIn',
          checkedInAt: ctx.now,
          checkedInBy: read.caller._id,
          checkedInHow: 'code' in input ? 'code' : 'name',
        },
      });
    return result(updatedCount(res) !== 1);
  },
});
