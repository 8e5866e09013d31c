/**
 * supermarkets — the charity supermarkets (one per street), for donors choosing where to bring things. Public.
 * Input: { streetId? }. Result: SupermarketView[]. Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { charityInputs, type SupermarketView } from '../contract';
import { supermarketView } from '../domain/views';
import { SUPERMARKETS, type SupermarketDoc } from '../store';

export default action({
  input: charityInputs.supermarkets,
  async run(input): Promise<SupermarketView[]> {
    const found = rows<SupermarketDoc>(
      await db
        .collection(SUPERMARKETS)
        .where(input.streetId ? { _id: input.streetId } : {})
        .orderBy('_id', 'asc')
        .limit(100)
        .get(),
    );
    return found.map((s) => supermarketView(s));
  },
});
