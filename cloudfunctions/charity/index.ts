/**
 * The `charity` function (互联网+慈善超市): recipients, needs, donations followed step by step on an append-only
 * hash chain to the recipient's confirmation, the supermarket's stock and reconciliation, the public ledger and
 * the daily digest of chain heads.
 */
import type { Action } from '../common/action';
import pointShop from './actions/pointShop';
import addPointGoods from './actions/addPointGoods';
import updatePointGoods from './actions/updatePointGoods';
import redeem from './actions/redeem';
import myRedemptions from './actions/myRedemptions';
import lookupRedemption from './actions/lookupRedemption';
import handOver from './actions/handOver';
import cancelRedemption from './actions/cancelRedemption';
import givePoints from './actions/givePoints';
import givePointsToNeed from './actions/givePointsToNeed';
import merchants from './actions/merchants';
import registerMerchant from './actions/registerMerchant';
import { createMain } from '../common/router';
import adminNeeds from './actions/adminNeeds';
import allocate from './actions/allocate';
import cancelPledge from './actions/cancelPledge';
import claim from './actions/claim';
import closeNeed from './actions/closeNeed';
import confirm from './actions/confirm';
import digests from './actions/digests';
import dispatch from './actions/dispatch';
import donation from './actions/donation';
import ledger from './actions/ledger';
import lookupCode from './actions/lookupCode';
import myDonations from './actions/myDonations';
import myReceipts from './actions/myReceipts';
import need from './actions/need';
import needs from './actions/needs';
import pledgeToStock from './actions/pledgeToStock';
import postNeed from './actions/postNeed';
import receive from './actions/receive';
import recipientDetail from './actions/recipientDetail';
import recipients from './actions/recipients';
import reconciliation from './actions/reconciliation';
import exportReconciliation from './actions/exportReconciliation';
import recordStocktake from './actions/recordStocktake';
import registerRecipient from './actions/registerRecipient';
import setSupermarket from './actions/setSupermarket';
import staffQueue from './actions/staffQueue';
import stats from './actions/stats';
import supermarkets from './actions/supermarkets';
import thank from './actions/thank';
import updateRecipient from './actions/updateRecipient';
import verify from './actions/verify';
import reviewStory from './actions/reviewStory';
import type { CharityAction } from './contract';
import { dailyDigest } from './timers/dailyDigest';
import { pledgeExpiry } from './timers/pledgeExpiry';
import { pledgeReminders } from './timers/pledgeReminders';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  supermarkets,
  needs,
  need,
  ledger,
  stats,
  digests,
  donation,
  verify,
  reviewStory,
  claim,
  pledgeToStock,
  cancelPledge,
  myDonations,
  myReceipts,
  confirm,
  thank,
  lookupCode,
  receive,
  allocate,
  dispatch,
  staffQueue,
  recordStocktake,
  reconciliation,
  exportReconciliation,
  setSupermarket,
  registerRecipient,
  updateRecipient,
  recipients,
  recipientDetail,
  postNeed,
  closeNeed,
  adminNeeds,
  pointShop,
  addPointGoods,
  updatePointGoods,
  redeem,
  myRedemptions,
  lookupRedemption,
  handOver,
  cancelRedemption,
  givePoints,
  givePointsToNeed,
  registerMerchant,
  merchants,
} satisfies Record<CharityAction, Action>;

export const main = createMain({ actions, timers: { pledgeReminders, pledgeExpiry, dailyDigest } });
