/**
 * vouchers — 补贴券: a person's balance this month and the ledger of every grant and charge over the last year,
 * for the person, a family member linked to them, or an admin of where they live.
 * Input: { beneficiaryId? }. Result: VoucherView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not linked to that person nor their admin), NOT_FOUND.
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { maskName } from '../../common/mask';
import { USERS, type UserDoc } from '../../common/directory/users';
import { servicesInputs, type VoucherMonth, type VoucherView } from '../contract';
import { monthKey } from '../../../miniprogram/shared/calendar';
import { eligibilityText } from '../domain/eligibility';
import { yuanText } from '../domain/menu';
import { beneficiaryOf, displayName, factsOf } from '../domain/people';
import { getsVoucher, policyOf } from '../domain/vouchers';
import { firstOf, readWithCaller, type Join } from '../../common/joins';
import { POLICIES, PROFILES, WALLETS, type PolicyDoc, type ProfileDoc, type WalletDoc } from '../documents';
import { FAMILY_LINKS, type LinkRef } from '../../common/directory/familyLinks';

export default action({
  input: servicesInputs.vouchers,
  async run(input, ctx): Promise<VoucherView> {
    const other = input.beneficiaryId;
    const personJoins: Join[] = other
      ? [
          { as: 'target', from: USERS, match: { _id: other } },
          { as: 'links', from: FAMILY_LINKS, localField: '_id', foreignField: 'relativeId' },
          { set: { personCommunity: firstOf('target.communityId') } },
          { as: 'profile', from: PROFILES, match: { _id: other } },
          { as: 'wallets', from: WALLETS, match: { userId: other }, sort: { month: -1 }, limit: 12 },
        ]
      : [
          { set: { personCommunity: '$communityId' } },
          { as: 'profile', from: PROFILES, localField: '_id', foreignField: '_id' },
          {
            as: 'wallets',
            from: WALLETS,
            let: { me: '$_id' },
            expr: _.aggregate.eq(['$userId', '$$me']) as unknown as Record<string, unknown>,
            sort: { month: -1 },
            limit: 12,
          },
        ];
    const r = await readWithCaller(ctx, [
      ...personJoins,
      { as: 'policy', from: POLICIES, localField: 'personCommunity', foreignField: '_id' },
    ]);
    const { person } = beneficiaryOf(r.caller, other, r.one<UserDoc>('target'), r.all<LinkRef>('links'));
    const policy = policyOf(r.one<PolicyDoc>('policy'));
    const facts = factsOf(person, r.one<ProfileDoc>('profile'));
    const current = monthKey(ctx.now);
    const months: VoucherMonth[] = r.all<WalletDoc>('wallets').map((w) => ({
      month: w.month,
      grantedFen: w.grantedFen,
      balanceFen: w.balanceFen,
      expiredFen: w.month < current ? w.balanceFen : 0,
      entries: [...w.ledger].reverse().map((e) => ({
        kind: e.kind,
        amountFen: e.amountFen,
        at: new Date(e.at).toISOString(),
        text:
          e.kind === 'grant'
            ? `${w.month.slice(5)} 月补贴 ${yuanText(e.amountFen)}`
            : `${e.itemName ?? '服务'} 抵扣 ${yuanText(e.amountFen)}`,
        ...(e.orderId ? { orderId: e.orderId } : {}),
      })),
    }));
    const eligible = getsVoucher(policy, facts, ctx.now);
    return {
      beneficiaryId: person._id,
      nameMasked: maskName(displayName(person)),
      eligible,
      eligibleText: eligible
        ? `每月补贴 ${yuanText(policy.monthlyFen)}，当月有效`
        : `${eligibilityText(policy.eligibility).replace('可以预约', '')}每月可领 ${yuanText(policy.monthlyFen)} 补贴`,
      monthlyFen: policy.monthlyFen,
      balanceFen: months.find((m) => m.month === current)?.balanceFen ?? 0,
      months,
    };
  },
});
