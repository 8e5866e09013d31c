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
import {
  DONATIONS,
  first,
  STOCKTAKES,
  SUPERMARKETS,
  withCaller,
  type StocktakeDoc,
  type SupermarketDoc,
} from '../store';

const PAGE = 1000;

export default action({
  input: charityInputs.reconciliation,
  async run(input, ctx): Promise<ReconciliationView> {
    const r = await withCaller(ctx, {
      sm: { from: SUPERMARKETS, match: { _id: input.supermarketId } },
      takes: { from: STOCKTAKES, match: { supermarketId: input.supermarketId }, sort: { at: -1 }, limit: 20 },
    });
    requireOperator(r.caller, first<SupermarketDoc>(r.sm));
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
    return reconcile(input.supermarketId, donations, r.takes as unknown as StocktakeDoc[], ctx.now);
  },
});
