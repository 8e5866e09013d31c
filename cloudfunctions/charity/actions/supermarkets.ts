/**
 * supermarkets — the charity supermarkets (one per street), for donors choosing where to bring things (public);
 * with `mine`, only those the caller operates, with their operator organizations (the staff workbench).
 * Input: { streetId?, mine }. Result: SupermarketView[]. Errors: INVALID_INPUT, UNAUTHENTICATED (mine, never
 * logged in). Round trips: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { charityInputs, type SupermarketView } from '../contract';
import { operates } from '../domain/access';
import { supermarketView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { SUPERMARKETS, type SupermarketDoc } from '../documents';

export default action({
  input: charityInputs.supermarkets,
  async run(input, ctx): Promise<SupermarketView[]> {
    const where = input.streetId ? { _id: input.streetId } : {};
    if (input.mine) {
      const r = await readWithCaller(ctx, [
        { as: 'all', from: SUPERMARKETS, match: where, sort: { _id: 1 }, limit: 100 },
      ]);
      return r
        .all<SupermarketDoc>('all')
        .filter((s) => operates(r.caller, s))
        .map((s) => supermarketView(s, true));
    }
    const found = rows<SupermarketDoc>(
      await db.collection(SUPERMARKETS).where(where).orderBy('_id', 'asc').limit(100).get(),
    );
    return found.map((s) => supermarketView(s));
  },
});
