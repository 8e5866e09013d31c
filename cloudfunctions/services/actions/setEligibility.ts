/**
 * setEligibility — an admin of where a person lives records, after checking their papers, whether they are
 * disabled (残疾) or in a low-income household (低保); this decides which items they may order and whether they
 * get vouchers. Someone who becomes eligible gets this month's voucher at once.
 * Input: { targetUserId, disabled, lowIncome }. Result: { disabled, lowIncome, voucherGranted, voucherText }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (outside the admin's scope), NOT_FOUND.
 * Round trips: 2; 3 when this month's voucher is granted.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { notFound } from '../../common/errors';
import { USERS, type UserDoc } from '../../common/directory/users';
import { servicesInputs } from '../contract';
import { monthKey } from '../../../miniprogram/shared/calendar';
import { yuanText } from '../domain/menu';
import { factsOf } from '../domain/people';
import { getsVoucher, newWallet, policyOf, walletId } from '../domain/vouchers';
import { firstOf, readWithCaller } from '../../common/joins';
import { POLICIES, PROFILES, WALLETS, type PolicyDoc, type ProfileDoc, type WalletDoc } from '../documents';

export default action({
  input: servicesInputs.setEligibility,
  async run(input, ctx) {
    const month = monthKey(ctx.now);
    const r = await readWithCaller(ctx, [
      { as: 'target', from: USERS, match: { _id: input.targetUserId } },
      { set: { targetCommunity: firstOf('target.communityId') } },
      { as: 'policy', from: POLICIES, localField: 'targetCommunity', foreignField: '_id' },
      { as: 'wallet', from: WALLETS, match: { _id: walletId(input.targetUserId, month) } },
    ]);
    const target = r.one<UserDoc>('target');
    if (!target) throw notFound('居民');
    requireAdminOver(r.caller, target.placePath);
    const profile: ProfileDoc = {
      _id: target._id,
      disabled: input.disabled,
      lowIncome: input.lowIncome,
      ...(target.communityId ? { communityId: target.communityId } : {}),
      setBy: r.caller._id,
      updatedAt: ctx.now,
    };
    const { _id, ...data } = profile;
    await db.collection(PROFILES).doc(_id).set({ data });
    const policy = policyOf(r.one<PolicyDoc>('policy'));
    let voucherGranted = false;
    if (
      target.communityId &&
      !r.one<WalletDoc>('wallet') &&
      getsVoucher(policy, factsOf(target, profile), ctx.now)
    ) {
      try {
        await db.collection(WALLETS).add({
          data: newWallet(target._id, target.communityId, month, policy.monthlyFen, r.caller._id, ctx.now),
        });
        voucherGranted = true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    return {
      disabled: input.disabled,
      lowIncome: input.lowIncome,
      voucherGranted,
      voucherText: voucherGranted ? `已发放本月补贴 ${yuanText(policy.monthlyFen)}` : '',
    };
  },
});
