/**
 * A round of 随手拍 on the full demo for actions.bench.ts: 禄口's admin looks over the street's setup and saves it
 * as it is (grid, team, department, matter), a resident reports a pothole in 东片网格, the grid team confirms it on
 * site and calls the reporter back, the street re-dispatches it to 城管, who accept and resolve it; the reporter
 * reopens it once and closes it with a rating. A new report each round, at its own spot (no merging).
 */
import { photo } from '../../test/cloud/reports/helpers';
import type { DemoCloud } from '../../test/support/demo';
import type { Attempt } from './attempt';

const ADMIN = 'demo-admin-lukou';
const WANG = 'demo-resident-wang';
const STREET = 'jn-lukou';
const LUKOU = 'jn-lukou-lukou';
const GRID_LEADER = 'demo-grid-lk-1';
const GRID_MEMBER = 'demo-grid-lk-2';
const CITY_STAFF = 'demo-dept-lk-cg';

/** Round `k` (0, 1, 2…). */
export async function reportsDay(demo: DemoCloud, attempt: Attempt, k: number): Promise<void> {
  const setup = await attempt('reports', ADMIN, 'setup', { streetId: STREET });
  const grid = setup.grids.find((g) => g.name === '东片网格');
  const city = setup.departments.find((d) => d.name === '城管');
  const pothole = setup.matters.find((m) => m.name === '道路坑洼');
  if (!grid || !city || !pothole) throw new Error('the demo street has no 东片网格, 城管 or 道路坑洼');
  await attempt('reports', ADMIN, 'saveGrid', {
    gridId: grid.id,
    communityId: LUKOU,
    name: grid.name,
    boundary: grid.boundary,
    buildings: grid.buildings,
  });
  await attempt('reports', ADMIN, 'setGridTeam', {
    gridId: grid.id,
    members: grid.team.map((m) => ({ userId: m.userId, role: m.role })),
  });
  await attempt('reports', ADMIN, 'saveDepartment', {
    departmentId: city.id,
    streetId: STREET,
    name: city.name,
    staffIds: city.staff.map((s) => s.userId),
  });
  await attempt('reports', ADMIN, 'saveMatter', {
    matterId: pothole.id,
    version: pothole.version,
    streetId: STREET,
    name: pothole.name,
    category: pothole.category,
    departmentId: pothole.departmentId,
    respondHours: pothole.respondHours,
    resolveHours: pothole.resolveHours,
    patrolFirst: true,
  });

  // In 东片网格, 200 m apart each round and from the demo's open pothole.
  const spot = { latitude: 31.733 + 0.002 * k, longitude: 118.872 };
  const n = 100 + k;
  const { id: reportId } = await attempt('reports', WANG, 'submit', {
    matterId: pothole.id,
    location: spot,
    address: '机场路 30 号门口',
    description: '人行道上一个坑，下雨积水，老人容易绊倒。',
    photos: [photo(demo, WANG, n)],
    idempotencyKey: `bench-report-${k}-${demo.cloud.clock.now()}`,
  });
  await attempt('reports', GRID_LEADER, 'patrolConfirm', {
    reportId,
    found: true,
    note: '坑约三十厘米宽，已放警示锥',
    location: spot,
    photos: [photo(demo, GRID_LEADER, n)],
  });
  await attempt('reports', GRID_MEMBER, 'callBack', { reportId });
  await attempt('reports', ADMIN, 'dispatch', { reportId, departmentId: city.id, note: '人行道修补归城管' });
  await attempt('reports', CITY_STAFF, 'accept', { reportId });
  await attempt('reports', CITY_STAFF, 'resolve', {
    reportId,
    note: '已用沥青修补',
    photos: [photo(demo, CITY_STAFF, n)],
  });
  await attempt('reports', WANG, 'reopen', { reportId, reason: '下雨后又塌了' });
  await attempt('reports', CITY_STAFF, 'resolve', {
    reportId,
    note: '重新铺设',
    photos: [photo(demo, CITY_STAFF, n + 50)],
  });
  await attempt('reports', WANG, 'closeReport', { reportId, rating: 4, comment: '谢谢' });
}
