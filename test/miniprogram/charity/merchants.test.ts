/**
 * Partner merchants, page by page against the real functions: the street's admin registers a barber with its
 * staff member (by phone; an unknown phone is said and writes nothing); the staff member puts up an offer from
 * 合作商户; a volunteer sees where to have it in the shop and reserves it; the merchant's staff scan the code and
 * hand it over, while the supermarket's staff are refused. Each step checked in the store.
 */
import { openSupermarkets } from '../../../seed/charity';
import {
  closePage,
  input,
  loadPage,
  type LoadedPage,
  queueScan,
  resetWxRecorder,
  setModalConfirm,
  tap,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const MERCHANTS = 'packages/charity/pages/merchants/index';
const GOODS = 'packages/charity/pages/points-goods/index';
const SHOP = 'packages/charity/pages/points-shop/index';
const HANDOVER = 'packages/charity/pages/points-handover/index';
const ADMIN = 'demo-admin-moling';
const BARBER = 'demo-resident-chen'; // 13851700104
const ZHAO = 'demo-volunteer-zhao';

let demo: DemoCloud;

const userId = (openid: string) =>
  demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const merchants = () => demo.cloud.store.docs('charity_merchants');
const offers = () => demo.cloud.store.docs('charity_point_goods').filter((g) => g.merchantId);

beforeAll(async () => {
  demo = await startPageCloud(ADMIN);
  await openSupermarkets(demo.cloud, demo.seed);
  await demo.ok('volunteering', ADMIN, 'adjustPoints', {
    targetUserId: userId(ZHAO),
    delta: 40,
    reason: '担任应急演练志愿者队长',
    idempotencyKey: 'page-merchant-grant',
  });
}, 60_000);
afterAll(() => demo.close());

async function open(openid: string, path: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path, query);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('lets the street admin register a merchant with its staff, saying when a phone is unknown', async () => {
  const page = await open(ADMIN, MERCHANTS);
  expect(textOf(page, '#empty')).toContain('还没有登记合作商户');
  await input(page, '#name', '老陈理发店');
  await input(page, '#kind', '理发');
  await input(page, '#address', '秣陵街道胜太路 12 号');
  await input(page, '#phone', '13800000000');
  await tap(page, '#register');
  await waitFor(() => page.data.errors.staffPhones !== undefined);
  expect(page.data.errors.staffPhones).toContain('没有找到用手机号 13800000000 登记的用户');
  expect(merchants()).toHaveLength(0);
  await input(page, '#phone', '13851700104');
  await tap(page, '#register');
  await waitFor(() => page.data.merchants.length === 1);
  expect(textOf(page, '#merchant-0')).toContain('老陈理发店');
  expect(textOf(page, '#merchant-0')).toContain('店员：陈*');
  expect(merchants()).toEqual([
    expect.objectContaining({ staffIds: [userId(BARBER)], streetId: 'jn-moling' }),
  ]);
  await closePage(page);
});

it("lets the merchant's staff put up an offer from 合作商户", async () => {
  resetWxRecorder();
  const list = await open(BARBER, MERCHANTS, { streetId: 'jn-moling' });
  await tap(list, '#offers-0');
  const url = (wxCalls('navigateTo')[0]!.args as { url: string }).url;
  expect(url).toContain(`merchantId=${merchants()[0]!._id as string}`);
  await closePage(list);
  const query = Object.fromEntries(new URLSearchParams(url.split('?')[1]));
  const page = await open(BARBER, GOODS, query);
  expect(textOf(page, '#add')).toContain('老陈理发店');
  await input(page, '#name', '理发一次');
  await input(page, '#price', '20');
  await input(page, '#stock', '5');
  await tap(page, '#add-goods');
  await waitFor(() => page.data.goods.length === 1);
  expect(offers()).toEqual([
    expect.objectContaining({ name: '理发一次', pointsPrice: 20, stock: 5, supermarketName: '老陈理发店' }),
  ]);
  await closePage(page);
});

it('shows the offer in the shop with where to have it, and reserves it', async () => {
  const page = await open(ZHAO, SHOP);
  const i = (page.data.goods as { name: string }[]).findIndex((g) => g.name === '理发一次');
  expect(textOf(page, `#place-${i}`)).toBe('在老陈理发店兑换');
  setModalConfirm(true);
  await tap(page, `#redeem-${i}`);
  await waitFor(() => page.data.reservations.length === 1);
  expect(offers()[0]!.stock).toBe(4);
  await closePage(page);
});

it("is handed over by the merchant's staff scanning the code; the supermarket's staff are refused", async () => {
  const code = (await demo.ok('charity', ZHAO, 'myRedemptions', {})).items[0]!.code;
  switchUser('demo-staff-hongye-1');
  const refused = await loadPage(HANDOVER, { code });
  await waitFor(() => refused.data.problem !== '');
  expect(textOf(refused, '#problem')).toContain('只有这家商户的工作人员');
  await closePage(refused);
  switchUser(BARBER);
  const page = await loadPage(HANDOVER);
  queueScan(code);
  await tap(page, '#scan');
  await waitFor(() => page.data.r !== null);
  expect(textOf(page, '#title')).toBe('理发一次');
  expect(textOf(page, '#who')).toContain('赵*');
  await tap(page, '#hand-over');
  await waitFor(() => page.data.done !== '');
  expect(Object.values(offers()[0]!.holds as Record<string, { s: string; by: string }>)).toEqual([
    expect.objectContaining({ s: 'handed', by: userId(BARBER) }),
  ]);
  await closePage(page);
});
