/**
 * 爱心积分 at the supermarket, page by page against the real functions: the volunteer's points page and shop
 * (balance, what they can get, what they are short of), reserving after a confirmation (a double tap reserves
 * once), the QR code to show; staff scanning it at the counter and handing it over (once: scanning it again says
 * it was handed over); giving up a reservation (the points come back). Each step checked in the store.
 */
import {
  closePage,
  loadPage,
  type LoadedPage,
  queueScan,
  resetWxRecorder,
  setModalConfirm,
  storage,
  tap,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { openSupermarkets } from '../../../seed/charity';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const SHOP = 'packages/charity/pages/points-shop/index';
const HANDOVER = 'packages/charity/pages/points-handover/index';
const POINTS = 'packages/volunteering/pages/points/index';
const ZHAO = 'demo-volunteer-zhao';
const STAFF = 'demo-staff-hongye-1';

let demo: DemoCloud;
let riceId = '';

const userId = (openid: string) =>
  demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const entries = (kind: string) =>
  demo.cloud.store.docs('points_entries').filter((e) => e.userId === userId(ZHAO) && e.kind === kind);
const goods = (id: string) => demo.cloud.store.docs('charity_point_goods').find((g) => g._id === id)!;
const holds = (id: string) => Object.values(goods(id).holds as Record<string, { s: string }>);

beforeAll(async () => {
  demo = await startPageCloud(ZHAO);
  await openSupermarkets(demo.cloud, demo.seed);
  await demo.ok('volunteering', 'demo-admin-moling', 'adjustPoints', {
    targetUserId: userId(ZHAO),
    delta: 40,
    reason: '担任应急演练志愿者队长',
    idempotencyKey: 'page-points-grant',
  });
  const add = (name: string, pointsPrice: number, key: string) =>
    demo.ok('charity', STAFF, 'addPointGoods', {
      supermarketId: 'jn-moling',
      name,
      pointsPrice,
      stock: 5,
      idempotencyKey: key,
    });
  riceId = (await add('东北大米 5 斤', 20, 'page-goods-rice')).id;
  await add('保温杯', 60, 'page-goods-cup');
}, 60_000);
afterAll(() => demo.close());

async function open(openid: string, path: string): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('shows the balance, the goods it covers, and how much is missing for the rest', async () => {
  const page = await open(ZHAO, SHOP);
  expect(textOf(page, '#balance')).toContain('40');
  expect(textOf(page, '#shop-name')).toBe('秣陵街道慈善超市');
  expect(textOf(page, '#goods-0')).toContain('东北大米 5 斤');
  expect(page.querySelector('#redeem-0')).toBeTruthy();
  expect(textOf(page, '#why-1')).toBe('还差 20 分');
  expect(page.querySelector('#staff')).toBeFalsy();
  await closePage(page);
});

it('reserves once after the confirmation, however often it is tapped, and opens the code to show', async () => {
  resetWxRecorder();
  const page = await open(ZHAO, SHOP);
  await Promise.all([tap(page, '#redeem-0'), tap(page, '#redeem-0')]);
  await waitFor(() => page.data.status === 'ready' && page.data.reservations.length === 1);
  expect(wxCalls('showModal')[0]).toMatchObject({
    args: expect.objectContaining({ title: '用 20 分兑换东北大米 5 斤？' }),
  });
  expect(entries('spend')).toHaveLength(1);
  expect(goods(riceId).stock).toBe(4);
  expect(textOf(page, '#balance')).toContain('20');
  expect(textOf(page, '#reservation-0')).toContain('待领取');
  expect(page.querySelector('#qr-0')).toBeTruthy();
  await closePage(page);
});

it('lets staff scan the code and hand the goods over once', async () => {
  const code = (await demo.ok('charity', ZHAO, 'myRedemptions', {})).items[0]!.code;
  switchUser(STAFF);
  const page = await loadPage(HANDOVER);
  queueScan(code);
  await tap(page, '#scan');
  await waitFor(() => page.data.r !== null);
  expect(textOf(page, '#title')).toBe('东北大米 5 斤');
  expect(textOf(page, '#who')).toContain('赵*');
  expect(textOf(page, '#state')).toBe('待领取');
  await tap(page, '#hand-over');
  await waitFor(() => page.data.done !== '');
  expect(textOf(page, '#done')).toContain('已把东北大米 5 斤交给赵*');
  expect(holds(riceId)).toEqual([expect.objectContaining({ s: 'handed' })]);
  // The same code again: said, not handed over twice.
  queueScan(code);
  await tap(page, '#next');
  await waitFor(() => page.data.r !== null && page.data.done === '');
  expect(textOf(page, '#not-waiting')).toContain('已领取');
  expect(page.querySelector('#hand-over')).toBeFalsy();
  await closePage(page);
});

it('refuses a code from anyone but the supermarket staff', async () => {
  const code = (await demo.ok('charity', ZHAO, 'myRedemptions', {})).items[0]!.code;
  switchUser('demo-staff-xinyuan-1');
  const page = await loadPage(HANDOVER, { code });
  await waitFor(() => page.data.problem !== '');
  expect(textOf(page, '#problem')).toContain('只有本慈善超市的工作人员');
  await closePage(page);
});

it('gives a reservation up: the unit goes back and the points come back', async () => {
  await demo.ok('charity', ZHAO, 'redeem', { goodsId: riceId, idempotencyKey: 'page-redeem-2' });
  expect(goods(riceId).stock).toBe(3);
  const page = await open(ZHAO, SHOP);
  expect(textOf(page, '#balance')).toContain('0');
  setModalConfirm(true);
  await tap(page, '#cancel-0');
  await waitFor(() => page.data.status === 'ready' && !page.data.reservations[0]?.waiting);
  expect(goods(riceId).stock).toBe(4);
  expect(entries('refund')).toHaveLength(1);
  expect(textOf(page, '#balance')).toContain('20');
  await closePage(page);
});

it('shows every line of the ledger with its cause on 我的爱心积分', async () => {
  const page = await open(ZHAO, POINTS);
  expect(textOf(page, '#balance')).toBe('20');
  expect(textOf(page, '#lines')).toContain('兑换退回');
  expect(textOf(page, '#lines')).toContain('原因：担任应急演练志愿者队长');
  expect(page.data.items).toHaveLength(4);
  // Consent for the expiry reminder, asked once on a tap.
  await tap(page, '#reminder');
  expect(wxCalls('requestSubscribeMessage').at(-1)).toMatchObject({
    args: expect.objectContaining({ tmplIds: ['local-vol_points_expiring'] }),
  });
  await waitFor(() => page.data.askReminder === false);
  expect(storage().get('points-reminder-asked')).toBe(true);
  await tap(page, '#shop');
  expect(wxCalls('navigateTo').at(-1)).toMatchObject({
    args: expect.objectContaining({ url: '/packages/charity/pages/points-shop/index' }),
  });
  await closePage(page);
});

it('gives points to a linked family member after a confirmation', async () => {
  const ZHANG = 'demo-resident-zhang';
  await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
    targetUserId: userId(ZHANG),
    delta: 40,
    reason: '社区防汛值守',
    idempotencyKey: 'page-give-grant',
  });
  resetWxRecorder();
  const page = await open(ZHANG, 'packages/charity/pages/points-give/index');
  expect(textOf(page, '#balance')).toContain('40');
  expect(textOf(page, '#member-0')).toContain('王*');
  await tap(page, '#give-button');
  await waitFor(() => page.data.done !== '');
  expect(textOf(page, '#done')).toContain('已把 10 分赠给王*');
  expect(textOf(page, '#balance')).toContain('30');
  const ledger = demo.cloud.store.docs('points_entries');
  expect(ledger.filter((e) => e.userId === userId(ZHANG) && e.kind === 'give')).toHaveLength(1);
  expect(ledger.filter((e) => e.userId === userId('demo-resident-wang') && e.kind === 'receive')).toEqual([
    expect.objectContaining({ delta: 10 }),
  ]);
  await closePage(page);
});
