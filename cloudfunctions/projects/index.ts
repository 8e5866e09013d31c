/**
 * The `projects` cloud function (政府购买服务 / 公益创投): the qualified pool, calls, bids, review, award and
 * complaints up to the contracts (the first block), then contracts, tracking, evaluation, payment, credit and the
 * dashboard (the second block). Each block is its own object, so either half adds actions in one place.
 */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import answerComplaint from './actions/answerComplaint';
import appealEvaluation from './actions/appealEvaluation';
import applyToPool from './actions/applyToPool';
import assessPool from './actions/assessPool';
import award from './actions/award';
import bidDetail from './actions/bidDetail';
import callDetail from './actions/callDetail';
import callForm from './actions/callForm';
import contractDetail from './actions/contractDetail';
import contractList from './actions/contractList';
import dashboard from './actions/dashboard';
import declareConflicts from './actions/declareConflicts';
import demandList from './actions/demandList';
import evaluate from './actions/evaluate';
import fileComplaint from './actions/fileComplaint';
import indicatorRecords from './actions/indicatorRecords';
import listCalls from './actions/listCalls';
import makeContracts from './actions/makeContracts';
import myBids from './actions/myBids';
import myPool from './actions/myPool';
import myReviews from './actions/myReviews';
import orgCredit from './actions/orgCredit';
import proposeAmendment from './actions/proposeAmendment';
import poolChecklist from './actions/poolChecklist';
import poolEntries from './actions/poolEntries';
import prequalify from './actions/prequalify';
import publishCall from './actions/publishCall';
import recordSpending from './actions/recordSpending';
import recordVisit from './actions/recordVisit';
import releaseTranche from './actions/releaseTranche';
import reviewSheet from './actions/reviewSheet';
import saveBid from './actions/saveBid';
import screenToken from './actions/screenToken';
import scoreBid from './actions/scoreBid';
import setPoolChecklist from './actions/setPoolChecklist';
import signAmendment from './actions/signAmendment';
import signContract from './actions/signContract';
import submitReport from './actions/submitReport';
import type { AmendmentAction, ContractAction, ProjectsAction } from './contract';
import { bigScreen } from './http/bigScreen';
import { refresh } from './timers/refresh';

/** Pool, calls, bids, review, award, complaints, contracts made (the first half). */
const callActions = {
  applyToPool,
  myPool,
  poolEntries,
  poolChecklist,
  setPoolChecklist,
  assessPool,
  demandList,
  callForm,
  publishCall,
  listCalls,
  callDetail,
  saveBid,
  myBids,
  bidDetail,
  prequalify,
  myReviews,
  reviewSheet,
  declareConflicts,
  scoreBid,
  award,
  fileComplaint,
  answerComplaint,
  makeContracts,
};

/** The contract side's actions (signing, tracking, evaluation, payment, credit, dashboard). */
const contractActions = {
  signContract,
  contractList,
  contractDetail,
  indicatorRecords,
  submitReport,
  recordVisit,
  recordSpending,
  evaluate,
  appealEvaluation,
  releaseTranche,
  orgCredit,
  dashboard,
  screenToken,
} satisfies Record<ContractAction, Action>;

/** Amendments (补充协议) of a signed contract. */
const amendmentActions = {
  proposeAmendment,
  signAmendment,
} satisfies Record<AmendmentAction, Action>;

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  ...callActions,
  ...contractActions,
  ...amendmentActions,
} satisfies Record<ProjectsAction, Action>;

export const main = createMain({ actions, timers: { refresh }, http: bigScreen });
