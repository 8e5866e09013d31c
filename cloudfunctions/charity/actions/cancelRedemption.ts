/**
 * cancelRedemption — the holder gives up a reservation not yet handed over: the unit goes back on the shelf and
 * the points come back by a refund entry naming the reservation (once, however often it is replayed; none when
 * the points were never spent).
 * Input: { code }. Result: RedemptionView (cancelled, with the balance after the refund).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such reservation, or not the caller's), CONFLICT (already
 * handed over). Round trips: 3 (the reservation with the caller, their last entry and spend; the update; the
 * refund).
 */
import { action } from '../../common/action';
import { conflict, notFound } from '../../common/errors';
import { appendEntry, headOf } from '../../common/points/store';
import { charityInputs, type RedemptionView } from '../contract';
import { redemptionView } from '../domain/pointGoods';
import { closeHold, readHold } from '../steps/pointGoods';

export default action({
  input: charityInputs.cancelRedemption,
  async run(input, ctx): Promise<RedemptionView> {
    const h = await readHold(ctx, input.code);
    if (h.hold.u !== h.caller._id) throw notFound('兑换记录');
    if (h.hold.s === 'handed') throw conflict('这份兑换已经领取了，不能取消');
    if (
      h.hold.s === 'reserved' &&
      !(await closeHold(h.goods._id, h.holdId, 'cancelled', h.caller._id, ctx.now))
    )
      throw conflict('这份兑换刚刚有变动，请刷新后再看');
    let balance = headOf(h.head).balanceAfter;
    if (h.spent && !h.refunded) {
      const done = await appendEntry(
        {
          userId: h.caller._id,
          kind: 'refund',
          delta: h.spent.delta * -1,
          cause: { type: 'redemption', id: h.holdId, title: h.spent.cause.title },
          placePath: h.goods.placePath,
          by: h.caller._id,
          at: ctx.now,
        },
        headOf(h.head),
      );
      if ('entry' in done) balance = done.entry.balanceAfter;
    }
    const hold = h.hold.s === 'reserved' ? { ...h.hold, s: 'cancelled' as const, doneAt: ctx.now } : h.hold;
    return redemptionView(h.goods, h.holdId, hold, { balance });
  },
});
