/**
 * 随手拍 and its handling against the real reports function: a resident finds the matter by typing, takes a photo,
 * is located, writes a line and submits (the report is stored in the grid around her, as hers); a second resident
 * nearby is offered it ("已有人报告，要一起关注吗？") and follows it instead. Then the department's staff member
 * opens it from their queue, accepts it, and resolves it with a result photo; the reporter sees it resolved.
 */
import { input, loadPage, setLocation, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { NEAR, setMorning, setUpStreet, userId, WANG, ZHANG, type Street } from '../../cloud/reports/helpers';

const REPORT = 'packages/reports/pages/report/index';
const DETAIL = 'packages/reports/pages/detail/index';
const WORK = 'packages/reports/pages/work/index';

let demo: DemoCloud;
let street: Street;
beforeAll(async () => {
  demo = await startPageCloud(WANG);
  setMorning(demo);
  street = await setUpStreet(demo);
  setLocation(NEAR);
}, 120_000);
afterAll(() => demo.close());

const reports = () => demo.cloud.store.docs('reports');

it('reports a problem with a photo where she is, and a neighbour follows it instead of reporting again', async () => {
  switchUser(WANG);
  const page = await loadPage(REPORT);
  await waitFor(() => page.data.status === 'ready' && page.data.location);
  expect(textOf(page, '#place')).toBe('您现在的位置');
  await input(page, '#search', '垃圾');
  await waitFor(() => page.data.shown.length > 0);
  await tap(page, '#matter-0');
  expect(textOf(page, '#matter')).toContain('垃圾乱堆');
  await tap(page, '#add-photos');
  await waitFor(() => page.data.photos.length === 1);
  await input(page, '#description', '楼下垃圾桶满了，溢出来好几天');
  await tap(page, '#submit');
  await waitFor(() => page.data.done);
  expect(textOf(page, '#done')).toContain('已经报上去了');
  const [stored] = reports();
  expect(stored).toMatchObject({
    matterName: '垃圾乱堆',
    gridName: '第一网格',
    status: 'dispatched',
    reporterId: userId(demo, WANG),
    description: '楼下垃圾桶满了，溢出来好几天',
  });
  expect((stored!['photos'] as string[])[0]).toContain(`/reports/${userId(demo, WANG)}/`);

  switchUser(ZHANG);
  const second = await loadPage(REPORT);
  await waitFor(() => second.data.status === 'ready' && second.data.location);
  await input(second, '#search', '垃圾');
  await waitFor(() => second.data.shown.length > 0);
  await tap(second, '#matter-0');
  await waitFor(() => second.data.similar.length === 1);
  expect(textOf(second, '#similar')).toContain('已有人报告，要一起关注吗？');
  await tap(second, '#follow-0');
  await waitFor(() => (reports()[0]!['followerIds'] as string[]).includes(userId(demo, ZHANG)));
  expect(reports()).toHaveLength(1);
});

it('is accepted and resolved with a photo by the department, and the reporter sees it resolved', async () => {
  const id = String(reports()[0]!._id);
  switchUser(street.staff.city);
  const work = await loadPage(WORK);
  await waitFor(() => work.data.status === 'ready');
  expect(textOf(work, '#report-0')).toContain('垃圾乱堆');
  expect(textOf(work, '#report-0')).toContain('还剩');

  const page = await loadPage(DETAIL, { id });
  await waitFor(() => page.data.status === 'ready');
  expect(JSON.stringify(page.data.report)).not.toContain('王');
  await tap(page, '#accept');
  await waitFor(() => page.data.report?.status === 'accepted');
  await tap(page, '#add-photos');
  await waitFor(() => page.data.photos.length === 1);
  await input(page, '#note', '已清运');
  await tap(page, '#resolve');
  await waitFor(() => page.data.report?.status === 'resolved');
  expect(reports()[0]).toMatchObject({ status: 'resolved', result: { note: '已清运' } });

  switchUser(WANG);
  const mine = await loadPage(DETAIL, { id });
  await waitFor(() => mine.data.status === 'ready');
  expect(textOf(mine, '#status')).toBe('已处理，待确认');
  await tap(mine, '#close');
  await waitFor(() => mine.data.report?.status === 'closed');
  expect(reports()[0]).toMatchObject({ status: 'closed', rating: 5 });
});
