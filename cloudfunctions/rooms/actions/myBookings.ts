/**
 * myBookings — the caller's bookings, coming (soonest first, each with its check-in code) or past (latest first),
 * 20 at a time, with their no-shows and any pause, explained.
 * Input: { when: 'coming' | 'past', offset, limit }. Result: MyBookings.
 * Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (caller with their record, the page).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import { roomsInputs, type MyBookings } from '../contract';
import { pauseRefusal } from '../domain/booking';
import { bookingView } from '../domain/views';
import { BOOKINGS, ROOM_PEOPLE, type BookingDoc, type RoomPersonDoc } from '../documents';

export default action({
  input: roomsInputs.myBookings,
  async run(input, ctx): Promise<MyBookings> {
    const read = await readWithCaller(ctx, [
      { as: 'record', from: ROOM_PEOPLE, localField: '_id', foreignField: '_id' },
    ]);
    const record = read.one<RoomPersonDoc>('record');
    const coming = input.when === 'coming';
    const query = db
      .collection(BOOKINGS)
      .where({ userId: read.caller._id, endAt: coming ? _.gt(ctx.now) : _.lte(ctx.now) })
      .orderBy('startAt', coming ? 'asc' : 'desc');
    const page = await listPage<BookingDoc, ReturnType<typeof bookingView>>(query, input, (b) =>
      bookingView(b, ctx.now),
    );
    return {
      ...page,
      paused: pauseRefusal(record?.pausedUntil, ctx.now)?.message ?? null,
      noShows: record?.noShows.length ?? 0,
    };
  },
});
