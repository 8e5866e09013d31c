/**
 * claim — a donor claims a need, whole or part, and pledges to bring the item to the supermarket by a date.
 * Race-proof: the need's units are taken by one update conditional on enough being left (and on this donation
 * not having claimed yet), so the last units are never claimed twice. Idempotent on the client's key.
 * Input: { needId, quantity, pledgeBy, subscribed, idempotencyKey }. Result: DonationView (with the code).
 * Errors: INVALID_INPUT (pledge date outside the window), UNAUTHENTICATED, NOT_FOUND (need), CONFLICT (need
 * closed or past its deadline), LIMIT_REACHED (fewer units left than asked).
 * Round trips: 3 (caller + need + any earlier try, the conditional claim, the insert); a replay 1; a lost race 3.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { findById, isDuplicateKey, updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { idempotentId } from '../../common/idempotency';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { newDonation } from '../domain/donations';
import { checkClaimable, checkPledgeBy } from '../domain/needs';
import { donationView } from '../domain/views';
import { DONATIONS, donorLabel, first, NEEDS, withCaller, type DonationDoc, type NeedDoc } from '../store';

const asDonor = { ...PUBLIC, donor: true };

export default action({
  input: charityInputs.claim,
  async run(input, ctx): Promise<DonationView> {
    const id = idempotentId(ctx.openid, 'charity-donation', input.idempotencyKey);
    const r = await withCaller(ctx, {
      need: { from: NEEDS, match: { _id: input.needId } },
      earlier: { from: DONATIONS, match: { _id: id } },
    });
    const earlier = first<DonationDoc>(r.earlier);
    if (earlier) return donationView(earlier, asDonor);
    const need = first<NeedDoc>(r.need);
    checkClaimable(need, input.quantity, ctx.now);
    checkPledgeBy(input.pledgeBy, ctx.now, need!.deadline);

    const res = await db
      .collection(NEEDS)
      .where({
        _id: input.needId,
        closed: false,
        moderation: 'pass',
        deadline: _.gt(ctx.now),
        available: _.gte(input.quantity),
        [`claims.${id}`]: _.exists(false),
      })
      .update({
        data: {
          available: _.inc(-input.quantity),
          [`claims.${id}`]: { q: input.quantity, state: 'active', at: ctx.now, via: 'pledge' },
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) === 0) {
      // Someone took the units first (or this very claim is landing from a retried tap): say which.
      const now = await findById<NeedDoc>(NEEDS, input.needId);
      if (!now?.claims[id]) {
        checkClaimable(now, input.quantity, ctx.now);
        throw conflict('心愿刚刚有变化，请刷新后再试');
      }
    }
    const donation = newDonation(
      id,
      r.caller,
      donorLabel(r.caller),
      {
        item: need!.item,
        itemCategory: need!.itemCategory,
        unit: need!.unit,
        quantity: input.quantity,
        pledgeBy: input.pledgeBy,
        subscribed: input.subscribed,
      },
      { kind: 'need', need: need! },
      ctx.now,
    );
    try {
      await db.collection(DONATIONS).add({ data: donation });
      return donationView(donation, asDonor);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return donationView((await findById<DonationDoc>(DONATIONS, id))!, asDonor);
    }
  },
});
