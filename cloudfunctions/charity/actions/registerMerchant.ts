/**
 * registerMerchant — an admin over a street registers a partner merchant (a barber, a grocery) as a place to spend
 * 爱心积分, with its staff: people already using the mini program, named by the phone number they registered. The
 * staff then put up the merchant's offers and hand them over by scanning the holder's code (the supermarket's
 * goods and reservation machinery, with the merchant's staff in place of the supermarket's).
 * Input: { streetId, name, kind, address, staffPhones (1–5), idempotencyKey }. Result: MerchantView.
 * Errors: INVALID_INPUT (also a phone nobody registered), UNAUTHENTICATED, FORBIDDEN (not an admin over the street),
 * NOT_FOUND (the street has no charity supermarket). Round trips: 3 (the caller with the street's supermarket and
 * any earlier try; the staff by phone; the insert); a replay 2.
 */
import { action } from '../../common/action';
import { isAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { rows } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { forbidden, invalid, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { readWithCaller } from '../../common/joins';
import { charityInputs, type MerchantView } from '../contract';
import { merchantView } from '../domain/merchants';
import { MERCHANTS, SUPERMARKETS, type MerchantDoc, type SupermarketDoc } from '../documents';

export default action({
  input: charityInputs.registerMerchant,
  async run(input, ctx): Promise<MerchantView> {
    const id = idempotentId(ctx.openid, 'merchant', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'sm', from: SUPERMARKETS, match: { _id: input.streetId }, limit: 1 },
      { as: 'earlier', from: MERCHANTS, match: { _id: id }, limit: 1 },
    ]);
    const sm = r.one<SupermarketDoc>('sm');
    if (!sm) throw notFound('街道的慈善超市');
    if (!isAdminOver(r.caller, sm.placePath)) throw forbidden('只有本街道的管理员可以登记合作商户');
    const earlier = r.one<MerchantDoc>('earlier');
    const phones = [...new Set(input.staffPhones)];
    // A replay names the staff it registered; a new merchant finds them by phone.
    const staff = rows<UserDoc>(
      await db
        .collection(USERS)
        .where(earlier ? { _id: _.in(earlier.staffIds) } : { phone: _.in(phones) })
        .field({ _id: true, phone: true, realName: true, nickname: true })
        .get(),
    );
    if (earlier) return merchantView(earlier, r.caller, staff);
    const missing = phones.filter((p) => !staff.some((u) => u.phone === p));
    if (missing.length > 0) {
      const message = `没有找到用手机号 ${missing.join('、')} 登记的用户，请先请 TA 在睦邻登录并填写手机号`;
      throw invalid(message, [{ path: 'staffPhones', message }]);
    }
    await checkText(ctx.openid, [input.name, input.kind, input.address]);
    const merchant: MerchantDoc = {
      _id: id,
      streetId: sm._id,
      streetName: sm.streetName,
      name: input.name,
      kind: input.kind,
      address: input.address,
      placePath: sm.placePath,
      staffIds: staff.map((u) => u._id),
      createdBy: r.caller._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({
      collection: MERCHANTS,
      build: () => merchant,
      reply: (m) => merchantView(m, r.caller, staff),
    });
  },
});
