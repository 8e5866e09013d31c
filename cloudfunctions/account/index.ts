/** The `account` cloud function: identity, profile, places, roles, organizations, family links. */
import { createMain } from '../common/router';
import adminCommunities from './actions/adminCommunities';
import adminLink from './actions/family/adminLink';
import createLinkCode from './actions/family/createLinkCode';
import listLinks from './actions/family/listLinks';
import requestLink from './actions/family/requestLink';
import respondLink from './actions/family/respondLink';
import unlink from './actions/family/unlink';
import grantRole from './actions/grantRole';
import home from './actions/home';
import login from './actions/login';
import createOrg from './actions/orgs/createOrg';
import listOrgs from './actions/orgs/listOrgs';
import updateOrg from './actions/orgs/updateOrg';
import places from './actions/places';
import registerElder from './actions/registerElder';
import revokeRole from './actions/revokeRole';
import searchUsers from './actions/searchUsers';
import exportPeople from './actions/exportPeople';
import updateProfile from './actions/updateProfile';
import userDetail from './actions/userDetail';
import editCommunity from './actions/editCommunity';
import hotline from './actions/hotline';
import cancelErasure from './actions/privacy/cancelErasure';
import exportMyData from './actions/privacy/exportMyData';
import myData from './actions/privacy/myData';
import openExport from './actions/privacy/openExport';
import requestErasure from './actions/privacy/requestErasure';
import withdrawConsent from './actions/privacy/withdrawConsent';
import messages from './actions/messages/messages';
import readMessages from './actions/messages/readMessages';
import unreadMessages from './actions/messages/unreadMessages';
import workplace from './actions/workplace';
import setWorkPhone from './actions/orgs/setWorkPhone';
import { privacyChores } from './timers/privacyChores';
import type { AccountAction } from './contract';
import type { Action } from '../common/action';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  login,
  updateProfile,
  places,
  adminCommunities,
  grantRole,
  revokeRole,
  searchUsers,
  userDetail,
  registerElder,
  createLinkCode,
  requestLink,
  respondLink,
  adminLink,
  listLinks,
  unlink,
  createOrg,
  updateOrg,
  listOrgs,
  home,
  myData,
  exportMyData,
  openExport,
  requestErasure,
  cancelErasure,
  withdrawConsent,
  editCommunity,
  hotline,
  messages,
  unreadMessages,
  readMessages,
  workplace,
  setWorkPhone,
  exportPeople,
} satisfies Record<AccountAction, Action>;

export const main = createMain({ actions, timers: { privacyChores } });
