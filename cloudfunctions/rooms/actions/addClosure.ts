/**
 * addClosure — an admin closes a room for whole days (a holiday, a repair): the bookings on those days are
 * cancelled (their places and minutes given back) and nobody can book them. One update of the room conditional on
 * it being exactly as read, so a booking that lands meanwhile is seen and cancelled too (the closure is decided
 * again, up to three times), then the cancelled bookings are marked and their bookers told (subscription message).
 * Input: { roomId, from, to, reason }. Result: { cancelled: number }.
 * Errors: INVALID_INPUT (dates), UNAUTHENTICATED, FORBIDDEN (not an admin of the room's place), NOT_FOUND,
 * CONFLICT (overlaps another closure; the room kept changing), LIMIT_REACHED (too many closures).
 * Round trips: 4 when bookings are cancelled (caller with the room, the room's change, the bookings marked, the
 * bookers' messages kept in their message centre in one write), 2 when none are; each retry adds 2.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { conflict, invalid } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { addDays, dateKey } from '../../../miniprogram/shared/calendar';
import { ROOMS_LIMITS, roomsInputs } from '../contract';
import { planClosure } from '../domain/booking';
import { requireRoomAdmin } from '../domain/people';
import { BOOKINGS, type Closure } from '../documents';
import { notifyClosed } from '../notices';
import { orRefuse } from '../steps/refusals';
import { changeRoom, loadRoom } from '../store';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.addClosure,
  async run(input, ctx): Promise<{ cancelled: number }> {
    const first = await roomWithCaller(ctx, input.roomId);
    requireRoomAdmin(first.me, first.room);
    if (input.to < dateKey(ctx.now))
      throw invalid('结束日期已经过了', [{ path: 'to', message: '结束日期已经过了' }]);
    if (input.to > addDays(input.from, ROOMS_LIMITS.closureDaysMax - 1))
      throw invalid(`一次最多暂停 ${ROOMS_LIMITS.closureDaysMax} 天`, [{ path: 'to', message: '时间太长' }]);
    const closure: Closure = {
      id: idempotentId(first.me._id, 'roomClosure', `${input.roomId}@${input.from}@${input.to}`).slice(0, 16),
      from: input.from,
      to: input.to,
      reason: input.reason,
      by: first.me._id,
      at: ctx.now,
    };
    let room = first.room;
    for (let attempt = 0; attempt < 3; attempt++) {
      const plan = orRefuse(planClosure(room, closure));
      if (await changeRoom(room._id, plan.change, ctx.now)) {
        if (plan.cancelled.length > 0)
          await db
            .collection(BOOKINGS)
            .where({ _id: _.in(plan.cancelled), status: 'booked' })
            .update({ data: { status: 'closed', closedReason: input.reason, cancelledAt: ctx.now } });
        // Told after the change, each booker once; a message that fails to send undoes nothing.
        await Promise.all(plan.told.map((o) => notifyClosed(o, room, closure)));
        return { cancelled: plan.cancelled.length };
      }
      room = await loadRoom(room._id);
    }
    throw conflict('活动室的预约一直在变化，请稍后再试');
  },
});
