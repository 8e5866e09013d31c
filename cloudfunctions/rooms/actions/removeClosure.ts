/**
 * removeClosure — an admin takes a closure back: those days can be booked again (bookings it cancelled stay
 * cancelled).
 * Input: { roomId, closureId }. Result: { removed: true }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the room's place), NOT_FOUND, CONFLICT (no
 * such closure; the rules changed meanwhile).
 * Round trips: 2 (caller with the room, the room's change).
 */
import { action } from '../../common/action';
import { conflict } from '../../common/errors';
import { roomsInputs } from '../contract';
import { planReopen } from '../domain/booking';
import { requireRoomAdmin } from '../domain/people';
import { orRefuse } from '../steps/refusals';
import { changeRoom } from '../store';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.removeClosure,
  async run(input, ctx): Promise<{ removed: true }> {
    const { me, room } = await roomWithCaller(ctx, input.roomId);
    requireRoomAdmin(me, room);
    const change = orRefuse(planReopen(room, input.closureId));
    if (!(await changeRoom(room._id, change, ctx.now))) throw conflict('活动室的安排刚刚有变化，请重试');
    return { removed: true };
  },
});
