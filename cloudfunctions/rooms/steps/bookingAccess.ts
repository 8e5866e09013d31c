/** A booking with its room and the caller, in one read (one round trip). */
import type { ActionContext } from '../../common/action';
import type { UserDoc } from '../../common/directory/users';
import { notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { BOOKINGS, ROOMS, type BookingDoc, type RoomDoc } from '../documents';

/** The caller, the booking and its room; NOT_FOUND when either is missing. */
export async function bookingWithRoom(
  ctx: ActionContext,
  bookingId: string,
): Promise<{ me: UserDoc; booking: BookingDoc; room: RoomDoc }> {
  const read = await readWithCaller(ctx, [
    { as: 'booking', from: BOOKINGS, match: { _id: bookingId }, limit: 1 },
    { set: { bookingRoomId: firstOf('booking.roomId') } },
    { as: 'room', from: ROOMS, localField: 'bookingRoomId', foreignField: '_id' },
  ]);
  const booking = read.one<BookingDoc>('booking');
  const room = read.one<RoomDoc>('room');
  if (!booking || !room) throw notFound('预约');
  return { me: read.caller, booking, room };
}
