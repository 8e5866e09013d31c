/**
 * The volunteering pages end to end against the real function: a resident becomes a volunteer on 成为志愿者 (我的
 * then shows the volunteer entries), 首页 lists their activity this week, the organizer's code screen shows the
 * rotating code, the roster confirms the hours, 我的服务时长 shows them, the certificate is issued and anyone can
 * check its code.
 */
import { currentUser } from '../../../miniprogram/lib/session';
import {
  closePage,
  input,
  loadPage,
  type LoadedPage,
  queueScan,
  setLocation,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf, textsOf } from '../../../simulator/text';

const P = 'packages/volunteering/pages';
const STAFF = 'demo-staff-hongye-1';
const ZHANG = 'demo-resident-zhang';
const SQUARE = { latitude: 31.863, longitude: 118.835 };

let demo: DemoCloud;
let activityId: string;
let start: number;

beforeAll(async () => {
  demo = await startPageCloud(ZHANG);
  start = demo.cloud.clock.now() + 30 * 60_000;
  const a = await demo.ok('volunteering', STAFF, 'createActivity', {
    title: '快乐4点半',
    orgId: demo.seed.orgIds.hongye,
    communityId: 'jn-moling-yinxiang',
    address: '殷巷社区四点半课堂',
    location: SQUARE,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 90 * 60_000).toISOString(),
    capacity: 3,
    skills: ['课业辅导'],
    idempotencyKey: 'page-journey-1',
  });
  activityId = a.id;
});
afterAll(() => demo.close());

async function open(openid: string, path: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path, query);
  return page;
}

it('lets a resident become a volunteer on their own, and 我的 then shows the volunteer entries', async () => {
  const page = await open(ZHANG, `${P}/join/index`);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#intro')).toContain('志愿服务全凭自愿');
  expect(page.querySelector('#real-name')).toBeUndefined(); // the account has his name and phone already
  await tap(page, '#skill-0');
  await tap(page, '#save');
  await waitFor(() => page.data.isVolunteer === true);
  expect(page.data.skills).toEqual(['陪伴聊天']);
  const user = demo.cloud.store.docs('users').find((u) => u.openid === ZHANG)!;
  expect(user.roleHistory).toEqual([
    expect.objectContaining({ kind: 'grant', role: 'volunteer', by: 'self' }),
  ]);
  await waitFor(() => currentUser()?.isVolunteer === true);
  await closePage(page);

  const mine = await loadPage('pages/mine/index');
  await waitFor(() => mine.data.status === 'ready');
  expect(textOf(mine, '#group-volunteer')).toContain('我的服务时长');
  expect(textsOf(mine, '#roles .me__tag')).toContain('志愿者');
  await closePage(mine);
});

it('shows the activity this week on 首页 once signed up', async () => {
  await demo.ok('volunteering', ZHANG, 'signUp', { activityId });
  const home = await open(ZHANG, 'pages/home/index');
  await waitFor(() => home.data.status === 'ready');
  await waitFor(() => textOf(home, '#section-volunteering-soon') !== '');
  expect(textOf(home, '#section-volunteering-soon')).toContain('快乐4点半');
  await closePage(home);
});

it('shows the organizer a rotating code that checks the volunteer in', async () => {
  const screen = await open(STAFF, `${P}/code/index`, { id: activityId });
  await waitFor(() => screen.data.status === 'ready');
  expect(screen.data.code).toMatch(new RegExp(`^MLV1\\.${activityId}\\.`));
  expect(textOf(screen, '#timer')).toMatch(/^\d+ 秒后自动更换$/);
  expect(textOf(screen, '#checked-in')).toBe('已签到 0 / 1 人');
  const code = screen.data.code as string;
  await closePage(screen);

  const scan = await open(ZHANG, `${P}/scan/index`, { id: activityId, mode: 'in' });
  setLocation(SQUARE);
  queueScan(code);
  await tap(scan, '#scan-in');
  await waitFor(() => scan.data.status === 'done');
  await closePage(scan);
});

it('lets the organizer confirm the hours on the roster; the volunteer sees them and gets a certificate', async () => {
  demo.cloud.clock.set(start + 90 * 60_000);
  const code = (await demo.ok('volunteering', STAFF, 'checkinCode', { activityId })).code;
  const out = await open(ZHANG, `${P}/scan/index`, { id: activityId, mode: 'out' });
  queueScan(code);
  await tap(out, '#scan-out');
  await waitFor(() => out.data.status === 'done');
  await closePage(out);

  const roster = await open(STAFF, `${P}/roster/index`, { id: activityId });
  await waitFor(() => roster.data.status === 'ready');
  expect(textOf(roster, '#row-0')).toContain('张明');
  expect(textOf(roster, '#hours-0')).toMatch(/^待确认 /);
  await tap(roster, '#confirm-0');
  await waitFor(() => textOf(roster, '#hours-0').startsWith('已确认'));
  await closePage(roster);

  const hours = await open(ZHANG, `${P}/hours/index`);
  await waitFor(() => hours.data.status === 'ready');
  expect(textOf(hours, '#verified')).toMatch(/小时|分钟/);
  expect(textOf(hours, '#badge')).toBe('初心志愿者');
  await tap(hours, '#certificate');
  await closePage(hours);

  const cert = await open(ZHANG, `${P}/certificate/index`);
  await waitFor(() => cert.data.status === 'ready');
  expect(textOf(cert, '#body')).toContain('兹证明 张明');
  const certCode = (cert.data.c as { code: string }).code;
  await closePage(cert);

  const check = await open('demo-resident-wang', `${P}/check/index`);
  await input(check, '#code-input', certCode.toLowerCase());
  await tap(check, '#check');
  await waitFor(() => check.data.result !== null);
  expect(textOf(check, '#valid')).toContain('志愿者：张*');
  expect(textOf(check, '#valid')).not.toContain('张明');
  await closePage(check);
});
