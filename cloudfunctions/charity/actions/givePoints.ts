/**
 * givePoints — someone gives some of their 爱心积分 to a family member they are linked with (either way round: an
 * elder to a child helping them, a volunteer to their parent): a `give` entry on the giver's ledger and a `receive`
 * entry on the family member's, both naming the gift, each once however often the request is replayed (a replay
 * after an interruption between the two writes completes the second). Never more than the giver holds.
 * Input: { targetUserId, points, idempotencyKey }. Result: GivePointsResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (no active family link), LIMIT_REACHED (not enough points).
 * Round trips: 3 (the caller with the link, the family member and both last entries; the give; the receive);
 * each race lost to the same person's other entries 2 more.
 */
import { action } from '../../common/action';
import { FAMILY_LINKS, type FamilyLinkDoc } from '../../common/directory/familyLinks';
import { USERS, type UserDoc } from '../../common/directory/users';
import { forbidden, limitReached } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { maskName } from '../../common/mask';
import type { PointEntryDoc } from '../../common/points/documents';
import { appendEntry, headOf, lastEntryJoin, lastEntryOf } from '../../common/points/store';
import { charityInputs, type GivePointsResult } from '../contract';

export default action({
  input: charityInputs.givePoints,
  async run(input, ctx): Promise<GivePointsResult> {
    const target = input.targetUserId;
    const { caller, one } = await readWithCaller(ctx, [
      lastEntryJoin('head'),
      {
        as: 'link',
        from: FAMILY_LINKS,
        let: { me: '$_id' },
        expr: {
          $or: [
            { $and: [{ $eq: ['$elderId', '$$me'] }, { $eq: ['$relativeId', target] }] },
            { $and: [{ $eq: ['$relativeId', '$$me'] }, { $eq: ['$elderId', target] }] },
          ],
        },
        match: { status: 'active' },
        limit: 1,
      },
      { as: 'target', from: USERS, match: { _id: target }, limit: 1 },
      lastEntryOf('targetHead', target),
    ]);
    const to = one<UserDoc>('target');
    if (!one<FamilyLinkDoc>('link') || !to || to._id === caller._id)
      throw forbidden('只能把积分赠给已绑定的家人');
    const giftId = idempotentId(ctx.openid, 'points-gift', input.idempotencyKey);
    const toName = maskName(to.realName ?? to.nickname);
    const given = await appendEntry(
      {
        userId: caller._id,
        kind: 'give',
        delta: -input.points,
        cause: { type: 'gift', id: giftId, title: `赠给家人 ${toName}` },
        placePath: caller.placePath,
        by: caller._id,
        at: ctx.now,
      },
      headOf(one<PointEntryDoc>('head')),
    );
    if ('insufficient' in given)
      throw limitReached(`积分不足：要赠 ${input.points} 分，您现在有 ${given.balance} 分`);
    await appendEntry(
      {
        userId: to._id,
        kind: 'receive',
        delta: -given.entry.delta,
        cause: {
          type: 'gift',
          id: giftId,
          title: `家人 ${maskName(caller.realName ?? caller.nickname)} 赠送`,
        },
        placePath: to.placePath,
        by: caller._id,
        at: ctx.now,
      },
      headOf(one<PointEntryDoc>('targetHead')),
    );
    return { points: -given.entry.delta, toName, balance: given.entry.balanceAfter };
  },
});
