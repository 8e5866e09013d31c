/**
 * recordStocktake — staff record what they counted on the shelf, item by item; reconciliation holds the latest
 * count of each item against received − delivered. Idempotent on the client's key.
 * Input: { supermarketId, counts: [{ item, unit, counted }], idempotencyKey }. Result: { id, at, items }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the supermarket).
 * Round trips: 2 (caller + supermarket + any earlier try, the insert).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { idempotentId } from '../../common/idempotency';
import { charityInputs } from '../contract';
import { requireOperator } from '../domain/access';
import {
  first,
  STOCKTAKES,
  SUPERMARKETS,
  withCaller,
  type StocktakeDoc,
  type SupermarketDoc,
} from '../store';

export default action({
  input: charityInputs.recordStocktake,
  async run(input, ctx): Promise<{ id: string; at: string; items: number }> {
    const id = idempotentId(ctx.openid, 'charity-stocktake', input.idempotencyKey);
    const r = await withCaller(ctx, {
      sm: { from: SUPERMARKETS, match: { _id: input.supermarketId } },
      earlier: { from: STOCKTAKES, match: { _id: id } },
    });
    requireOperator(r.caller, first<SupermarketDoc>(r.sm));
    const earlier = first<StocktakeDoc>(r.earlier);
    if (earlier) return { id, at: new Date(earlier.at).toISOString(), items: earlier.counts.length };
    const take: StocktakeDoc = {
      _id: id,
      supermarketId: input.supermarketId,
      counts: input.counts,
      by: r.caller._id,
      at: ctx.now,
    };
    try {
      await db.collection(STOCKTAKES).add({ data: take });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return { id, at: ctx.now.toISOString(), items: take.counts.length };
  },
});
