/**
 * Menu rules (政府定菜): organizations' staff propose items for communities they serve; admins of the
 * organization's scope approve, reject, edit, retire and restore them. Residents see approved items available
 * in their community, offered by an active organization that covers it. Capacity is per organization and slot.
 */
import { conflict, invalid } from '../../common/errors';
import type { FieldIssue } from '../../common/reply';
import { CATEGORIES, type EligibilityTag, type PriceType } from '../contract';
import type { Actor, ItemDoc, ItemEvent } from '../documents';
import type { OrgRef } from '../../common/directory/orgs';

/** Fen from yuan (inputs carry at most two decimals). */
export function fenOf(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 30 元, 12.5 元. */
export function yuanText(fen: number): string {
  const yuan = fen / 100;
  return `${Number.isInteger(yuan) ? yuan : yuan.toFixed(2).replace(/0$/, '')} 元`;
}

/** How the price reads on the menu. */
export function priceText(priceType: PriceType, priceFen: number): string {
  if (priceType === 'free') return '免费';
  if (priceType === 'voucher') return `${yuanText(priceFen)}，用补贴券抵扣`;
  return `低偿 ${yuanText(priceFen)}`;
}

/** The price fields checked together: free costs nothing, the others need an amount. */
export function checkPrice(priceType: PriceType, priceFen: number): FieldIssue[] {
  if (priceType === 'free') return [];
  return priceFen > 0 ? [] : [{ path: 'priceYuan', message: '请填写价格' }];
}

/** Communities of `wanted` that none of `orgs` (active) covers. */
export function uncovered(wanted: readonly string[], orgs: readonly OrgRef[]): string[] {
  return wanted.filter((c) => !orgs.some((o) => o.active && o.communityIds.includes(c)));
}

/** What a member of staff proposes, checked against their organization. */
export interface Proposal {
  name: string;
  category: ItemDoc['category'];
  description: string;
  unit: string;
  priceType: PriceType;
  priceFen: number;
  eligibility: EligibilityTag[];
  communityIds: string[];
  capacityPerSlot: number;
  durationMinutes: number;
}

/** A new proposed item (without `_id`); throws when the organization cannot offer it there. */
export function planProposal(org: OrgRef, proposal: Proposal, by: Actor, now: Date): Omit<ItemDoc, '_id'> {
  if (!org.active) throw conflict('机构已停用，不能提出新的服务项目');
  const issues = [
    ...checkPrice(proposal.priceType, proposal.priceFen),
    ...uncovered(proposal.communityIds, [org]).map((c) => ({
      path: 'communityIds',
      message: `机构不服务这个社区：${c}`,
    })),
  ];
  if (issues.length > 0) throw invalid('服务项目信息有误', issues);
  return {
    ...proposal,
    categoryRank: CATEGORIES.indexOf(proposal.category),
    eligibility: [...new Set(proposal.eligibility)],
    communityIds: [...new Set(proposal.communityIds)],
    priceFen: proposal.priceType === 'free' ? 0 : proposal.priceFen,
    orgIds: [org._id],
    orgNames: [org.name],
    status: 'proposed',
    scopeId: org.scopeId,
    scopePath: org.scopePath,
    slots: {},
    proposedBy: by,
    history: [{ kind: 'propose', by, at: now }],
    createdAt: now,
    updatedAt: now,
  };
}

/** An admin's decision on an item. */
export type ReviewDecision = 'approve' | 'reject' | 'retire' | 'restore';

const REVIEW_FROM: Readonly<Record<ReviewDecision, readonly ItemDoc['status'][]>> = {
  approve: ['proposed', 'rejected'],
  reject: ['proposed'],
  retire: ['approved'],
  restore: ['retired'],
};
const REVIEW_TO: Readonly<Record<ReviewDecision, ItemDoc['status']>> = {
  approve: 'approved',
  reject: 'rejected',
  retire: 'retired',
  restore: 'approved',
};

/** The status and history line after a review; throws when the item is not in a state the decision fits. */
export function planReview(
  item: Pick<ItemDoc, 'status'>,
  decision: ReviewDecision,
  reason: string,
  by: Actor,
  now: Date,
): { from: ItemDoc['status']; status: ItemDoc['status']; event: ItemEvent } {
  if (!REVIEW_FROM[decision].includes(item.status))
    throw conflict(`该服务项目现在是「${ITEM_STATUS_TEXT[item.status]}」，不能这样操作`);
  if (decision === 'reject' && reason === '')
    throw invalid('请写明不通过的原因', [{ path: 'reason', message: 'required to reject' }]);
  const kind: ItemEvent['kind'] = decision;
  return {
    from: item.status,
    status: REVIEW_TO[decision],
    event: { kind, by, at: now, ...(reason ? { note: reason } : {}) },
  };
}

/** Status names for admins. */
export const ITEM_STATUS_TEXT: Readonly<Record<ItemDoc['status'], string>> = {
  proposed: '待审核',
  approved: '已上架',
  rejected: '未通过',
  retired: '已下架',
};

/** Organizations of `item` that serve residents of `communityId` (active and covering it). */
export function coveringOrgs(
  item: Pick<ItemDoc, 'orgIds'>,
  orgs: readonly OrgRef[],
  communityId: string,
): OrgRef[] {
  return orgs.filter((o) => item.orgIds.includes(o._id) && o.active && o.communityIds.includes(communityId));
}

/** Whether residents of a community can order the item now. */
export function isOrderable(
  item: Pick<ItemDoc, 'status' | 'communityIds' | 'orgIds'>,
  orgs: readonly OrgRef[],
  communityId: string,
): boolean {
  return (
    item.status === 'approved' &&
    item.communityIds.includes(communityId) &&
    coveringOrgs(item, orgs, communityId).length > 0
  );
}

/** Places taken by an organization in a slot. */
export function taken(item: Pick<ItemDoc, 'slots'>, slot: string, orgId: string): number {
  return item.slots?.[slot]?.[orgId] ?? 0;
}

/** Places left in a slot across the organizations serving a community. */
export function placesLeft(
  item: Pick<ItemDoc, 'slots' | 'capacityPerSlot'>,
  orgIds: readonly string[],
  slot: string,
): number {
  return orgIds.reduce((sum, orgId) => sum + Math.max(0, item.capacityPerSlot - taken(item, slot, orgId)), 0);
}

/** The field path of an organization's counter in a slot. */
export function counterPath(slot: string, orgId: string): string {
  return `slots.${slot}.${orgId}`;
}

/** The field path of the tag of the place an order holds in a slot. */
export function holdPath(slot: string, orderId: string): string {
  return `holds.${slot}.${orderId}`;
}

/** The organization whose place an order holds in a slot, per the item's tags. */
export function heldIn(item: Pick<ItemDoc, 'holds'>, slot: string, orderId: string): string | undefined {
  return item.holds?.[slot]?.[orderId];
}

/**
 * An item an admin puts on the menu directly (adopting a demand): approved at once, offered by the chosen
 * organizations, in the organizations' first scope. Throws when an organization is stopped or a community is
 * not served by any of them.
 */
export function planAdminItem(
  orgs: readonly OrgRef[],
  proposal: Proposal,
  by: Actor,
  now: Date,
  demandId?: string,
): Omit<ItemDoc, '_id'> {
  const stopped = orgs.filter((o) => !o.active);
  if (orgs.length === 0 || stopped.length > 0) throw conflict('请选择在运行的服务机构');
  const issues = [
    ...checkPrice(proposal.priceType, proposal.priceFen),
    ...uncovered(proposal.communityIds, orgs).map((c) => ({
      path: 'communityIds',
      message: `没有机构服务这个社区：${c}`,
    })),
  ];
  if (issues.length > 0) throw invalid('服务项目信息有误', issues);
  const first = orgs[0]!;
  return {
    ...proposal,
    categoryRank: CATEGORIES.indexOf(proposal.category),
    eligibility: [...new Set(proposal.eligibility)],
    communityIds: [...new Set(proposal.communityIds)],
    priceFen: proposal.priceType === 'free' ? 0 : proposal.priceFen,
    orgIds: orgs.map((o) => o._id),
    orgNames: orgs.map((o) => o.name),
    status: 'approved',
    scopeId: first.scopeId,
    scopePath: first.scopePath,
    slots: {},
    proposedBy: by,
    ...(demandId ? { demandId } : {}),
    history: [{ kind: demandId ? 'adopt' : 'approve', by, at: now }],
    createdAt: now,
    updatedAt: now,
  };
}
