/**
 * The order page asks the staff member for a reason when a check-in is outside the agreed time or place: up front
 * when the time is already outside the window the function reports, and when the function refuses the check-in
 * for want of a reason (too far from the address) — in place, with the function's plain words, no dialog. The
 * reason is sent with the check-in and shows on the timeline.
 */
import { communityCentre } from '../../../cloudfunctions/services/domain/places';
import {
  closePage,
  input,
  loadPage,
  type LoadedPage,
  setLocation,
  tap,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';
import { beijing } from '../../support/beijing';

const WANG = 'demo-resident-wang';
const LIN = 'demo-staff-xinyuan-1';
/** Monday 1 June 2026, 09:00 in Beijing. */
const MONDAY = new Date('2026-06-01T01:00:00Z');
const lukou = communityCentre('jn-lukou-lukou');

let demo: DemoCloud;
let itemId = '';
beforeAll(async () => {
  demo = await startPageCloud(LIN);
  demo.cloud.clock.set(MONDAY);
  const { id } = await demo.ok('services', LIN, 'proposeItem', {
    name: '助浴上门',
    category: '助浴',
    priceType: 'free',
    eligibility: [],
    communityIds: ['jn-lukou-lukou'],
    capacityPerSlot: 2,
    idempotencyKey: 'page-checkin-item',
  });
  await demo.ok('services', 'demo-admin-lukou', 'reviewItem', { itemId: id, decision: 'approve' });
  itemId = id;
}, 60_000);
afterAll(() => demo.close());

const stored = (id: string) =>
  demo.cloud.store.docs('service_orders').find((o) => o._id === id) as Record<string, unknown>;

/** 王奶奶 books `slot` on Monday morning and 小林 accepts it; returns the order id. */
async function accepted(slot: string, key: string): Promise<string> {
  demo.cloud.clock.set(MONDAY);
  const { id } = await demo.ok('services', WANG, 'placeOrder', {
    itemId,
    slot,
    idempotencyKey: key,
  });
  await demo.ok('services', LIN, 'acceptOrder', { orderId: id });
  return id;
}

async function open(id: string): Promise<LoadedPage> {
  switchUser(LIN);
  const page = await loadPage(`packages/services/pages/order/index?id=${id}`);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('two days early: says so before the tap, needs a reason, and sends it with the check-in', async () => {
  const id = await accepted('2026-06-03/am', 'page-checkin-early');
  demo.cloud.clock.set(beijing('2026-06-01T10:00:00'));
  const page = await open(id);
  expect(textOf(page, '#checkin-window')).toBe('约定签到：6月3日 06:00 至 12:00，居民所在社区 500 米内');
  expect(textOf(page, '#checkin-ask')).toBe('现在还没到约定的签到时间。如确需现在签到，请写明原因。');
  expect(textOf(page, '#check-in')).toBe('写好原因，签到');

  // No reason: nothing is sent.
  setLocation({ latitude: lukou.lat, longitude: lukou.lng });
  const calls = wxCalls('getLocation').length;
  await tap(page, '#check-in');
  expect(textOf(page, '#reason-error')).toBe('请先写明原因');
  expect(wxCalls('getLocation')).toHaveLength(calls);
  expect(stored(id)).toMatchObject({ status: 'accepted' });

  await input(page, '#checkin-reason', '老人周三要去医院，家属约了今天上门');
  expect(page.querySelector('#reason-error')).toBeFalsy();
  await tap(page, '#check-in');
  await waitFor(() => page.data.order?.statusText === '服务中');
  expect(stored(id)).toMatchObject({
    status: 'in_service',
    checkIn: { departures: ['early'], reason: '老人周三要去医院，家属约了今天上门' },
  });
  expect(textOf(page, '#timeline')).toContain('服务人员签到，开始服务（早于约定时间）');
  expect(textOf(page, '#timeline')).toContain('老人周三要去医院，家属约了今天上门');
  expect(page.querySelector('#checkin-box')).toBeFalsy();
  await closePage(page);
});

it('in time but far away: the function’s refusal turns into the reason prompt, not a dialog', async () => {
  const id = await accepted('2026-06-04/am', 'page-checkin-far');
  demo.cloud.clock.set(beijing('2026-06-04T08:20:00'));
  const page = await open(id);
  expect(page.querySelector('#checkin-ask')).toBeFalsy();
  expect(textOf(page, '#check-in')).toBe('到了，签到开始服务');

  setLocation({ latitude: lukou.lat + 3 / 111.195, longitude: lukou.lng });
  const dialogs = wxCalls('showModal').length;
  await tap(page, '#check-in');
  await waitFor(() => page.data.ask !== '');
  expect(textOf(page, '#checkin-ask')).toBe(
    '现在您离居民所在社区约 3.0 公里，约定在 500 米内签到。如确需现在签到，请写明原因。',
  );
  expect(textOf(page, '#check-in')).toBe('写好原因，签到');
  expect(wxCalls('showModal')).toHaveLength(dialogs);
  expect(stored(id)).toMatchObject({ status: 'accepted' });
  expect(stored(id)).not.toHaveProperty('checkIn');

  await input(page, '#checkin-reason', '老人在社区卫生服务中心，在那里碰头');
  await tap(page, '#check-in');
  await waitFor(() => page.data.order?.statusText === '服务中');
  expect(stored(id)).toMatchObject({
    checkIn: { departures: ['far'], reason: '老人在社区卫生服务中心，在那里碰头' },
  });
  expect(textOf(page, '#timeline')).toContain('离居民所在社区较远');
  await closePage(page);
});

it('in time and in place: no reason is asked', async () => {
  const id = await accepted('2026-06-05/pm', 'page-checkin-ok');
  demo.cloud.clock.set(beijing('2026-06-05T13:00:00'));
  const page = await open(id);
  expect(page.querySelector('#checkin-ask')).toBeFalsy();
  setLocation({ latitude: lukou.lat + 0.001, longitude: lukou.lng });
  await tap(page, '#check-in');
  await waitFor(() => page.data.order?.statusText === '服务中');
  expect(stored(id)).toMatchObject({ status: 'in_service' });
  expect(stored(id).checkIn).not.toHaveProperty('departures');
  expect(textOf(page, '#timeline')).toContain('服务人员已到达，开始服务');
  await closePage(page);
});
