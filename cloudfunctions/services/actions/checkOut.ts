/**
 * checkOut — 签退: the staff member who accepted finishes the service with notes and optional photos (cloud
 * fileIDs). A subsidized order is charged to this month's voucher of the person served: one atomic update
 * conditional on the balance covering the price and the order not charged yet, so the balance never goes
 * negative and a repeated check-out never charges twice; when the balance is short the resident pays
 * themselves (recorded on the order). Whoever ordered is asked to rate the service (回访).
 * Input: { orderId, notes, photos, location? }. Result: OrderView (status `completed`).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the staff member who accepted), NOT_FOUND, CONFLICT
 * (not checked in yet, or already checked out — also when two check-outs race), CONTENT_REJECTED.
 * Round trips: 3 (not subsidized, or no charge possible: the read, the order, the message kept in the orderer's
 * message centre), 4 (charged: the voucher's charge besides); 5 only when the charge raced another.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { findById, updatedCount } from '../../common/db';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor } from '../domain/access';
import { monthKey } from '../../../miniprogram/shared/calendar';
import { checkOutRefusal } from '../domain/checkIn';
import { transition } from '../domain/orders';
import { chargePlan, deductionEntry, walletId } from '../domain/vouchers';
import { orderView } from '../domain/views';
import { firstOf } from '../../common/joins';
import { tellOrderer } from '../notices';
import { orderForCaller } from '../steps/orderAccess';
import { WALLETS, type OrderDoc, type Subsidy, type WalletDoc } from '../documents';
import { writeOrder } from '../store';

/** Charges the voucher if it can; what the order records. */
async function charge(
  order: OrderDoc,
  wallet: WalletDoc | undefined,
  month: string,
  by: string,
  now: Date,
): Promise<Subsidy> {
  const plan = chargePlan(order, wallet);
  const amountFen = order.priceFen;
  if (plan === 'none') return order.subsidy;
  if (plan === 'charged') return { status: 'deducted', amountFen };
  if (plan === 'self_pay') return { status: 'self_pay', amountFen };
  const id = walletId(order.beneficiaryId, month);
  const res = await db
    .collection(WALLETS)
    .where({ _id: id, balanceFen: _.gte(amountFen), orderIds: _.neq(order._id) })
    .update({
      data: {
        balanceFen: _.inc(-amountFen),
        orderIds: _.push([order._id]),
        ledger: _.push([deductionEntry(order._id, order.itemName, amountFen, by, now)]),
      },
    });
  if (updatedCount(res) === 1) return { status: 'deducted', amountFen };
  // Lost a race: either another check-out of this order charged it, or the balance ran short meanwhile.
  const after = await findById<WalletDoc>(WALLETS, id);
  return { status: after?.orderIds.includes(order._id) ? 'deducted' : 'self_pay', amountFen };
}

export default action({
  input: servicesInputs.checkOut,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.notes], 2);
    const month = monthKey(ctx.now);
    const { caller, order, rel, joined } = await orderForCaller(ctx, input.orderId, {
      extra: [
        { set: { walletKey: _.aggregate.concat([firstOf('order.beneficiaryId'), `@${month}`]) } },
        { as: 'wallet', from: WALLETS, localField: 'walletKey', foreignField: '_id' },
      ],
    });
    if (!rel.assignedStaff) throw forbidden('只有接单的工作人员可以签退');
    const refusal = checkOutRefusal(order.status);
    if (refusal) throw conflict(refusal);
    await textChecked();
    const subsidy = await charge(order, joined.one<WalletDoc>('wallet'), month, caller._id, ctx.now);
    const { order: next } = transition(
      order,
      {
        kind: 'complete',
        notes: input.notes,
        photos: input.photos,
        ...(input.location ? { latitude: input.location.latitude, longitude: input.location.longitude } : {}),
        subsidy,
      },
      actorFor(caller, rel, 'provider'),
      ctx.now,
    );
    if (!(await writeOrder(order, next, { staffId: caller._id }))) throw conflict('工单已经签退过了');
    await tellOrderer(next, 'SERVICE_SURVEY', '服务已完成', '请为这次服务打个分');
    return orderView(next, rel, ctx.now);
  },
});
