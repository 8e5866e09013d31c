/**
 * merchants — the partner merchants of a street (by default the caller's), where 爱心积分 can be spent besides the
 * charity supermarket; the ones the caller staffs marked, with what admins over the street may do.
 * Input: { streetId? }. Result: MerchantsView. Errors: INVALID_INPUT, UNAUTHENTICATED. Round trips: 1; 2 for admins and staff (their names).
 */
import { action } from '../../common/action';
import { isAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { readWithCaller } from '../../common/joins';
import { charityInputs, type MerchantsView } from '../contract';
import { merchantView } from '../domain/merchants';
import { MERCHANTS, SUPERMARKETS, type MerchantDoc, type SupermarketDoc } from '../documents';

const SHOWN = 50;

export default action({
  input: charityInputs.merchants,
  async run(input, ctx): Promise<MerchantsView> {
    const $ = _.aggregate;
    const { caller, one, all } = await readWithCaller(ctx, [
      { set: { streetId: input.streetId ? $.literal(input.streetId) : $.arrayElemAt(['$placePath', 1]) } },
      { as: 'sm', from: SUPERMARKETS, let: { s: '$streetId' }, expr: { $eq: ['$_id', '$$s'] }, limit: 1 },
      {
        as: 'merchants',
        from: MERCHANTS,
        let: { s: '$streetId' },
        expr: { $eq: ['$streetId', '$$s'] },
        sort: { createdAt: 1 },
        limit: SHOWN,
      },
    ]);
    const sm = one<SupermarketDoc>('sm');
    const merchants = all<MerchantDoc>('merchants');
    // Staff names only for those who see them: admins over the street and the staff themselves.
    const admin = Boolean(sm && isAdminOver(caller, sm.placePath));
    const ids = [
      ...new Set(
        merchants.filter((m) => admin || m.staffIds.includes(caller._id)).flatMap((m) => m.staffIds),
      ),
    ];
    const staff =
      ids.length > 0
        ? rows<UserDoc>(
            await db
              .collection(USERS)
              .where({ _id: _.in(ids) })
              .field({ _id: true, realName: true, nickname: true })
              .get(),
          )
        : [];
    return {
      streetId: sm?._id ?? input.streetId ?? caller.placePath[1] ?? '',
      merchants: merchants.map((m) => merchantView(m, caller, staff)),
      canRegister: admin,
    };
  },
});
