/**
 * claim — a donor claims a need, whole or part, and pledges to bring the item to the supermarket by a date.
 * Race-proof: the need's units are taken by one update conditional on enough being left (and on this donation
 * not having claimed yet), so the last units are never claimed twice. Idempotent on the client's key: the units
 * are tagged with the donation's id, so a replay of the tap — at once or later — takes none again and, finding
 * them taken by its own twin, finishes the same donation (common/idempotency).
 * Input: { needId, quantity, pledgeBy, subscribed, idempotencyKey }. Result: DonationView (with the code).
 * Errors: INVALID_INPUT (pledge date outside the window), UNAUTHENTICATED, NOT_FOUND (need), CONFLICT (need
 * closed or past its deadline), LIMIT_REACHED (fewer units left than asked).
 * Round trips: 3 (caller + need + any earlier try, the conditional claim, the insert); a replay after the
 * donation exists 1; a lost race 3; a replay racing its twin 2 to 4 (the need and/or the stored donation read).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { findById, updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { newDonation } from '../domain/donations';
import { checkClaimable, checkPledgeBy } from '../domain/needs';
import { donationView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { DONATIONS, NEEDS, type DonationDoc, type NeedDoc } from '../documents';
import { donorLabel } from '../domain/donations';

const asDonor = { ...PUBLIC, donor: true };

export default action({
  input: charityInputs.claim,
  async run(input, ctx): Promise<DonationView> {
    const id = idempotentId(ctx.openid, 'charity-donation', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'need', from: NEEDS, match: { _id: input.needId }, limit: 1 },
      { as: 'earlier', from: DONATIONS, match: { _id: id }, limit: 1 },
    ]);
    const reply = (doc: DonationDoc) => donationView(doc, asDonor);
    const earlier = r.one<DonationDoc>('earlier');
    if (earlier) return reply(earlier);
    const need = r.one<NeedDoc>('need');
    // The units are tagged `claims.<donation id>`: a twin of this tap may already hold them (then they are not
    // checked or taken again, however few are left now).
    const heldIn = (n: NeedDoc | undefined) => n?.claims?.[id]?.q;
    const held = heldIn(need);
    if (held === undefined) checkClaimable(need, input.quantity, ctx.now);
    checkPledgeBy(input.pledgeBy, ctx.now, need!.deadline);

    let seen: NeedDoc | undefined;
    return idempotentCreate({
      collection: DONATIONS,
      take: {
        held,
        take: async () => {
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
          return updatedCount(res) === 1 ? input.quantity : undefined;
        },
        heldByTwin: async () => heldIn((seen = await findById<NeedDoc>(NEEDS, input.needId))),
        refused: () => {
          // Someone else took the units first: say how many are left, or that the need changed.
          checkClaimable(seen, input.quantity, ctx.now);
          return conflict('心愿刚刚有变化，请刷新后再试');
        },
      },
      build: (quantity) =>
        newDonation(
          id,
          r.caller,
          donorLabel(r.caller),
          {
            item: need!.item,
            itemCategory: need!.itemCategory,
            unit: need!.unit,
            quantity,
            pledgeBy: input.pledgeBy,
            subscribed: input.subscribed,
          },
          { kind: 'need', need: need! },
          ctx.now,
        ),
      reply,
    });
  },
});
