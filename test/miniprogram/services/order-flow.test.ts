/**
 * The resident's order flow against the real services function: the 服务 tab lists the community's menu by
 * category; the item page orders for oneself or — for a neighbour who helps — for 王奶奶, asking consent for
 * messages; 我的预约 and the order page show the timeline; the resident cancels before acceptance and rates
 * after the service. Every step is checked in the stored orders.
 */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import {
  closePage,
  input,
  lastCall,
  loadPage,
  type LoadedPage,
  resetWxRecorder,
  setModalConfirm,
  setSubscribeDecision,
  tap,
  fire,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf, textsOf } from '../../../simulator/text';

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const LIN = 'demo-staff-xinyuan-1';

let demo: DemoCloud;
let bath = '';
beforeAll(async () => {
  demo = await startPageCloud(WANG);
  const item = async (over: Partial<ActionInput<'services', 'proposeItem'>> & { name: string }) => {
    const { id } = await demo.ok('services', LIN, 'proposeItem', {
      category: '助浴',
      description: '两名护理员上门协助洗浴',
      priceType: 'voucher',
      priceYuan: 30,
      eligibility: ['age80', 'disabled'],
      communityIds: ['jn-lukou-lukou'],
      capacityPerSlot: 2,
      idempotencyKey: `page-item-${over.name}`,
      ...over,
    });
    await demo.ok('services', 'demo-admin-lukou', 'reviewItem', { itemId: id, decision: 'approve' });
    return id;
  };
  bath = await item({ name: '助浴上门' });
  await item({ name: '助餐送餐', category: '助餐', priceType: 'free', priceYuan: 0, eligibility: [] });
}, 60_000);
afterAll(() => demo.close());

const orders = () => demo.cloud.store.docs('service_orders');

async function open(openid: string, path: string): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('lists the community’s menu by category on the 服务 tab, with plain prices and who may order', async () => {
  const page = await open(WANG, 'pages/services/index');
  expect(textOf(page, '#menu-title')).toBe('禄口社区的服务');
  expect(textsOf(page, '.category')).toEqual(['全部', '助餐 1', '助浴 1']);
  expect(textOf(page, '#item-0')).toContain('助餐送餐');
  expect(textOf(page, '#item-1')).toContain('助浴上门');
  expect(textOf(page, '#item-1')).toContain('80 岁及以上老人或残疾人可以预约');
  expect(textOf(page, '#item-1')).toContain('30 元 补贴');
  await tap(page, '#cat-2');
  await waitFor(() => page.data.category === '助浴');
  expect(textsOf(page, '.item')).toHaveLength(1);
  // Residents see no work entries.
  expect(page.querySelector('#work-entries')).toBeFalsy();
  await tap(page, '#item-0');
  expect(lastCall('navigateTo')).toMatchObject({ url: `/packages/services/pages/item/index?id=${bath}` });
  await closePage(page);
});

it('orders for oneself: a half day with places left, consent asked at the tap, one order for a double tap', async () => {
  resetWxRecorder();
  const page = await open(WANG, `packages/services/pages/item/index?id=${bath}`);
  expect(textOf(page, '#eligibility')).toContain('80 岁及以上老人或残疾人可以预约');
  expect(textOf(page, '#who-0')).toContain('王*（本人）');
  expect(textOf(page, '#who-0')).toContain('84 岁，可以预约');
  // The first half day with places left is chosen already; she may take another.
  expect(page.data.slot).toBe(page.data.days[0].halves.find((h: { blank: boolean }) => !h.blank).key);
  // No voucher granted yet this month in this cloud: the bar says she would pay it, as check-out would charge.
  expect(textOf(page, '#pay')).toBe('自付 30 元');
  expect(
    wxCalls('cloud.callFunction').filter((c) => JSON.stringify(c.args).includes('placeOrder')),
  ).toHaveLength(0);
  await tap(page, '#slot-2');
  expect(textOf(page, '#chosen')).toMatch(/^\d+月\d+日 周. (上午|下午) · 王\*$/);
  await input(page, '#note', '请带洗浴椅');
  setSubscribeDecision('accept');
  await Promise.all([tap(page, '#submit'), tap(page, '#submit')]);
  await waitFor(() => wxCalls('redirectTo').length > 0);
  expect(wxCalls('requestSubscribeMessage')).toHaveLength(1);
  expect(orders()).toHaveLength(1);
  expect(orders()[0]).toMatchObject({
    beneficiaryId: expect.any(String),
    via: 'self',
    note: '请带洗浴椅',
    consent: ['ORDER_STATUS', 'SERVICE_SURVEY'],
    status: 'matched',
  });
  expect(lastCall('redirectTo')).toMatchObject({
    url: `/packages/services/pages/order/index?id=${orders()[0]!._id}`,
  });
  await closePage(page);
});

