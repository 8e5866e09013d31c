/**
 * allocate — supermarket staff allocate a general-stock donation (received, whole) to a recipient's open need
 * at the same supermarket. The need's units are taken by the same conditional update a claim uses, so stock
 * and donors never over-fill a need.
 * Input: { donationId, needId }. Result: StepResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (donation, need), FORBIDDEN (not staff of the supermarket),
 * CONFLICT (not general stock, not received, need at another supermarket, closed or past its deadline, or a
 * concurrent allocation won), LIMIT_REACHED (the need has fewer units open than the donation holds).
 * Round trips: 3 (donation + need + caller, the need's units, the appended step); a lost race 4 (units back).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { charityInputs, type StepResult } from '../contract';
import { requireOperator } from '../domain/access';
import { pseudonym } from '../domain/chain';
import { checkClaimable } from '../domain/needs';
import { requireStep } from '../domain/states';
import { donationView } from '../domain/views';
import { applied, audience, extrasFor, loadDonation, requireCaller } from '../steps/donation';
import { appendStep, releaseNeedUnits } from '../store';
import { NEEDS, type NeedDoc } from '../documents';

export default action({
  input: charityInputs.allocate,
  async run(input, ctx): Promise<StepResult> {
    const l = await loadDonation(ctx, { _id: input.donationId }, [
      { as: 'need', from: NEEDS, match: { _id: input.needId }, limit: 1 },
    ]);
    const me = requireCaller(l);
    requireOperator(me, l.sm);
    const { d } = l;
    if (d.kind !== 'stock') throw conflict('只有捐给超市统一调配的物品需要分配');
    const status = requireStep(d.kind, d.status, 'allocated');
    const need = l.joined.one<NeedDoc>('need');
    const units = d.receivedQuantity ?? d.quantity;
    checkClaimable(need, units, ctx.now);
    if (need!.supermarketId !== d.supermarketId) throw conflict('只能分配给本超市服务的心愿');

    const path = `claims.${d._id}`;
    const res = await db
      .collection(NEEDS)
      .where({
        _id: need!._id,
        closed: false,
        moderation: 'pass',
        deadline: _.gt(ctx.now),
        available: _.gte(units),
        [path]: _.exists(false),
      })
      .update({
        data: {
          available: _.inc(-units),
          [path]: { q: units, state: 'active', at: ctx.now, via: 'allocation' },
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) === 0) throw conflict('心愿刚刚有变化，请刷新后再试');
    const set = {
      needId: need!._id,
      recipientId: need!.recipientId,
      publicProfile: need!.publicProfile,
      recipientPath: need!.placePath,
      unitValue: need!.estimatedValue,
    };
    const event = await appendStep(
      d,
      {
        type: 'allocated',
        at: ctx.now,
        place: d.supermarketName,
        actor: { role: 'staff', ref: pseudonym('actor', me._id, d._id) },
        data: {
          needId: need!._id,
          recipient: pseudonym('recipient', need!.recipientId, d._id),
          quantity: units,
        },
      },
      status,
      set,
    );
    if (!event) {
      await releaseNeedUnits(need!._id, d._id, units);
      throw conflict('这件物品刚刚被分配，请刷新后再试');
    }
    const after = applied(d, event, status, set);
    const a = audience({ ...l, d: after });
    return { donation: donationView(after, a, extrasFor(after, l.recipient, a)), replayed: false };
  },
});
