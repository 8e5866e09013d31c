/**
 * reconciliation — a supermarket's inventory per item and its reconciliation: received − delivered (from the
 * chains) = expected on hand, held against what the donations' status puts on the shelf and against the latest
 * stocktake; mismatches, broken chains and statuses that disagree with their chain are flagged.
 * Input: { supermarketId }. Result: ReconciliationView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff or an admin of the supermarket's street).
 * Round trips: 2 (caller + supermarket + recent stocktakes, the supermarket's donations); one more per further
 * 1,000 donations (a get returns at most 1,000).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { charityInputs, type ReconciliationView } from '../contract';
import { requireOperator } from '../domain/access';
import { reconcile, type StockDonation } from '../domain/stock';
import { readWithCaller } from '../../common/joins';
import { DONATIONS, STOCKTAKES, SUPERMARKETS, type StocktakeDoc, type SupermarketDoc } from '../documents';

const PAGE = 1000;

export default action({
  input: charityInputs.reconciliation,
  async run(input, ctx): Promise<ReconciliationView> {
    const r = await readWithCaller(ctx, [
      { as: 'sm', from: SUPERMARKETS, match: { _id: input.supermarketId }, limit: 1 },
      {
        as: 'takes',
        from: STOCKTAKES,
        match: { supermarketId: input.supermarketId },
        sort: { at: -1 },
        limit: 20,
      },
    ]);
    requireOperator(r.caller, r.one<SupermarketDoc>('sm'));
    const donations: StockDonation[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = rows<StockDonation>(
        await db
          .collection(DONATIONS)
          .where({ supermarketId: input.supermarketId })
          .field({
            kind: true,
            status: true,
            item: true,
            unit: true,
            receivedQuantity: true,
            giftId: true,
            head: true,
            events: true,
          })
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(PAGE)
          .get(),
      );
      donations.push(...page);
      if (page.length < PAGE) break;
    }
    return reconcile(input.supermarketId, donations, r.all<StocktakeDoc>('takes'), ctx.now);
  },
});
