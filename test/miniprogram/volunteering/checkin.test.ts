/**
 * 扫码签到 / 签退 against the real volunteering function: the volunteer scans the organizer's current code
 * (wx.scanCode) and the page sends where the phone is (wx.getLocation). A valid code near the place checks in;
 * twice is once; an expired or foreign code, a location outside the radius (with the distance) and a refused
 * location permission are said plainly and record nothing; checking out credits the minutes.
 */
import {
  closePage,
  loadPage,
  type LoadedPage,
  queueScan,
  setLocation,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const SCAN = 'packages/volunteering/pages/scan/index';
const DETAIL = 'packages/volunteering/pages/detail/index';
const STAFF = 'demo-staff-hongye-1';
const ZHAO = 'demo-volunteer-zhao';
const CHEN = 'demo-resident-chen';
const SQUARE = { latitude: 31.863, longitude: 118.835 };
const northOf = (metres: number) => ({
  latitude: SQUARE.latitude + metres / 111_195,
  longitude: SQUARE.longitude,
});

let demo: DemoCloud;
let activityId: string;
let otherId: string;

async function create(key: string): Promise<string> {
  // Starts in half an hour: check-in is open (from an hour before).
  const start = demo.cloud.clock.now() + 30 * 60_000;
  const a = await demo.ok('volunteering', STAFF, 'createActivity', {
    title: key === 'main' ? '地震逃生演练' : '垃圾分类宣传',
    orgId: demo.seed.orgIds.hongye,
    communityId: 'jn-moling-moling',
    address: '秣陵社区文化广场',
    location: SQUARE,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3_600_000).toISOString(),
    capacity: 5,
    checkinRadiusM: 200,
    idempotencyKey: `page-checkin-${key}`,
  });
  return a.id;
}

beforeAll(async () => {
  demo = await startPageCloud(ZHAO);
  for (const who of [ZHAO, CHEN])
    await demo.ok('volunteering', who, 'becomeVolunteer', { skills: ['应急救援'] });
  activityId = await create('main');
  otherId = await create('other');
  for (const who of [ZHAO, CHEN]) await demo.ok('volunteering', who, 'signUp', { activityId });
});
afterAll(() => demo.close());

const code = async (id = activityId) =>
  (await demo.ok('volunteering', STAFF, 'checkinCode', { activityId: id })).code;
const signup = (openid: string) =>
  demo.cloud.store.docs('volunteer_signups').find((s) => s.activityId === activityId && s.openid === openid)!;

async function openScan(openid: string, mode: 'in' | 'out' = 'in'): Promise<LoadedPage> {
  switchUser(openid);
  return loadPage(SCAN, { id: activityId, mode });
}

async function scan(page: LoadedPage, button: '#scan-in' | '#scan-out'): Promise<void> {
  await tap(page, button);
  await waitFor(() => page.data.status === 'done' || page.data.status === 'failed');
}

it('checks in with the current code near the place, and a second scan is the same check-in', async () => {
  const page = await openScan(ZHAO);
  setLocation(northOf(60));
  queueScan(await code());
  await scan(page, '#scan-in');
  expect(page.data.status).toBe('done');
  expect(textOf(page, '#headline')).toMatch(/^签到成功 \d{2}:\d{2}$/);
  const first = signup(ZHAO).checkInAt as Date;
  expect(first).toBeInstanceOf(Date);
  expect(signup(ZHAO).checkInDistanceM).toBe(60);

  queueScan(await code());
  await scan(page, '#scan-in');
  expect(textOf(page, '#headline')).toMatch(/^您 \d{2}:\d{2} 已经签到过了$/);
  expect(signup(ZHAO).checkInAt).toEqual(first);
  await closePage(page);
});

it('refuses a location outside the radius, saying how far away it is', async () => {
  const page = await openScan(CHEN);
  setLocation(northOf(800));
  queueScan(await code());
  await scan(page, '#scan-in');
  expect(page.data.status).toBe('failed');
  expect(textOf(page, '#headline')).toBe('签到没有成功');
  expect(textOf(page, '#detail')).toBe('您距活动地点约 800 米，需在 200 米范围内签到');
  expect(signup(CHEN).checkInAt).toBeUndefined();
  await closePage(page);
});

it('refuses an expired code and another activity’s code', async () => {
  const page = await openScan(CHEN);
  setLocation(northOf(20));
  const old = await code();
  demo.cloud.clock.advance(61_000);
  queueScan(old);
  await scan(page, '#scan-in');
  expect(textOf(page, '#detail')).toBe('签到码已过期，请扫描屏幕上刷新后的二维码');

  queueScan(await code(otherId));
  await scan(page, '#scan-in');
  expect(textOf(page, '#detail')).toBe('这是其他活动的签到码，请扫描本活动的二维码');
  expect(signup(CHEN).checkInAt).toBeUndefined();
  await closePage(page);
});

it('asks for the location permission when it is refused, and does nothing when the camera is closed', async () => {
  const page = await openScan(CHEN);
  setLocation(null);
  queueScan(await code());
  await scan(page, '#scan-in');
  expect(textOf(page, '#headline')).toBe('没有获取到位置');
  expect(page.querySelector('#settings')).toBeDefined();
  expect(signup(CHEN).checkInAt).toBeUndefined();

  setLocation(northOf(20));
  await tap(page, '#scan-in'); // nothing queued: the volunteer backs out of the camera
  expect(page.data.status).toBe('idle');
  expect(page.querySelector('#result')).toBeUndefined();
  expect(signup(CHEN).checkInAt).toBeUndefined();
  await closePage(page);
});

it('offers check-out on the activity page once checked in, and credits the minutes', async () => {
  switchUser(ZHAO);
  const detail = await loadPage(DETAIL, { id: activityId });
  await waitFor(() => detail.data.status === 'ready');
  expect(textOf(detail, '#scan')).toBe('扫码签退');
  await tap(detail, '#scan');
  await closePage(detail);

  demo.cloud.clock.advance(90 * 60_000);
  const page = await openScan(ZHAO, 'out');
  setLocation(northOf(30));
  queueScan(await code());
  await scan(page, '#scan-out');
  expect(textOf(page, '#headline')).toMatch(/^签退成功 \d{2}:\d{2}$/);
  expect(textOf(page, '#detail')).toBe('本次服务 1.5 小时，组织者确认后计入您的时长。');
  const credit = demo.cloud.store.docs('volunteer_hours').filter((e) => e.signupId === signup(ZHAO)._id);
  expect(credit).toEqual([expect.objectContaining({ kind: 'credit', verified: false })]);
  await closePage(page);
});
