/**
 * The `services` cloud function (百姓点菜、政府定菜、社会组织做菜): the menu, orders and their matching, work
 * orders, vouchers, callbacks and the demand list; timers for re-matching and SLAs, monthly vouchers, and
 * pruning past slot counters.
 */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import acceptOrder from './actions/acceptOrder';
import adminOrders from './actions/adminOrders';
import adoptDemand from './actions/adoptDemand';
import assignOrder from './actions/assignOrder';
import cancelOrder from './actions/cancelOrder';
import checkIn from './actions/checkIn';
import checkOut from './actions/checkOut';
import declineOrder from './actions/declineOrder';
import demands from './actions/demands';
import editItem from './actions/editItem';
import itemDetail from './actions/itemDetail';
import itemsToManage from './actions/itemsToManage';
import menu from './actions/menu';
import myOrders from './actions/myOrders';
import orderDetail from './actions/orderDetail';
import phoneCallback from './actions/phoneCallback';
import placeOrder from './actions/placeOrder';
import proposeItem from './actions/proposeItem';
import providerStats from './actions/providerStats';
import exportProviderStats from './actions/exportProviderStats';
import rateOrder from './actions/rateOrder';
import requestService from './actions/requestService';
import reviewItem from './actions/reviewItem';
import setCheckInRule from './actions/setCheckInRule';
import setEligibility from './actions/setEligibility';
import setVoucherPolicy from './actions/setVoucherPolicy';
import vouchers from './actions/vouchers';
import workOrders from './actions/workOrders';
import type { ServicesAction } from './contract';
import { monthlyVouchers } from './timers/monthlyVouchers';
import { pruneSlots } from './timers/pruneSlots';
import { rematch } from './timers/rematch';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  menu,
  itemDetail,
  placeOrder,
  myOrders,
  orderDetail,
  cancelOrder,
  rateOrder,
  requestService,
  demands,
  vouchers,
  workOrders,
  acceptOrder,
  declineOrder,
  checkIn,
  checkOut,
  proposeItem,
  itemsToManage,
  reviewItem,
  editItem,
  adminOrders,
  assignOrder,
  phoneCallback,
  providerStats,
  exportProviderStats,
  adoptDemand,
  setEligibility,
  setVoucherPolicy,
  setCheckInRule,
} satisfies Record<ServicesAction, Action>;

export const main = createMain({ actions, timers: { rematch, monthlyVouchers, pruneSlots } });
