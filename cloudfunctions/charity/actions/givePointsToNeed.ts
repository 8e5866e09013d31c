/**
 * givePointsToNeed — someone gives some of their 爱心积分 to an open need (微心愿): a `give` entry on their ledger
 * naming the need, and the gift recorded on the need (its points total), which the supermarket spends buying the
 * item; the need's page and the supermarket's staff see the total. Never more than the giver holds; each gift once
 * however often the request is replayed (a replay after an interruption between the two writes completes the
 * second: the need counts a gift only under its id). The recipient may not give to their own need.
 * Input: { needId, points, idempotencyKey }. Result: NeedPointsGiftResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such need, or held for review), FORBIDDEN (the need's
 * recipient), CONFLICT (the need is no longer open), LIMIT_REACHED (not enough points).
 * Round trips: 3 (the caller with the need, their last entry and any earlier give; the give; the need's update);
 * a refusal found in the read 1; each race lost to the caller's own other entries 2 more.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { conflict, forbidden, limitReached, notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { causeKeyOf, POINT_ENTRIES, type PointEntryDoc } from '../../common/points/documents';
import { appendEntry, headOf, lastEntryJoin } from '../../common/points/store';
import { charityInputs, type NeedPointsGiftResult } from '../contract';
import { needState } from '../domain/needs';
import { NEEDS, RECIPIENTS, type NeedDoc, type NeedPointGift, type RecipientDoc } from '../documents';

const notEnough = (balance: number, points: number) =>
  limitReached(`积分不足：要捐 ${points} 分，您现在有 ${balance} 分`);

export default action({
  input: charityInputs.givePointsToNeed,
  async run(input, ctx): Promise<NeedPointsGiftResult> {
    const giftId = idempotentId(ctx.openid, 'points-need', input.idempotencyKey);
    const { caller, one } = await readWithCaller(ctx, [
      { as: 'need', from: NEEDS, match: { _id: input.needId, moderation: 'pass' }, limit: 1 },
      lastEntryJoin('head'),
      {
        as: 'given',
        from: POINT_ENTRIES,
        match: { causeKey: causeKeyOf({ type: 'need', id: giftId }, 'give') },
        limit: 1,
      },
      { as: 'mine', from: RECIPIENTS, let: { me: '$_id' }, expr: { $eq: ['$residentId', '$$me'] }, limit: 1 },
    ]);
    const need = one<NeedDoc>('need');
    if (!need) throw notFound('心愿');
    let given = one<PointEntryDoc>('given');
    if (!given) {
      if (one<RecipientDoc>('mine')?._id === need.recipientId) throw forbidden('不能给自己的心愿捐积分');
      if (needState(need, ctx.now) !== 'open') throw conflict('这个心愿已经不再接受捐赠了');
      const head = headOf(one<PointEntryDoc>('head'));
      if (head.balanceAfter < input.points) throw notEnough(head.balanceAfter, input.points);
      const done = await appendEntry(
        {
          userId: caller._id,
          kind: 'give',
          delta: -input.points,
          cause: { type: 'need', id: giftId, title: `捐给微心愿：${need.item}（${need.supermarketName}）` },
          placePath: need.placePath,
          by: caller._id,
          at: ctx.now,
        },
        head,
      );
      if ('insufficient' in done) throw notEnough(done.balance, input.points);
      given = done.entry;
    }
    const points = -given.delta;
    const recorded = need.pointGifts?.[giftId];
    if (recorded) return { points, balance: given.balanceAfter, needPoints: need.pointsGiven ?? 0 };
    // Counted under the gift's id: a twin replaying the same gift finds it there and adds nothing. Recorded even
    // if the need closed since the give (the points are spent; the supermarket still holds them for it).
    const gift: NeedPointGift = { u: caller._id, p: points, at: ctx.now };
    await db
      .collection(NEEDS)
      .where({ _id: need._id, [`pointGifts.${giftId}`]: _.exists(false) })
      .update({ data: { pointsGiven: _.inc(points), [`pointGifts.${giftId}`]: gift, updatedAt: ctx.now } });
    return { points, balance: given.balanceAfter, needPoints: (need.pointsGiven ?? 0) + points };
  },
});
