/**
 * Giving 爱心积分 to a need on 心愿详情, against the real functions: the volunteer picks how many, confirms, and
 * gives once however often they tap (one give entry, the need's total up by that much); the page then shows
 * what the need holds; a gift beyond the balance is refused in words and writes nothing.
 */
import { openSupermarkets, registerDemoRecipients } from '../../../seed/charity';
import {
  closePage,
  loadPage,
  type LoadedPage,
  resetWxRecorder,
  setModalConfirm,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const NEED = 'packages/charity/pages/need/index';
const ZHAO = 'demo-volunteer-zhao';

let demo: DemoCloud;
let needId = '';

const userId = (openid: string) =>
  demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const gives = () =>
  demo.cloud.store.docs('points_entries').filter((e) => e.userId === userId(ZHAO) && e.kind === 'give');
const need = () => demo.cloud.store.docs('charity_needs').find((n) => n._id === needId)!;

beforeAll(async () => {
  demo = await startPageCloud(ZHAO);
  await openSupermarkets(demo.cloud, demo.seed);
  const recipients = await registerDemoRecipients(demo.cloud, demo.seed);
  needId = (
    await demo.ok('charity', 'demo-admin-lukou', 'postNeed', {
      recipientId: recipients.zhao,
      item: '电暖器',
      itemCategory: 'appliance',
      unit: '台',
      quantity: 1,
      estimatedValue: 200,
      story: '老人冬天怕冷，屋里没有取暖的电器。',
      deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
      idempotencyKey: 'page-need-heater',
    })
  ).id;
  await demo.ok('volunteering', 'demo-admin-moling', 'adjustPoints', {
    targetUserId: userId(ZHAO),
    delta: 60,
    reason: '担任应急演练志愿者队长',
    idempotencyKey: 'page-need-points-grant',
  });
}, 60_000);
afterAll(() => demo.close());

async function open(): Promise<LoadedPage> {
  switchUser(ZHAO);
  const page = await loadPage(NEED, { id: needId });
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('gives the chosen points once after the confirmation, and shows what the need holds', async () => {
  resetWxRecorder();
  const page = await open();
  expect(page.querySelector('#points-total')).toBeFalsy();
  await tap(page, '#points-50');
  expect(textOf(page, '#give-points')).toContain('捐 50 积分');
  setModalConfirm(true);
  await Promise.all([tap(page, '#give-points'), tap(page, '#give-points')]);
  await waitFor(() => page.data.pointsDone !== '');
  expect(textOf(page, '#points-done')).toBe('谢谢！已捐出 50 分，您还有 10 分。');
  await waitFor(() => page.data.pointsText !== '');
  expect(textOf(page, '#points-total')).toBe('1 位志愿者已捐 50 爱心积分');
  expect(gives()).toEqual([expect.objectContaining({ delta: -50, balanceAfter: 10 })]);
  expect(need()).toMatchObject({ pointsGiven: 50 });
  await closePage(page);
});

it('refuses a gift beyond the balance in words, writing nothing', async () => {
  const page = await open();
  await tap(page, '#points-20');
  setModalConfirm(true);
  await tap(page, '#give-points');
  await waitFor(() => page.data.pointsError !== '');
  expect(textOf(page, '#points-error')).toBe('积分不足：要捐 20 分，您现在有 10 分');
  expect(gives()).toHaveLength(1);
  expect(need()).toMatchObject({ pointsGiven: 50 });
  await closePage(page);
});
