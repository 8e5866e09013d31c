/**
 * Who may do what in the charity supermarket (decided here, documented in the README):
 * - Donors: any logged-in resident.
 * - Supermarket operators — receive, refuse, allocate, dispatch, hand over with the recipient's code, stocktake,
 *   reconcile: admins over the supermarket's street, and staff of the organizations that street's admin named
 *   as its operators.
 * - Recipients are registered, and needs posted and closed, by admins over the recipient's community.
 * - A recipient's name, phone and address: admins over their place, and the staff member who dispatched that
 *   donation while it is out for delivery or waiting for pickup. Nobody else, whatever their role.
 * - The recipient's one-time confirmation code: admins over their place (who pass it on) and the recipient's own
 *   account; never the delivering staff, so a confirmation by code is the recipient's word, not the staff's.
 */
import { isAdminOver, providerOrgIds } from '../../common/auth';
import { forbidden } from '../../common/errors';
import type { UserDoc } from '../../common/directory/users';
import type { DonationAbilities } from '../contract';
import type { DonationDoc, MerchantDoc, RecipientDoc, SupermarketDoc } from '../documents';

/** Whether the user operates the supermarket. */
export function operates(
  user: Pick<UserDoc, 'roles'>,
  sm: Pick<SupermarketDoc, 'placePath' | 'orgIds'> | undefined,
): boolean {
  if (!sm) return false;
  return isAdminOver(user, sm.placePath) || providerOrgIds(user).some((o) => sm.orgIds.includes(o));
}

/** Throws FORBIDDEN unless the user operates the supermarket. */
export function requireOperator(
  user: Pick<UserDoc, 'roles'>,
  sm: Pick<SupermarketDoc, 'placePath' | 'orgIds'> | undefined,
): void {
  if (!operates(user, sm)) throw forbidden('只有本慈善超市的工作人员可以执行此操作');
}

/** Whether the user manages goods of this place: a merchant's staff (or admins over it), else the supermarket's. */
export function staffsGoods(
  user: Pick<UserDoc, '_id' | 'roles'>,
  sm: Pick<SupermarketDoc, 'placePath' | 'orgIds'> | undefined,
  merchant: Pick<MerchantDoc, 'placePath' | 'staffIds'> | undefined,
  merchantGoods: boolean,
): boolean {
  if (!merchantGoods) return operates(user, sm);
  return Boolean(merchant && (merchant.staffIds.includes(user._id) || isAdminOver(user, merchant.placePath)));
}

/** Throws FORBIDDEN unless the user manages goods of this place (see {@link staffsGoods}). */
export function requireGoodsStaff(
  user: Pick<UserDoc, '_id' | 'roles'>,
  sm: Pick<SupermarketDoc, 'placePath' | 'orgIds'> | undefined,
  merchant: Pick<MerchantDoc, 'placePath' | 'staffIds'> | undefined,
  merchantGoods: boolean,
): void {
  if (!staffsGoods(user, sm, merchant, merchantGoods))
    throw forbidden(
      merchantGoods ? '只有这家商户的工作人员可以执行此操作' : '只有本慈善超市的工作人员可以执行此操作',
    );
}

/** How the caller stands towards one donation. */
export interface Audience {
  donor: boolean;
  operator: boolean;
  /** Admin over the recipient's place. */
  admin: boolean;
  /** Dispatched it and it is still on its way. */
  delivering: boolean;
  /** The recipient's own account. */
  recipient: boolean;
}

/** No relation at all (the public). */
export const PUBLIC: Audience = {
  donor: false,
  operator: false,
  admin: false,
  delivering: false,
  recipient: false,
};

const inHandover = (d: Pick<DonationDoc, 'status'>): boolean =>
  d.status === 'out_for_delivery' || d.status === 'ready_for_pickup';

/** The caller's standing towards a donation. */
export function audienceOf(
  user: Pick<UserDoc, '_id' | 'roles'> | undefined,
  d: Pick<DonationDoc, 'donorId' | 'recipientPath' | 'delivery' | 'status'>,
  sm: Pick<SupermarketDoc, 'placePath' | 'orgIds'> | undefined,
  recipient: Pick<RecipientDoc, 'residentId'> | undefined,
): Audience {
  if (!user) return PUBLIC;
  return {
    donor: d.donorId === user._id,
    operator: operates(user, sm),
    admin: Boolean(d.recipientPath && isAdminOver(user, d.recipientPath)),
    delivering: d.delivery?.staffId === user._id && inHandover(d),
    recipient: Boolean(recipient?.residentId && recipient.residentId === user._id),
  };
}

/** Whether the audience may see the recipient's contact details. */
export function seesContact(a: Audience): boolean {
  return a.admin || a.delivering;
}

/** Whether the audience may see the one-time confirmation code. */
export function seesConfirmCode(a: Audience, d: Pick<DonationDoc, 'status'>): boolean {
  return (a.admin || a.recipient) && inHandover(d);
}

/** What the audience may do next. */
export function abilities(a: Audience, d: Pick<DonationDoc, 'status' | 'kind'>): DonationAbilities {
  const s = d.status;
  return {
    cancel: a.donor && s === 'pledged',
    receive: a.operator && s === 'pledged',
    allocate: a.operator && d.kind === 'stock' && s === 'received',
    dispatch: a.operator && ((d.kind === 'need' && s === 'received') || s === 'allocated' || inHandover(d)),
    confirm: a.recipient && inHandover(d),
    confirmWithCode: a.operator && inHandover(d),
    thank: (a.recipient || a.admin) && s === 'confirmed',
  };
}
