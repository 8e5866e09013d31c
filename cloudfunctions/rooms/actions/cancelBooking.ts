/**
 * cancelBooking — the booker cancels, until the room's deadline before the start: the places and minutes go back
 * to the room by one update conditional on the booking's hold still being there (so twice is once), then the
 * booking is marked cancelled.
 * Input: { bookingId }. Result: BookingView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such booking, or someone else's), CONFLICT (past the
 * deadline; checked in, closed or missed already).
 * Round trips: 3 (caller with booking and room, the room's change, the booking's update); already cancelled: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { conflict, notFound } from '../../common/errors';
import { roomsInputs, type BookingView } from '../contract';
import { planCancel } from '../domain/booking';
import { bookingView } from '../domain/views';
import { BOOKINGS, type BookingDoc } from '../documents';
import { bookingWithRoom } from '../steps/bookingAccess';
import { orRefuse } from '../steps/refusals';
import { changeRoom } from '../store';

export default action({
  input: roomsInputs.cancelBooking,
  async run(input, ctx): Promise<BookingView> {
    const { me, booking, room } = await bookingWithRoom(ctx, input.bookingId);
    if (booking.userId !== me._id) throw notFound('预约');
    const view = (b: BookingDoc) => bookingView(b, ctx.now);
    if (booking.status === 'cancelled') return view(booking);
    if (booking.status !== 'booked') throw conflict(`这条预约${view(booking).statusText}，不能再取消`);
    const hold = room.holds[booking._id];
    if (hold) {
      const change = orRefuse(planCancel(booking, hold, ctx.now));
      await changeRoom(room._id, change, ctx.now);
    }
    const cancelled: BookingDoc = { ...booking, status: 'cancelled', cancelledAt: ctx.now };
    await db
      .collection(BOOKINGS)
      .where({ _id: booking._id, status: 'booked' })
      .update({ data: { status: 'cancelled', cancelledAt: ctx.now } });
    return view(cancelled);
  },
});
