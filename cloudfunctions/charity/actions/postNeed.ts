/**
 * postNeed — an admin of the recipient's place posts a need (微心愿) for them: item, quantity, estimated value
 * per unit, a short story and a deadline. The story is public, so it must not name the recipient, their phone or
 * address, and it is content-checked (a story WeChat is unsure about stays off the public list until looked at).
 * The item is brought to the charity supermarket of the recipient's street, which must be open.
 * Idempotent on the key: every replay returns the need the first posted (common/idempotency).
 * Input: { recipientId, item, itemCategory, unit, quantity, estimatedValue, story, deadline, idempotencyKey }.
 * Result: NeedView. Errors: INVALID_INPUT (story identifies the recipient; deadline not within 90 days),
 * UNAUTHENTICATED, FORBIDDEN (outside the admin's scope), NOT_FOUND (recipient), CONFLICT (recipient no longer
 * served; no supermarket in their street yet), CONTENT_REJECTED.
 * Round trips: 2 (recipient + supermarket + caller + any earlier try, the insert); 1 for a replay after it
 * exists, 3 for one racing it (the stored need read back).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { checkText } from '../../common/contentCheck';
import { conflict, invalid, notFound, unauthenticated } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { CHARITY_LIMITS, charityInputs, type NeedView } from '../contract';
import { publicProfile, requireNoIdentity } from '../domain/privacy';
import type { NeedDoc, RecipientDoc, SupermarketDoc } from '../documents';
import { needView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { NEEDS, RECIPIENTS, SUPERMARKETS } from '../documents';

export default action({
  input: charityInputs.postNeed,
  async run(input, ctx): Promise<NeedView> {
    const id = idempotentId(ctx.openid, 'charity-need', input.idempotencyKey);
    const r = await readWithCaller<RecipientDoc>(
      ctx,
      [
        { as: 'sm', from: SUPERMARKETS, localField: 'streetId', foreignField: '_id' },
        { as: 'earlier', from: NEEDS, match: { _id: id }, limit: 1 },
      ],
      { from: RECIPIENTS, match: { _id: input.recipientId } },
    );
    const rec = r.root;
    if (!rec) throw notFound('受助人');
    if (!r.caller) throw unauthenticated();
    requireAdminOver(r.caller, rec.placePath);
    const reply = (doc: NeedDoc) => needView(doc, ctx.now, true);
    const earlier = r.one<NeedDoc>('earlier');
    if (earlier) return reply(earlier);
    if (!rec.active) throw conflict('此受助人已停止登记');
    const sm = r.one<SupermarketDoc>('sm');
    if (!sm) throw conflict('该街道还没有开设慈善超市');
    const latest = ctx.now.getTime() + CHARITY_LIMITS.needDaysMax * 86_400_000;
    if (input.deadline.getTime() <= ctx.now.getTime() + 86_400_000 || input.deadline.getTime() > latest)
      throw invalid('截止日期须在明天之后、90 天之内', [{ path: 'deadline', message: 'out of range' }]);
    requireNoIdentity(input.story, rec, 'story');
    requireNoIdentity(input.item, rec, 'item');
    const moderation = await checkText(ctx.openid, [input.item, input.unit, input.story]);
    const need: NeedDoc = {
      _id: id,
      recipientId: rec._id,
      publicProfile: publicProfile(rec, ctx.now),
      communityId: rec.communityId,
      communityName: rec.communityName,
      placePath: rec.placePath,
      supermarketId: sm._id,
      supermarketName: sm.name,
      supermarketAddress: sm.address,
      item: input.item,
      itemCategory: input.itemCategory,
      unit: input.unit,
      quantity: input.quantity,
      available: input.quantity,
      delivered: 0,
      estimatedValue: input.estimatedValue,
      story: input.story,
      moderation,
      deadline: input.deadline,
      closed: false,
      claims: {},
      createdBy: r.caller._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: NEEDS, build: () => need, reply });
  },
});
