/**
 * recordStocktake — staff record what they counted on the shelf, item by item; reconciliation holds the latest
 * count of each item against received − delivered. Idempotent on the client's key: every replay answers with the
 * stocktake the first recorded, its time included (common/idempotency).
 * Input: { supermarketId, counts: [{ item, unit, counted }], idempotencyKey }. Result: { id, at, items }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the supermarket).
 * Round trips: 2 (caller + supermarket + any earlier try, the insert); 1 for a replay after it exists, 3 for
 * one racing it (the stored stocktake read back).
 */
import { action } from '../../common/action';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { charityInputs } from '../contract';
import { requireOperator } from '../domain/access';
import { readWithCaller } from '../../common/joins';
import { STOCKTAKES, SUPERMARKETS, type StocktakeDoc, type SupermarketDoc } from '../documents';

export default action({
  input: charityInputs.recordStocktake,
  async run(input, ctx): Promise<{ id: string; at: string; items: number }> {
    const id = idempotentId(ctx.openid, 'charity-stocktake', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'sm', from: SUPERMARKETS, match: { _id: input.supermarketId }, limit: 1 },
      { as: 'earlier', from: STOCKTAKES, match: { _id: id }, limit: 1 },
    ]);
    requireOperator(r.caller, r.one<SupermarketDoc>('sm'));
    const reply = (doc: StocktakeDoc) => ({
      id: doc._id,
      at: new Date(doc.at).toISOString(),
      items: doc.counts.length,
    });
    const earlier = r.one<StocktakeDoc>('earlier');
    if (earlier) return reply(earlier);
    const take: StocktakeDoc = {
      _id: id,
      supermarketId: input.supermarketId,
      counts: input.counts,
      by: r.caller._id,
      at: ctx.now,
    };
    return idempotentCreate({ collection: STOCKTAKES, build: () => take, reply });
  },
});
