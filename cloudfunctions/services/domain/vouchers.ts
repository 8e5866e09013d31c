/**
 * Vouchers (补贴券): each month an eligible resident gets the community's monthly amount (80 yuan unless the
 * community set another) in a wallet for that month; completing a subsidized order charges it. A wallet is one
 * document with its ledger inside, so a charge, its ledger line and its once-per-order guard are one atomic
 * update conditional on the balance covering the price: a balance never goes negative and an order is never
 * charged twice. Vouchers are for their month: what is left at the month's end lapses (shown in the ledger).
 */
import { SERVICES_LIMITS, type EligibilityTag } from '../contract';
import { isEligible, type PersonFacts } from './eligibility';
import { yuanText } from './menu';
import type { LedgerEntry, PolicyDoc, WalletDoc } from '../documents';

/** Eligibility for vouchers when a community has no policy: any one of the three. */
export const DEFAULT_VOUCHER_ELIGIBILITY: readonly EligibilityTag[] = ['age80', 'disabled', 'lowIncome'];

/** A community's policy, or the default. */
export function policyOf(doc: Pick<PolicyDoc, 'monthlyFen' | 'eligibility'> | undefined): {
  monthlyFen: number;
  eligibility: readonly EligibilityTag[];
} {
  return doc
    ? { monthlyFen: doc.monthlyFen, eligibility: doc.eligibility }
    : { monthlyFen: SERVICES_LIMITS.defaultMonthlyVoucherFen, eligibility: DEFAULT_VOUCHER_ELIGIBILITY };
}

/** The wallet id of a person for a month. */
export function walletId(userId: string, month: string): string {
  return `${userId}@${month}`;
}

/** Whether a person gets vouchers under a policy (a policy of 0 yuan grants nothing). */
export function getsVoucher(
  policy: { monthlyFen: number; eligibility: readonly EligibilityTag[] },
  person: PersonFacts,
  now: Date,
): boolean {
  return (
    policy.monthlyFen > 0 && policy.eligibility.length > 0 && isEligible(policy.eligibility, person, now)
  );
}

/** A month's new wallet with its grant line. */
export function newWallet(
  userId: string,
  communityId: string,
  month: string,
  amountFen: number,
  by: string,
  now: Date,
): WalletDoc {
  return {
    _id: walletId(userId, month),
    userId,
    month,
    communityId,
    grantedFen: amountFen,
    balanceFen: amountFen,
    orderIds: [],
    ledger: [{ kind: 'grant', amountFen, at: now, by }],
    createdAt: now,
  };
}

/** The ledger line of a charge. */
export function deductionEntry(
  orderId: string,
  itemName: string,
  amountFen: number,
  by: string,
  now: Date,
): LedgerEntry {
  return { kind: 'deduct', amountFen, at: now, orderId, itemName, by };
}

/**
 * What check-out does about the voucher, from the wallet as read: nothing (not a subsidized order), already
 * charged (a retried check-out), try to charge, or self-pay (no wallet this month, or the balance is short).
 */
export function chargePlan(
  order: { _id: string; priceType: string; priceFen: number },
  wallet: Pick<WalletDoc, 'balanceFen' | 'orderIds'> | undefined,
): 'none' | 'charged' | 'try' | 'self_pay' {
  if (order.priceType !== 'voucher' || order.priceFen === 0) return 'none';
  if (wallet?.orderIds.includes(order._id)) return 'charged';
  if (!wallet || wallet.balanceFen < order.priceFen) return 'self_pay';
  return 'try';
}

/**
 * What a person pays for an item if it were carried out now, by the same plan check-out charges by: the voucher
 * covers the whole price when this month's balance does, else the person pays it all.
 */
export function quoteOf(
  item: { priceType: string; priceFen: number },
  wallet: Pick<WalletDoc, 'balanceFen' | 'orderIds'> | undefined,
): { payFen: number; voucherFen: number; text: string } {
  const plan = chargePlan({ _id: '', ...item }, wallet);
  const voucherFen = plan === 'try' ? item.priceFen : 0;
  const payFen = item.priceType === 'free' ? 0 : item.priceFen - voucherFen;
  const text = `自付 ${yuanText(payFen)}${voucherFen > 0 ? ` · 补贴券抵扣 ${yuanText(voucherFen)}` : ''}`;
  return { payFen, voucherFen, text };
}

/** How a subsidy reads to residents. */
export function subsidyText(
  status: 'none' | 'pending' | 'deducted' | 'self_pay',
  amountFen: number,
  priceType: string,
): string {
  if (status === 'pending') return `完成后用补贴券抵扣 ${yuanText(amountFen)}`;
  if (status === 'deducted') return `补贴券已抵扣 ${yuanText(amountFen)}`;
  if (status === 'self_pay') return `补贴券余额不足，本次自付 ${yuanText(amountFen)}`;
  if (priceType === 'lowcost') return `低偿 ${yuanText(amountFen)}，服务时付给机构`;
  return '免费';
}