it('lets a neighbour who helps order for 王奶奶, and says plainly when he himself does not qualify', async () => {
  const page = await open(ZHANG, `packages/services/pages/item/index?id=${bath}`);
  expect(textOf(page, '#who-0')).toContain('张*（本人）');
  expect(textOf(page, '#not-eligible')).toMatch(/^不符合条件：80 岁及以上老人或残疾人才能预约。/);
  expect(page.querySelector('#submit')).toBeFalsy();
  await tap(page, '#who-1');
  await waitFor(() => page.data.status === 'ready' && page.data.chosen?.relation === '邻居');
  expect(page.querySelector('#not-eligible')).toBeFalsy();
  await tap(page, '#slot-5');
  setSubscribeDecision('reject');
  await tap(page, '#submit');
  await waitFor(() => orders().length === 2);
  expect(orders()[1]).toMatchObject({ via: 'family', consent: [] });
  await closePage(page);
});

it('shows 我的预约 and the order’s timeline; the resident cancels before acceptance', async () => {
  const list = await open(WANG, 'packages/services/pages/orders/index');
  expect(textsOf(list, '.line')).toHaveLength(2);
  expect(textOf(list, '#line-0')).toContain('助浴上门');
  expect(textOf(list, '#line-0')).toContain('等待接单');
  await closePage(list);
  const id = String(orders()[1]!._id);
  const page = await open(ZHANG, `packages/services/pages/order/index?id=${id}`);
  expect(textOf(page, '#status')).toBe('等待接单');
  expect(textOf(page, '#phone')).toBe('138****0101');
  // The provider's deadline, in the words for the family: no 请在…前接单.
  expect(page.querySelector('#deadline')).toBeUndefined();
  expect(textOf(page, '#confirm-by')).toMatch(/^机构会在 \d+月\d+日 \d\d:\d\d 前确认$/);
  expect(textOf(page, '#timeline')).toContain('已派给 心苑社会工作服务中心，等待接单');
  expect(textOf(page, '#timeline')).toContain('张*（家属）');
  expect(page.querySelector('#accept-box')).toBeFalsy();
  await input(page, '#cancel-reason', '临时有事');
  setModalConfirm(true);
  await tap(page, '#cancel');
  await waitFor(() => page.data.order?.statusText === '已取消');
  expect(orders()[1]).toMatchObject({
    status: 'cancelled',
    timeline: expect.arrayContaining([expect.objectContaining({ event: 'cancelled', note: '临时有事' })]),
  });
  expect(page.querySelector('#cancel-box')).toBeFalsy();
  await closePage(page);
});

it('asks for a rating once the service is done (the admin may call back), and keeps it', async () => {
  const id = String(orders()[0]!._id);
  await demo.ok('services', LIN, 'acceptOrder', { orderId: id });
  await demo.ok('services', LIN, 'checkIn', {
    orderId: id,
    location: { latitude: 31.737, longitude: 118.866 },
    reason: '老人约了提前上门', // the slot may be days away (checkin-evidence.test.ts covers the window)
  });
  await demo.ok('services', LIN, 'checkOut', { orderId: id, notes: '协助洗浴 40 分钟' });
  // The street admin whose 电话回访 is due sees the number and calls it from the page.
  const phone = String(orders()[0]!.phone);
  const admin = await open('demo-admin-lukou', `packages/services/pages/order/index?id=${id}`);
  expect(textOf(admin, '#phone')).toBe(phone);
  await tap(admin, '#call');
  expect(lastCall('makePhoneCall')).toEqual({ phoneNumber: phone });
  await closePage(admin);
  const page = await open(WANG, `packages/services/pages/order/index?id=${id}`);
  expect(textOf(page, '#status')).toBe('已完成，待评价');
  expect(textOf(page, '#done')).toContain('协助洗浴 40 分钟');
  expect(page.querySelector('#cancel-box')).toBeFalsy();
  await fire(page, '#rating', 'change', { value: 4 });
  await input(page, '#comment', '很细心');
  await tap(page, '#rate');
  await waitFor(() => page.data.order?.statusText === '已完成');
  expect(orders()[0]).toMatchObject({
    status: 'confirmed',
    survey: { rating: 4, comment: '很细心', by: 'resident', complaint: false },
  });
  expect(textOf(page, '#survey')).toContain('★★★★');
  expect(page.querySelector('#rate-box')).toBeFalsy();
  await closePage(page);
});

it('lets a resident ask for a service that is not on the menu and see what neighbours asked', async () => {
  const page = await open(WANG, 'packages/services/pages/ask/index');
  expect(textOf(page, '#empty')).toContain('还没有人提过');
  await input(page, '#text', '希望有上门理发');
  await tap(page, '#send');
  expect(textOf(page, '#category-error')).toBe('请先选一类服务');
  await tap(page, '#cat-7');
  await tap(page, '#send');
  await waitFor(() => page.data.sent !== '');
  expect(textOf(page, '#sent')).toBe('收到了，社区会认真考虑');
  await waitFor(() => page.data.lines.length === 1);
  expect(textOf(page, '#line-0')).toContain('其他服务');
  expect(textOf(page, '#line-0')).toContain('1 人想要');
  expect(demo.cloud.store.docs('service_demands')).toHaveLength(1);
  await closePage(page);
});
