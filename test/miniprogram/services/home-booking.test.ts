/**
 * Booking she can finish, against the real functions: from 首页's 订餐 tile to the booking with the next half
 * day chosen and the bar that says what she pays — the figures on the bar are what the order records; 再来一单
 * from 首页 repeats the last service with its address and note in one tap; a service gone from the menu says so
 * and points to the menu; a price changed since is said; someone who may not order it is greyed with the reason.
 */
import type { OrderDoc } from '../../../cloudfunctions/services/documents';
import {
  closePage,
  lastCall,
  loadPage,
  type LoadedPage,
  resetWxRecorder,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf, textsOf } from '../../../simulator/text';

const WANG = 'demo-resident-wang';
const ITEM = 'packages/services/pages/item/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(WANG, { full: true });
}, 60_000);
afterAll(() => demo.close());

const orders = () => demo.cloud.store.docs('service_orders') as unknown as OrderDoc[];
const yuan = (fen: number) => `${fen / 100} 元`;

async function open(path: string, query: Record<string, string> = {}, openid = WANG): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path, query);
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error?.message ?? '').toBe('');
  return page;
}

/** The query of a page url the page navigated to. */
function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(url.split('?')[1]));
}

it('books a meal from the 首页 tile: next half day chosen, the bar’s figures are what the order records', async () => {
  resetWxRecorder();
  const home = await open('pages/home/index');
  expect(textsOf(home, '.tile__label')).toEqual(['订餐', '保洁', '我的预约', '打电话给社区', '再来一单']);
  await tap(home, '#tile-meal');
  await waitFor(() => lastCall('navigateTo'));
  const { url } = lastCall('navigateTo') as { url: string };
  expect(url).toMatch(/^\/packages\/services\/pages\/item\/index\?id=/);
  await closePage(home);

  const page = await open(ITEM, queryOf(url));
  const detail = await demo.ok('services', WANG, 'itemDetail', { itemId: queryOf(url).id! });
  expect(detail.item.category).toBe('助餐');
  // The first half day with a place left is chosen already; one tap books it.
  expect(page.data.slot).toBe(detail.slots.find((s) => s.left > 0)!.key);
  expect(textOf(page, '#chosen')).toContain(detail.slots.find((s) => s.left > 0)!.label.split(' ')[0]);
  const bar = textOf(page, '#pay');
  expect(bar).toMatch(/^自付 \d+(\.\d+)? 元( · 补贴券抵扣 \d+(\.\d+)? 元)?$/);
  await tap(page, '#submit');
  await waitFor(() => lastCall('redirectTo'));
  const id = queryOf((lastCall('redirectTo') as { url: string }).url).id;
  const order = orders().find((o) => o._id === id)!;
  expect(order).toMatchObject({ slot: detail.slots.find((s) => s.left > 0)!.key, itemId: detail.item.id });
  // What the order records: the voucher covers what the subsidy says, she pays the rest.
  const voucher = order.subsidy.status === 'pending' ? order.subsidy.amountFen : 0;
  expect(voucher).toBeGreaterThan(0);
  expect(bar).toBe(`自付 ${yuan(order.priceFen - voucher)} · 补贴券抵扣 ${yuan(voucher)}`);
  await closePage(page);

  // The order's page has someone to call: her community's hotline.
  const placed = await open('packages/services/pages/order/index', { id: id! });
  await waitFor(() => placed.querySelector('#hotline >>> #hotline-bar'));
  await tap(placed, '#hotline >>> #hotline-call');
  const lukou = demo.cloud.store.docs('places').find((p) => p._id === 'jn-lukou-lukou')!;
  expect(lastCall('makePhoneCall')).toMatchObject({ phoneNumber: String(lukou.hotline).replace('-', '') });
  await closePage(placed);
});

