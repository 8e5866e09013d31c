/**
 * A supermarket's reconciliation, for its page and its export: the caller with the supermarket and its recent
 * stocktakes in one read, refused unless they operate it, then its donations (1,000 a read) reconciled.
 * Round trips: 2 (one more per further 1,000 donations).
 */
import type { ActionContext } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import type { UserDoc } from '../../common/directory/users';
import { readWithCaller } from '../../common/joins';
import type { ReconciliationView } from '../contract';
import { requireOperator } from '../domain/access';
import { reconcile, type StockDonation } from '../domain/stock';
import { DONATIONS, STOCKTAKES, SUPERMARKETS, type StocktakeDoc, type SupermarketDoc } from '../documents';

const PAGE = 1000;

/** The reconciliation of `supermarketId`, with who asked and the supermarket. */
export async function readReconciliation(
  ctx: ActionContext,
  supermarketId: string,
): Promise<{ caller: UserDoc; supermarket: SupermarketDoc; view: ReconciliationView }> {
  const r = await readWithCaller(ctx, [
    { as: 'sm', from: SUPERMARKETS, match: { _id: supermarketId }, limit: 1 },
    { as: 'takes', from: STOCKTAKES, match: { supermarketId }, sort: { at: -1 }, limit: 20 },
  ]);
  const supermarket = r.one<SupermarketDoc>('sm');
  requireOperator(r.caller, supermarket);
  const donations: StockDonation[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = rows<StockDonation>(
      await db
        .collection(DONATIONS)
        .where({ supermarketId })
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
  return {
    caller: r.caller,
    supermarket: supermarket!,
    view: reconcile(supermarketId, donations, r.all<StocktakeDoc>('takes'), ctx.now),
  };
}
