/** The `projects` cloud function (政府购买服务 / 公益创投): the pool, calls, bids and review; contracts and after. */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import appealEvaluation from './actions/appealEvaluation';
import contractDetail from './actions/contractDetail';
import contractList from './actions/contractList';
import dashboard from './actions/dashboard';
import evaluate from './actions/evaluate';
import indicatorRecords from './actions/indicatorRecords';
import orgCredit from './actions/orgCredit';
import recordSpending from './actions/recordSpending';
import recordVisit from './actions/recordVisit';
import releaseTranche from './actions/releaseTranche';
import signContract from './actions/signContract';
import submitReport from './actions/submitReport';
import type { ContractAction } from './contract';
import { refresh } from './timers/refresh';

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
} satisfies Record<ContractAction, Action>;

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = { ...contractActions };

export const main = createMain({ actions, timers: { refresh } });