it('repeats the last service from 首页 (再来一单): same person, address and note, one tap', async () => {
  resetWxRecorder();
  const [last] = (await demo.ok('services', WANG, 'myOrders', { view: 'served', limit: 1 })).items;
  const past = orders().find((o) => o._id === last!.id)!;
  const home = await open('pages/home/index');
  expect(textOf(home, '#tile-again')).toBe(`再来一单${last!.itemName}`);
  await tap(home, '#tile-again');
  const { url } = lastCall('navigateTo') as { url: string };
  expect(queryOf(url)).toEqual({ id: past.itemId, for: past.beneficiaryId, again: past._id });
  await closePage(home);

  const page = await open(ITEM, queryOf(url));
  expect(textOf(page, '#again')).toContain('再来一单：和上次');
  expect(page.querySelector('#price-change')).toBeUndefined();
  expect(textOf(page, '#address-on-file')).toContain('上次的地址');
  expect(page.data.note).toBe(past.note);
  expect(page.data.slot).not.toBe('');
  const before = orders().length;
  await tap(page, '#submit');
  await waitFor(() => lastCall('redirectTo'));
  expect(orders()).toHaveLength(before + 1);
  const made = orders().find((o) => o._id === queryOf((lastCall('redirectTo') as { url: string }).url).id)!;
  expect(made).toMatchObject({
    itemId: past.itemId,
    beneficiaryId: past.beneficiaryId,
    address: past.address,
    phone: past.phone,
    note: past.note,
    slot: page.data.slot,
  });
  await closePage(page);
});

it('says so when the service left the menu, with the way to the menu; and when its price changed', async () => {
  const [last] = (await demo.ok('services', WANG, 'myOrders', { view: 'served', limit: 1 })).items;
  const query = { id: last!.itemId, for: last!.beneficiaryId, again: last!.id };
  await demo.ok('services', 'demo-admin-lukou', 'editItem', { itemId: last!.itemId, priceYuan: 99 });
  const changed = await open(ITEM, query);
  expect(textOf(changed, '#price-change')).toMatch(/^价格有变：上次.+，现在99 元$/);
  await closePage(changed);

  await demo.ok('services', 'demo-admin-lukou', 'reviewItem', { itemId: last!.itemId, decision: 'retire' });
  resetWxRecorder();
  const before = orders().length;
  const gone = await open(ITEM, query);
  expect(textOf(gone, '#gone')).toBe('这项服务已经不在菜单上了，可以在「服务」里看看别的');
  expect(gone.querySelector('#submit')).toBeUndefined();
  await tap(gone, '#to-menu');
  expect(lastCall('switchTab')).toMatchObject({ url: '/pages/services/index' });
  expect(orders()).toHaveLength(before);
  await closePage(gone);
});

it('greys a person who may not order the item, with the reason, and does not switch to them', async () => {
  // 张明 (37) orders for himself or for 王奶奶: the meal delivery is for 80+ or disabled people only.
  const menu = await demo.ok('services', 'demo-resident-zhang', 'menu', { category: '助餐' });
  const item = menu.items.items.find((i) => i.name === '助餐送餐上门')!;
  const page = await open(ITEM, { id: item.id }, 'demo-resident-zhang');
  const self = page.data.beneficiaries.findIndex((b: { relation: string }) => b.relation === '本人');
  const wang = page.data.beneficiaries.findIndex((b: { relation: string }) => b.relation !== '本人');
  expect(page.data.beneficiaries[self].eligible).toBe(false);
  expect(textOf(page, `#who-${self}`)).toContain('不符合');
  // His own line is the chosen one at first: the reason, a way forward, no bar.
  expect(textOf(page, '#not-eligible')).toContain('社区电话');
  expect(page.querySelector('#paybar')).toBeUndefined();
  await tap(page, `#who-${wang}`);
  await waitFor(
    () => page.data.status === 'ready' && page.data.beneficiaryId !== page.data.beneficiaries[self].id,
  );
  expect(textOf(page, '#pay')).toMatch(/^自付/);
  resetWxRecorder();
  await tap(page, `#who-${self}`);
  expect(lastCall('showToast')).toMatchObject({ title: expect.stringContaining('不符合') });
  expect(page.data.beneficiaryId).not.toBe(page.data.beneficiaries[self].id);
  await closePage(page);
});
