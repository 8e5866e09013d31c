/**
 * A working day of the newer capabilities on the full demo, for actions.bench.ts's server times: 随手拍 (reports),
 * activity rooms, purchased services (projects) and a person's account — their data, messages and hotline, and
 * the admin's and staff's settings — each action called as the demo person who would use it, once a round, in the
 * order the work goes. A call that fails is reported (its time would be an error path's, not the action's) and
 * ends its chain for the round.
 */
import type { DemoCloud } from '../../test/support/demo';
import { attempter, chain, type Attempt } from './attempt';
import { projectsDay } from './projectsDay';
import { reportsDay } from './reportsDay';
import { roomsDay } from './roomsDay';

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const LUKOU_ADMIN = 'demo-admin-lukou';
const XINYUAN = 'demo-staff-xinyuan-1';
const MEALS = 'contract-lukou-meals';
const CENTRE = { latitude: 31.737, longitude: 118.866 };

/** Runs the scenario `rounds` times; returns the calls that failed (function.action as who: error code). */
export async function newerActions(demo: DemoCloud, rounds = 3): Promise<string[]> {
  const failed: string[] = [];
  const attempt = attempter(demo, failed);
  for (let k = 0; k < rounds; k++) {
    await chain(failed, 'reports (looking)', () => lookingAround(demo, attempt));
    await chain(failed, 'reports', () => reportsDay(demo, attempt, k));
    await chain(failed, 'rooms', () => roomsDay(demo, attempt));
    await chain(failed, 'projects (following)', () => followingContracts(attempt));
    await chain(failed, 'projects', () => projectsDay(demo, attempt, k));
    await chain(failed, 'account', () => accountDay(demo, attempt, k));
  }
  return [...new Set(failed)];
}

/** A resident looks around and follows a report; the street's admin looks at the figures. */
async function lookingAround(demo: DemoCloud, attempt: Attempt): Promise<void> {
  const matters = await attempt('reports', WANG, 'matters', {});
  await attempt('reports', WANG, 'similar', { matterId: matters[0]!.id, location: CENTRE });
  await attempt('reports', WANG, 'nearMe', { location: CENTRE });
  await attempt('reports', WANG, 'myReports', {});
  // Someone else's open report.
  const zhang = demo.seed.userIds[ZHANG];
  const other = demo.cloud.store.docs('reports').find((r) => r.status !== 'closed' && r.reporterId !== zhang);
  if (other) {
    const reportId = String(other._id);
    await attempt('reports', ZHANG, 'reportDetail', { reportId });
    await attempt('reports', ZHANG, 'follow', { reportId, follow: true });
    await attempt('reports', ZHANG, 'follow', { reportId, follow: false });
  }
  await attempt('reports', LUKOU_ADMIN, 'queue', { view: 'overdue' });
  await attempt('reports', LUKOU_ADMIN, 'figures', {});
  await attempt('reports', LUKOU_ADMIN, 'workspace', {});
}

/** The provider's staff and the street's admin follow the demo's contracts. */
async function followingContracts(attempt: Attempt): Promise<void> {
  await attempt('projects', XINYUAN, 'myPool', {});
  await attempt('projects', XINYUAN, 'myBids', {});
  await attempt('projects', XINYUAN, 'listCalls', {});
  await attempt('projects', XINYUAN, 'contractList', {});
  await attempt('projects', XINYUAN, 'contractDetail', { contractId: MEALS });
  await attempt('projects', LUKOU_ADMIN, 'indicatorRecords', { contractId: MEALS, indicatorKey: 'orders' });
  await attempt('projects', LUKOU_ADMIN, 'dashboard', {});
  await attempt('projects', LUKOU_ADMIN, 'listCalls', { view: 'admin' });
  await attempt('projects', LUKOU_ADMIN, 'demandList', {});
  await attempt('projects', LUKOU_ADMIN, 'poolEntries', {});
}

/**
 * A person's account: their messages and hotline, what is held, an export opened, messages withdrawn, a deletion
 * asked for and cancelled; the admin sets a community's hotline and looks at the workplace; staff set a work phone.
 */
async function accountDay(demo: DemoCloud, attempt: Attempt, k: number): Promise<void> {
  await attempt('account', LUKOU_ADMIN, 'editCommunity', {
    communityId: 'jn-lukou-tongshan',
    hotline: '025-57112233',
    hotlineHours: k % 2 === 0 ? '每天 8:00–18:00' : '工作日 8:30–17:30',
    homeTiles: ['call', 'meal'],
  });
  await attempt('account', LUKOU_ADMIN, 'workplace', {});
  await attempt('account', XINYUAN, 'setWorkPhone', {
    orgId: demo.seed.orgIds.xinyuan!,
    workPhone: `025-5210${String(1000 + k)}`,
  });
  await attempt('account', WANG, 'hotline', {});
  await attempt('account', WANG, 'unreadMessages', {});
  await attempt('account', WANG, 'messages', {});
  await attempt('account', WANG, 'readMessages', {});

  await attempt('account', ZHANG, 'myData', {});
  const made = await attempt('account', ZHANG, 'exportMyData', {});
  await attempt('account', ZHANG, 'openExport', { exportId: made.exportId });
  await attempt('account', ZHANG, 'withdrawConsent', { kind: 'messages' });
  await attempt('account', ZHANG, 'requestErasure', {});
  await attempt('account', ZHANG, 'cancelErasure', {});
}
