/**
 * 服务工单 · 今天 against the real services function: a staff member on the move sees today's work orders in time
 * order with how far each is and the minutes left to accept, accepts one from the list, then navigates to it
 * (wx.openLocation at the order's place) and calls the resident (the number the function reveals to them).
 */
import { addDays, dateKey, slotKey, startOfDate } from '../../../miniprogram/shared/calendar';
import { closePage, lastCall, loadPage, setLocation, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const LIN = 'demo-staff-xinyuan-1';
/** 禄口社区's centre as the services function keeps it (domain/places.ts). */
const LUKOU = { latitude: 31.737, longitude: 118.866 };

let demo: DemoCloud;
let day: string;
beforeAll(async () => {
  demo = await startPageCloud(LIN);
  const { id: itemId } = await demo.ok('services', LIN, 'proposeItem', {
    name: '助餐送餐',
    category: '助餐',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    communityIds: ['jn-lukou-lukou'],
    capacityPerSlot: 3,
    idempotencyKey: 'page-today-item',
  });
  await demo.ok('services', 'demo-admin-lukou', 'reviewItem', { itemId, decision: 'approve' });
  // Orders for the afternoon and the morning of a day, placed early that morning; the list opens half an hour on.
  day = addDays(dateKey(demo.cloud.clock.now()), 3);
  demo.cloud.clock.set(startOfDate(day, 6 * 60));
  for (const [who, period] of [
    [ZHANG, 'pm'],
    [WANG, 'am'],
  ] as const)
    await demo.ok('services', who, 'placeOrder', {
      itemId,
      slot: slotKey(day, period),
      idempotencyKey: `page-today-${period}`,
    });
  demo.cloud.clock.set(startOfDate(day, 6 * 60 + 30));
}, 60_000);
afterAll(() => demo.close());

it("lists today's orders in time order, accepts from the list, navigates and calls", async () => {
  switchUser(LIN);
  // 1.2 km north of the community's centre.
  setLocation({ latitude: LUKOU.latitude + 0.0108, longitude: LUKOU.longitude });
  const page = await loadPage('packages/services/pages/work/index');
  await waitFor(() => page.data.status === 'ready');
  await tap(page, '#tab-today');
  await waitFor(() => page.data.status === 'ready' && page.data.tab === 'today');

  // The morning first, then the afternoon; how far, and the time left to accept in plain words.
  expect(textOf(page, '#today-0')).toContain('上午');
  expect(textOf(page, '#today-0')).toContain('王*');
  expect(textOf(page, '#today-1')).toContain('下午');
  expect(textOf(page, '#today-0')).toContain('离您约 1.2 公里');
  expect(textOf(page, '#countdown-0')).toMatch(/^还有 (\d+ 小时)?( ?\d+ 分钟)?接单$/);
  // Not theirs yet: no phone to call.
  expect(page.querySelector('#call-0')).toBeUndefined();

  await tap(page, '#accept-0');
  await waitFor(() => page.data.status === 'ready' && Boolean(page.querySelector('#call-0')));
  const accepted = demo.cloud.store.docs('service_orders').find((o) => o.slot === slotKey(day, 'am'))!;
  expect(accepted).toMatchObject({ status: 'accepted', staffId: demo.seed.userIds[LIN] });
  expect(page.querySelector('#accept-0')).toBeUndefined();
  expect(page.querySelector('#countdown-0')).toBeUndefined();
  expect(textOf(page, '#address-0')).toBe(accepted.address);

  await tap(page, '#navigate-0');
  expect(lastCall('openLocation')).toMatchObject(LUKOU);
  await tap(page, '#call-0');
  expect(lastCall('makePhoneCall')).toEqual({ phoneNumber: accepted.phone });
  await closePage(page);
});
