/**
 * book — a resident books consecutive slots of a room for themselves or a group (people, purpose). The places and
 * the booker's weekly minutes are taken by one conditional update of the room (domain/booking.ts): each slot must
 * still have the places, the week the minutes, and the rules (closures, teams) must be the ones the decision was
 * made on — so concurrent bookings never exceed the capacity and never land in a team's slot. Idempotent on the
 * client's key (common/idempotency): the hold in the room is the tag, the booking's id comes from the key.
 * Input: { roomId, date, start, slots, people, purpose, idempotencyKey }. Result: BookResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (booking paused after no-shows), NOT_FOUND, CONFLICT (closed
 * that day, outside opening hours, a team's time, past, beyond the horizon, the rules changed meanwhile),
 * LIMIT_REACHED (no places left, weekly limit), CONTENT_REJECTED.
 * Round trips: 3 (caller with room, record and any earlier booking under the key; the take; the insert); refused:
 * 3 (the third reads the room again to say why); a replay: 1.
 */
import { randomInt } from 'node:crypto';
import { action } from '../../common/action';
import { checkText } from '../../common/contentCheck';
import { conflict, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { readWithCaller } from '../../common/joins';
import { ROOMS_LIMITS, roomsInputs, type BookResult } from '../contract';
import { isRefusal, pauseRefusal, planBooking } from '../domain/booking';
import { nameOf } from '../domain/people';
import { parseSlotKey } from '../domain/slots';
import { bookingView } from '../domain/views';
import {
  BOOKINGS,
  ROOM_PEOPLE,
  ROOMS,
  type BookingDoc,
  type Hold,
  type RoomDoc,
  type RoomPersonDoc,
} from '../documents';
import { orRefuse, refuseIf, refusalError } from '../steps/refusals';
import { changeRoom, loadRoom } from '../store';
import { startOfDate } from '../../../miniprogram/shared/calendar';

/** What a hold takes, as the booking's times. */
function spanOf(hold: Hold, slotMinutes: number) {
  const first = parseSlotKey(hold.s[0]!)!;
  const last = parseSlotKey(hold.s[hold.s.length - 1]!)!;
  const end = last.start + slotMinutes;
  return {
    date: first.date,
    start: first.start,
    end,
    startAt: startOfDate(first.date, first.start),
    endAt: startOfDate(first.date, end),
  };
}

const code = () => String(randomInt(0, 10 ** ROOMS_LIMITS.codeLength)).padStart(ROOMS_LIMITS.codeLength, '0');

export default action({
  input: roomsInputs.book,
  async run(input, ctx): Promise<BookResult> {
    const bookingId = idempotentId(ctx.openid, 'roomBooking', input.idempotencyKey);
    const read = await readWithCaller(ctx, [
      { as: 'room', from: ROOMS, match: { _id: input.roomId }, limit: 1 },
      { as: 'record', from: ROOM_PEOPLE, localField: '_id', foreignField: '_id' },
      { as: 'earlier', from: BOOKINGS, match: { _id: bookingId }, limit: 1 },
    ]);
    const me = read.caller;
    const booker = { id: me._id, openid: ctx.openid };
    let room = read.one<RoomDoc>('room');
    if (!room) throw notFound('活动室');
    const reply = (b: BookingDoc): BookResult => bookingView(b, ctx.now);
    const earlier = read.one<BookingDoc>('earlier');
    if (earlier) return reply(earlier);
    const held = room.holds[bookingId];
    if (!held) {
      refuseIf(pauseRefusal(read.one<RoomPersonDoc>('record')?.pausedUntil, ctx.now));
      orRefuse(planBooking(room, booker, bookingId, input, ctx.now));
      await checkText(ctx.openid, [input.purpose]);
    }
    return idempotentCreate({
      collection: BOOKINGS,
      take: {
        held,
        take: async () => {
          const plan = orRefuse(planBooking(room!, booker, bookingId, input, ctx.now));
          return (await changeRoom(room!._id, plan.change, ctx.now)) ? plan.hold : undefined;
        },
        heldByTwin: async () => {
          room = await loadRoom(input.roomId);
          return room.holds[bookingId];
        },
        refused: () => {
          const again = planBooking(room!, booker, bookingId, input, ctx.now);
          return isRefusal(again) ? refusalError(again) : conflict('时段刚刚有变化，请重新选择');
        },
      },
      build: (hold): BookingDoc => {
        const span = spanOf(hold, room!.slotMinutes);
        return {
          _id: bookingId,
          roomId: room!._id,
          roomName: room!.name,
          communityId: room!.communityId,
          communityName: room!.communityName,
          cancelBeforeMinutes: room!.cancelBeforeMinutes,
          placePath: room!.placePath,
          userId: me._id,
          openid: ctx.openid,
          name: nameOf(me),
          ...span,
          slots: hold.s,
          people: hold.p,
          purpose: input.purpose,
          code: code(),
          status: 'booked',
          week: hold.w,
          minutes: hold.m,
          createdAt: ctx.now,
        };
      },
      reply,
    });
  },
});
