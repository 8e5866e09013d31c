/**
 * addPointGoods — supermarket staff put goods on the points shelf: a name, a points price and the units in stock.
 * Idempotent on the client's key (a replay answers with the goods the first made).
 * Input: { supermarketId, name, note, pointsPrice, stock, idempotencyKey }. Result: PointGoodsView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the supermarket), CONTENT_REJECTED.
 * Round trips: 2 (the caller with the supermarket and any earlier try; the insert).
 */
import { action } from '../../common/action';
import { checkText } from '../../common/contentCheck';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { readWithCaller } from '../../common/joins';
import { charityInputs, type PointGoodsView } from '../contract';
import { notFound } from '../../common/errors';
import { requireGoodsStaff } from '../domain/access';
import { pointGoodsView } from '../domain/pointGoods';
import {
  MERCHANTS,
  POINT_GOODS,
  SUPERMARKETS,
  type MerchantDoc,
  type PointGoodsDoc,
  type SupermarketDoc,
} from '../documents';

export default action({
  input: charityInputs.addPointGoods,
  async run(input, ctx): Promise<PointGoodsView> {
    const id = idempotentId(ctx.openid, 'point-goods', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'sm', from: SUPERMARKETS, match: { _id: input.supermarketId }, limit: 1 },
      { as: 'earlier', from: POINT_GOODS, match: { _id: id }, limit: 1, project: { holds: 0 } },
      ...(input.merchantId
        ? [
            {
              as: 'merchant',
              from: MERCHANTS,
              match: { _id: input.merchantId, streetId: input.supermarketId },
              limit: 1,
            },
          ]
        : []),
    ]);
    const sm = r.one<SupermarketDoc>('sm');
    const merchant = r.one<MerchantDoc>('merchant');
    if (input.merchantId && !merchant) throw notFound('合作商户');
    requireGoodsStaff(r.caller, sm, merchant, Boolean(input.merchantId));
    const reply = (g: PointGoodsDoc) => pointGoodsView(g, 0);
    const earlier = r.one<PointGoodsDoc>('earlier');
    if (earlier) return reply(earlier);
    await checkText(ctx.openid, [input.name, input.note]);
    const goods: PointGoodsDoc = {
      _id: id,
      supermarketId: input.supermarketId,
      supermarketName: merchant?.name ?? sm!.name,
      ...(merchant ? { merchantId: merchant._id } : {}),
      placePath: (merchant ?? sm)!.placePath,
      name: input.name,
      note: input.note,
      pointsPrice: input.pointsPrice,
      stock: input.stock,
      active: true,
      holds: {},
      holderIds: [],
      createdBy: r.caller._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: POINT_GOODS, build: () => goods, reply });
  },
});
