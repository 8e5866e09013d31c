/**
 * Who someone is to an order, and what that lets them do. An order is visible to the person served, whoever
 * ordered it, their linked family, the staff of the organization it is matched to, and admins of its community;
 * contact details reach only the staff member who accepted it, and only while the work is under way.
 */
import { isAdminOver, providerOrgIds } from '../../common/auth';
import type { UserDoc } from '../../common/directory/users';
import type { OrderActions } from '../contract';
import type { Actor, OrderDoc } from '../documents';

/** The caller and the elders they may act for (active family links as the relative). */
export interface Viewer {
  user: Pick<UserDoc, '_id' | 'nickname' | 'roles'>;
  elderIds: readonly string[];
}

/** How the viewer relates to an order. */
export interface Relation {
  beneficiary: boolean;
  orderer: boolean;
  family: boolean;
  orgStaff: boolean;
  assignedStaff: boolean;
  admin: boolean;
}

/** The viewer's relation to an order. */
export function relationTo(viewer: Viewer, order: OrderDoc): Relation {
  const me = viewer.user._id;
  return {
    beneficiary: order.beneficiaryId === me,
    orderer: order.orderedBy === me,
    family: viewer.elderIds.includes(order.beneficiaryId),
    orgStaff: order.orgId !== undefined && providerOrgIds(viewer.user).includes(order.orgId),
    assignedStaff: order.staffId === me,
    admin: isAdminOver(viewer.user, order.placePath),
  };
}

/** Whether the viewer may see the order at all. */
export function canSee(r: Relation): boolean {
  return r.beneficiary || r.orderer || r.family || r.orgStaff || r.assignedStaff || r.admin;
}

/** The resident side: the person served, who ordered, or their family. */
export function isResidentSide(r: Relation): boolean {
  return r.beneficiary || r.orderer || r.family;
}

/**
 * Whether the full address, phone and name reach this viewer: the staff member doing the work while it is under
 * way, and the admin whose phone callback (电话回访) is due, who must dial the number.
 */
export function revealsContact(r: Relation, order: Pick<OrderDoc, 'status' | 'survey'>): boolean {
  const working = r.assignedStaff && (order.status === 'accepted' || order.status === 'in_service');
  const callingBack = r.admin && order.status === 'completed' && !order.survey;
  return working || callingBack;
}

/**
 * 再来一单: whether `userId` may repeat a past order — the person served or whoever ordered it (an admin's 代下单
 * is repeated by the admin, not by the family who only watch it).
 */
export function mayRepeat(order: Pick<OrderDoc, 'beneficiaryId' | 'orderedBy'>, userId: string): boolean {
  return order.beneficiaryId === userId || order.orderedBy === userId;
}

/** What the viewer may do with the order now. */
export function allowedActions(r: Relation, order: OrderDoc): OrderActions {
  const s = order.status;
  return {
    cancel:
      (isResidentSide(r) && (s === 'submitted' || s === 'matched')) ||
      (r.admin && (s === 'submitted' || s === 'matched' || s === 'accepted')),
    rate: isResidentSide(r) && s === 'completed',
    accept: r.orgStaff && s === 'matched',
    decline: r.orgStaff && s === 'matched',
    checkIn: r.assignedStaff && s === 'accepted',
    checkOut: r.assignedStaff && s === 'in_service',
    callback: r.admin && s === 'completed' && !order.survey,
    assign: r.admin && s === 'submitted',
    repeat: (r.beneficiary || r.orderer) && (s === 'completed' || s === 'confirmed'),
  };
}

/** The actor a viewer is on an order's timeline, by the part they play. */
export function actorFor(
  user: Pick<UserDoc, '_id' | 'nickname'>,
  r: Relation,
  as: 'resident' | 'provider' | 'admin',
): Actor {
  if (as === 'resident')
    return {
      id: user._id,
      name: user.nickname,
      role: r.beneficiary ? 'resident' : r.family ? 'family' : 'resident',
    };
  return { id: user._id, name: user.nickname, role: as };
}

/** Staff or an admin as an actor, by their work name. */
export function workActor(user: Pick<UserDoc, '_id' | 'nickname'>, role: 'provider' | 'admin'): Actor {
  return { id: user._id, name: user.nickname, role };
}

/** The system as an actor (timers). */
export const SYSTEM: Actor = { id: 'system', name: '系统', role: 'system' };
