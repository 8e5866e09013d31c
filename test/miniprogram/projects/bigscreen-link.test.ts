/**
 * The big-screen link on the dashboard page, against the real projects function on the full demo: the 禄口 admin
 * confirms, the page copies a link whose token the screen's data path accepts for 禄口, and says until when; a
 * second link stops the first; declining the confirmation changes nothing.
 */
import { get } from 'node:http';
import { lastCall, loadPage, setModalConfirm, tap, waitFor, wxCalls } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const DASHBOARD = 'packages/projects/pages/dashboard/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-admin-lukou', { full: true });
  expect((await demo.cloud.timers.fire('projects', 'refresh')).ok).toBe(true);
}, 180_000);
afterAll(() => demo.close());

/** The status the screen's data path answers the link's street and token with (jsdom has no fetch). */
const screenStatus = (link: string) =>
  new Promise<number>((done, fail) => {
    get(`${demo.cloud.baseUrl}/bigscreen-data${new URL(link).search}`, (res) => {
      res.resume();
      done(res.statusCode!);
    }).on('error', fail);
  });

it('copies a working big-screen link of the street, and a new one stops the old', async () => {
  switchUser('demo-admin-lukou');
  const page = await loadPage(DASHBOARD);
  await waitFor(() => page.data.status === 'ready');

  setModalConfirm(false);
  await tap(page, '#make-screen');
  expect(wxCalls('setClipboardData')).toHaveLength(0);
  expect(demo.cloud.store.docs('project_screens')).toEqual([]);

  setModalConfirm(true);
  await tap(page, '#make-screen');
  await waitFor(() => page.data.screenNote !== '');
  const first = (lastCall('setClipboardData') as { data: string }).data;
  expect(first).toMatch(/^http:\/\/127\.0\.0\.1:8787\/bigscreen\/\?street=jn-lukou&token=[\w-]{32}$/);
  expect(textOf(page, '#screen-note')).toMatch(/^大屏链接已复制.*\d+年\d+月\d+日前有效/);
  expect(await screenStatus(first)).toBe(200);

  await tap(page, '#make-screen');
  await waitFor(() => (lastCall('setClipboardData') as { data: string }).data !== first);
  const second = (lastCall('setClipboardData') as { data: string }).data;
  expect(await screenStatus(second)).toBe(200);
  expect(await screenStatus(first)).toBe(403);
});
