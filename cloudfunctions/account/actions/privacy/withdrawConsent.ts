/**
 * withdrawConsent — withdraws the caller's consent to subscription messages (PIPL art. 15): no more order updates
 * or surveys for the orders they placed, no more news of the items they gave. (Location is asked by WeChat each time
 * a page needs it; the page sends the person to WeChat's own setting to turn it off.)
 * Input: { kind: 'messages' }. Result: { orders, donations } — how many records stopped sending.
 * Errors: INVALID_INPUT, UNAUTHENTICATED. Round trips: 3 (caller; orders; donations).
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { accountInputs } from '../../contract';

const updated = (res: unknown) => (res as { stats?: { updated?: number } }).stats?.updated ?? 0;

export default action({
  input: accountInputs.withdrawConsent,
  async run(_input, ctx): Promise<{ orders: number; donations: number }> {
    const me = await ctx.caller();
    const [orders, donations] = await Promise.all([
      db
        .collection('service_orders')
        .where({ orderedBy: me._id })
        .update({ data: { consent: [] } }),
      db
        .collection('charity_donations')
        .where({ donorId: me._id })
        .update({ data: { subscribed: false } }),
    ]);
    return { orders: updated(orders), donations: updated(donations) };
  },
});
