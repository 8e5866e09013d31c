/**
 * The contract pages against the real projects function on the full demo: the 禄口 admin's dashboard shows the
 * figures the function computed (contracts by standing, money, attainment, per organization); on a contract being
 * signed, the provider's staff sign on the page and the buyer's and supervisor's signatures make it active; the
 * records behind an indicator open under it; a resident is refused the dashboard plainly.
 */
import { insertSigningContract, demoContractSpecs } from '../../../seed/projectContracts';
import { input, loadPage, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const DASHBOARD = 'packages/projects/pages/dashboard/index';
const CONTRACT = 'packages/projects/pages/contract/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-admin-lukou', { full: true });
}, 180_000);
afterAll(() => demo.close());

it('shows the street dashboard computed by the function', async () => {
  switchUser('demo-admin-lukou');
  const reply = await demo.ok('projects', 'demo-admin-lukou', 'dashboard', {});
  const d = reply.dashboard!;
  const page = await loadPage(DASHBOARD);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#standing')).toContain(`${d.contracts} 份合同`);
  expect(textOf(page, '#standing-on_track')).toContain(String(d.standing.on_track));
  expect(textOf(page, '#standing-at_risk')).toContain(String(d.standing.at_risk));
  expect(textOf(page, '#attainment')).toContain(`${d.attainment}%`);
  expect(textOf(page, '#org-0')).toContain('心苑社会工作服务中心');
  expect(textOf(page, '#computed')).toMatch(/^数据更新于 \d+月\d+日 \d\d:\d\d/);
});

it('refuses a resident the dashboard', async () => {
  switchUser('demo-resident-wang');
  const page = await loadPage(DASHBOARD);
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.status).toBe('error');
  expect(page.data.error).toMatchObject({ code: 'FORBIDDEN' });
});

it('signs on the page, opens the records behind an indicator', async () => {
  const spec = {
    ...demoContractSpecs(demo.cloud.clock.date(), demo.seed.userIds['demo-admin-jiangning']!)[0]!,
    key: 'page-sign',
  };
  const id = insertSigningContract(demo.cloud, spec, demo.cloud.clock.date());
  switchUser('demo-staff-xinyuan-1');
  const page = await loadPage(CONTRACT, { id });
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error).toBeNull();
  expect(textOf(page, '#parties')).toContain('待签署');
  await tap(page, '#sign-provider');
  await waitFor(() => {
    expect(page.data.banner).toBe('');
    expect(page.data.c!.parties[1]!.done).toBe(true);
    return true;
  });
  expect(textOf(page, '#parties')).toContain('林晓燕');
  await demo.ok('projects', 'demo-admin-lukou', 'signContract', { contractId: id });
  await demo.ok('projects', 'demo-admin-jiangning', 'signContract', { contractId: id, party: 'supervisor' });
  expect(demo.cloud.store.docs('project_contracts').find((c) => c._id === id)!.status).toBe('active');

  const meals = await loadPage(CONTRACT, { id: 'contract-lukou-meals' });
  await waitFor(() => meals.data.status !== 'loading');
  expect(meals.data.error).toBeNull();
  expect(textOf(meals, '#indicator-orders')).toMatch(/\d+ \/ 6 单/);
  await tap(meals, '#records-orders');
  await waitFor(() => meals.data.records.length > 0 || meals.data.banner);
  expect(meals.data.banner).toBe('');
  expect(textOf(meals, '#indicator-orders')).toContain('禄口社区');
});

it('reports the month on the report page (only the reported indicators), once', async () => {
  switchUser('demo-staff-lantian-1');
  const page = await loadPage('packages/projects/pages/report/index', { id: 'contract-dongshan-rescue' });
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error).toBeNull();
  expect(page.data.fields.map((f: { key: string }) => f.key)).toEqual(['trainings', 'trained']);
  const month = page.data.month;
  await input(page, '#value-trainings', '3');
  await input(page, '#value-trained', '75');
  await tap(page, '#submit');
  await waitFor(() => !page.data.busy);
  expect(page.data.banner).toBe('');
  const stored = demo.cloud.store
    .docs('project_reports')
    .filter((r) => r.contractId === 'contract-dongshan-rescue' && r.month === month);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.values).toEqual([
    { indicatorKey: 'trainings', value: 3 },
    { indicatorKey: 'trained', value: 75 },
  ]);
});
