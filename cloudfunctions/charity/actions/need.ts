/**
 * need — one need with its supermarket (where to bring the item, opening hours) and the dates a pledge may name.
 * Public; the recipient is masked. Input: { needId }. Result: NeedDetailView.
 * Errors: INVALID_INPUT, NOT_FOUND (no such need, or its story is held for review). Round trips: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { charityInputs, type NeedDetailView } from '../contract';
import { pledgeWindow } from '../domain/needs';
import { needView, supermarketView } from '../domain/views';
import { NEEDS, SUPERMARKETS, type NeedDoc, type SupermarketDoc } from '../documents';

export default action({
  input: charityInputs.need,
  async run(input, ctx): Promise<NeedDetailView> {
    const { list } = (await db
      .collection(NEEDS)
      .aggregate()
      .match({ _id: input.needId, moderation: 'pass' })
      .limit(1)
      .lookup({ from: SUPERMARKETS, localField: 'supermarketId', foreignField: '_id', as: 'sm' })
      .end()) as { list: (NeedDoc & { sm: SupermarketDoc[] })[] };
    const found = list[0];
    if (!found) throw notFound('心愿');
    const { sm, ...need } = found;
    const window = pledgeWindow(ctx.now, need.deadline);
    return {
      need: needView(need, ctx.now),
      supermarket: sm[0] ? supermarketView(sm[0]) : null,
      pledgeWindow: { earliest: window.earliest.toISOString(), latest: window.latest.toISOString() },
    };
  },
});
