/**
 * The `reports` cloud function (随手拍 and grid reports, 直联 + 网格化): grids and their teams, departments and the
 * matter list, reports and their flow from submission to a rated close, queues and figures; a timer for overdue
 * escalation; and a read-only Open311 GeoReport v2 endpoint through HTTP access.
 */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import accept from './actions/accept';
import callBack from './actions/callBack';
import closeReport from './actions/closeReport';
import dispatch from './actions/dispatch';
import figures from './actions/figures';
import follow from './actions/follow';
import matters from './actions/matters';
import myReports from './actions/myReports';
import nearMe from './actions/nearMe';
import patrolConfirm from './actions/patrolConfirm';
import queue from './actions/queue';
import reopen from './actions/reopen';
import reportDetail from './actions/reportDetail';
import resolve from './actions/resolve';
import saveDepartment from './actions/saveDepartment';
import saveGrid from './actions/saveGrid';
import saveMatter from './actions/saveMatter';
import setGridTeam from './actions/setGridTeam';
import setup from './actions/setup';
import similar from './actions/similar';
import submit from './actions/submit';
import workspace from './actions/workspace';
import type { ReportsAction } from './contract';
import { open311 } from './http/open311';
import { escalate } from './timers/escalate';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  saveGrid,
  setGridTeam,
  saveDepartment,
  saveMatter,
  setup,
  matters,
  similar,
  submit,
  follow,
  myReports,
  nearMe,
  reportDetail,
  reopen,
  closeReport,
  patrolConfirm,
  callBack,
  queue,
  accept,
  resolve,
  dispatch,
  figures,
  workspace,
} satisfies Record<ReportsAction, Action>;

export const main = createMain({ actions, timers: { escalate }, http: open311 });
