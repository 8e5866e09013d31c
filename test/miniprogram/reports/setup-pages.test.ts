/**
 * The street admin's setup pages against the real reports function: 禄口's admin opens the 事项清单 from the
 * 工作台, edits a matter's deadlines and patrol rule (saved as version 2, the earlier version listed under it; a
 * save on a stale version is refused and the page shows what is there now), then appoints a resident found by name
 * as 网格长 of a grid (the old 网格长 stays on as 网格员) and removes a liaison; a removal that would break
 * "1 + 2 + N" is refused with the function's words.
 */
import { input, loadPage, tap, waitFor, fire } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { LUKOU_ADMIN, setMorning, setUpStreet, userId, WANG, type Street } from '../../cloud/reports/helpers';

const WORK = 'packages/reports/pages/work/index';
const MATTERS = 'packages/reports/pages/matters/index';
const MATTER = 'packages/reports/pages/matter/index';
const TEAM = 'packages/reports/pages/team/index';

let demo: DemoCloud;
let street: Street;
beforeAll(async () => {
  demo = await startPageCloud(LUKOU_ADMIN);
  setMorning(demo);
  street = await setUpStreet(demo);
}, 120_000);
afterAll(() => demo.close());

const doc = (collection: string, id: string) => demo.cloud.store.docs(collection).find((d) => d._id === id)!;

it('edits a matter of the list, keeping the earlier version, and refuses a stale save', async () => {
  switchUser(LUKOU_ADMIN);
  const work = await loadPage(WORK, { tab: 'figures' });
  await waitFor(() => work.data.status === 'ready' && work.data.tab === 'figures');
  expect(textOf(work, '#open-matters')).toContain('事项清单');

  const list = await loadPage(MATTERS);
  await waitFor(() => list.data.status === 'ready');
  const city = list.data.departmentNames.findIndex((d: string) => d.startsWith('城管'));
  await fire(list, '#department-picker', 'change', { value: city });
  await waitFor(() => list.data.status === 'ready' && list.data.shown?.name === '城管');
  expect(textOf(list, '#staff')).toContain('办理人员');
  const lampRow = list.data.shown.matters.findIndex((m: { name: string }) => m.name === '路灯不亮');
  expect(textOf(list, `#matter-${lampRow}`)).toContain('4 小时内受理，48 小时内办结');

  const page = await loadPage(MATTER, { id: street.matters.lamp });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#no-history')).toBe('还没有改过');
  await fire(page, '#respond', 'change', { value: 2 });
  await fire(page, '#resolve', 'change', { value: 24 });
  await fire(page, '#patrol', 'change', { value: false });
  await tap(page, '#save');
  await waitFor(() => page.data.version === 2);
  const stored = doc('report_matters', street.matters.lamp);
  expect(stored).toMatchObject({ version: 2, respondHours: 2, resolveHours: 24, patrolFirst: false });
  expect(stored['history']).toHaveLength(1);
  expect(textOf(page, '#version-0')).toContain('第 1 版');
  expect(textOf(page, '#version-0')).toContain('4 小时内受理，48 小时内办结，先由网格员核实');

  // Someone else's page still on version 1: refused, nothing written, the page reloads what is there now.
  const stale = await loadPage(MATTER, { id: street.matters.lamp });
  await waitFor(() => stale.data.status === 'ready');
  stale.setData({ version: 1 });
  await fire(stale, '#resolve', 'change', { value: 72 });
  await tap(stale, '#save');
  await waitFor(() => stale.data.banner.includes('刚被别人改过'));
  expect(doc('report_matters', street.matters.lamp)).toMatchObject({ version: 2, resolveHours: 24 });
  expect(stale.data.form.resolveHours).toBe(24);
});

it('appoints a resident found by name as 网格长 and removes a liaison; a team short of 网格员 is refused', async () => {
  switchUser(LUKOU_ADMIN);
  const page = await loadPage(TEAM, { gridId: street.gridId });
  await waitFor(() => page.data.status === 'ready');
  expect(page.data.members).toHaveLength(4);
  expect(textOf(page, '#member-0')).toContain('网格长');

  await tap(page, '#role-leader');
  await input(page, '#query', '王秀英');
  await tap(page, '#search');
  await waitFor(() => page.data.found.length > 0);
  expect(textOf(page, '#found-0')).toContain('王奶奶');
  expect(textOf(page, '#found-0')).not.toContain('13851700101');
  await tap(page, '#appoint-0');
  await waitFor(() => page.data.members.length === 5);
  const wang = userId(demo, WANG);
  const leader = userId(demo, street.team[0]!);
  let team = doc('report_grids', street.gridId)['team'] as { userId: string; role: string }[];
  expect(team.find((m) => m.userId === wang)?.role).toBe('leader');
  expect(team.find((m) => m.userId === leader)?.role).toBe('member');
  expect(team.filter((m) => m.role === 'leader')).toHaveLength(1);

  // The liaison (the 4th of the team) is removed.
  const liaison = userId(demo, street.team[3]!);
  const at = page.data.members.findIndex((m: { userId: string }) => m.userId === liaison);
  await tap(page, `#remove-${at}`);
  await waitFor(() => page.data.members.length === 4);
  team = doc('report_grids', street.gridId)['team'] as { userId: string; role: string }[];
  expect(team.map((m) => m.userId)).not.toContain(liaison);

  // Three 网格员 now (the old 网格长 and two); removing two leaves one: the function refuses the second.
  const members = () => page.data.members.filter((m: { role: string }) => m.role === 'member');
  await tap(page, `#remove-${page.data.members.indexOf(members()[0])}`);
  await waitFor(() => page.data.members.length === 3);
  await tap(page, `#remove-${page.data.members.indexOf(members()[0])}`);
  await waitFor(() => page.data.banner !== '');
  expect(textOf(page, '#banner')).toBe('每个网格至少要有两位网格员');
  expect(doc('report_grids', street.gridId)['team']).toHaveLength(3);
});

it("appoints a department's staff the same way, and the person then has the department's queue", async () => {
  switchUser(LUKOU_ADMIN);
  const page = await loadPage(TEAM, { departmentId: street.departments.market });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#no-members')).toContain('还没有人');
  expect(page.data.found).toHaveLength(0);
  await input(page, '#query', '0101');
  await tap(page, '#search');
  await waitFor(() => page.data.found.length > 0);
  expect(textOf(page, '#appoint-0')).toBe('任命为办理人员');
  await tap(page, '#appoint-0');
  await waitFor(() => page.data.members.length === 1);
  expect(doc('report_departments', street.departments.market)['staffIds']).toEqual([userId(demo, WANG)]);
  const work = await demo.ok('reports', WANG, 'workspace', {});
  expect(work.views.map((v) => v.view)).toContain('department');
});
