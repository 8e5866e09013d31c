/**
 * 活动详情与报名 against the real volunteering function: a volunteer signs up (subscription consent asked first),
 * the next one joins the waitlist, a cancellation promotes them (and the function tells them), a resident who
 * is not a volunteer is sent to join first — each step checked in the stored activity.
 */
import {
  closePage,
  lastCall,
  loadPage,
  type LoadedPage,
  setModalConfirm,
  setSubscribeDecision,
  tap,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const DETAIL = 'packages/volunteering/pages/detail/index';
const ZHAO = 'demo-volunteer-zhao';
const CHEN = 'demo-resident-chen';
const WANG = 'demo-resident-wang';
const SQUARE = { latitude: 31.863, longitude: 118.835 };

let demo: DemoCloud;
let activityId: string;

beforeAll(async () => {
  demo = await startPageCloud(ZHAO);
  for (const who of [ZHAO, CHEN])
    await demo.ok('volunteering', who, 'becomeVolunteer', { skills: ['应急救援'] });
  const start = demo.cloud.clock.now() + 3 * 24 * 3_600_000;
  const created = await demo.ok('volunteering', 'demo-staff-hongye-1', 'createActivity', {
    title: '地震逃生演练',
    description: '引导居民有序疏散。',
    orgId: demo.seed.orgIds.hongye,
    communityId: 'jn-moling-moling',
    address: '秣陵社区文化广场',
    location: SQUARE,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3_600_000).toISOString(),
    capacity: 1,
    skills: ['应急救援'],
    idempotencyKey: 'page-signup-1',
  });
  activityId = created.id;
});
afterAll(() => demo.close());

const members = () =>
  (
    demo.cloud.store.docs('volunteer_activities').find((a) => a._id === activityId)!.members as {
      o: string;
      c?: Date;
    }[]
  )
    .filter((m) => !m.c)
    .map((m) => m.o);

async function openDetail(openid: string): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(DETAIL, { id: activityId });
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('shows the activity and lets a volunteer sign up, asking subscription consent first', async () => {
  const page = await openDetail(ZHAO);
  expect(textOf(page, '#title')).toBe('地震逃生演练');
  expect(textOf(page, '#seats')).toContain('还剩 1 个名额');
  expect(textOf(page, '#signup')).toBe('我要报名');
  await tap(page, '#signup');
  await waitFor(() => page.data.v.standing === 'admitted');
  expect(wxCalls('requestSubscribeMessage')).toHaveLength(1);
  expect(lastCall('requestSubscribeMessage')).toMatchObject({
    tmplIds: expect.arrayContaining(['local-vol_promoted']),
  });
  expect(textOf(page, '#standing')).toBe('您已报名，请准时参加');
  expect(page.querySelector('#signup')).toBeUndefined();
  expect(textOf(page, '#cancel')).toBe('取消报名');
  expect(members()).toEqual([ZHAO]);
  await closePage(page);
});

it('puts the next volunteer on the waitlist, even when they decline the messages', async () => {
  setSubscribeDecision('reject');
  const page = await openDetail(CHEN);
  expect(textOf(page, '#signup')).toBe('名额已满，加入候补');
  await tap(page, '#signup');
  await waitFor(() => page.data.v.standing === 'waiting');
  expect(textOf(page, '#standing')).toContain('您在候补第 1 位');
  expect(textOf(page, '#cancel')).toBe('取消候补');
  expect(members()).toEqual([ZHAO, CHEN]);
  setSubscribeDecision('accept');
  await closePage(page);
});

it('cancels only after the volunteer confirms; the seat goes to the first in line, who is told', async () => {
  const page = await openDetail(ZHAO);
  setModalConfirm(false);
  await tap(page, '#cancel');
  expect(members()).toEqual([ZHAO, CHEN]);

  setModalConfirm(true);
  await tap(page, '#cancel');
  await waitFor(() => page.data.v.standing === 'cancelled');
  expect(textOf(page, '#standing')).toBe('您已取消报名');
  expect(members()).toEqual([CHEN]);
  expect(demo.cloud.outbox.list({ templateId: 'local-vol_promoted' }).map((m) => m.touser)).toEqual([CHEN]);
  await closePage(page);

  const promoted = await openDetail(CHEN);
  expect(textOf(promoted, '#standing')).toBe('您已报名，请准时参加');
  await closePage(promoted);
});

it('sends a resident who is not a volunteer to join first, and signs nobody up', async () => {
  const page = await openDetail(WANG);
  expect(textOf(page, '#signup')).toBe('成为志愿者后报名');
  await tap(page, '#signup');
  expect(lastCall('navigateTo')).toEqual(
    expect.objectContaining({ url: `/packages/volunteering/pages/join/index?next=${activityId}` }),
  );
  expect(members()).toEqual([CHEN]);
  await closePage(page);
});

it('says plainly when sign-up is refused', async () => {
  const page = await openDetail(ZHAO);
  // Called off by the organizer while the page was open.
  await demo.ok('volunteering', 'demo-staff-hongye-1', 'cancelActivity', { activityId, reason: '场地维修' });
  await tap(page, '#signup');
  await waitFor(() => page.data.banner !== '' && page.data.v.cancelReason !== '');
  expect(textOf(page, '#banner')).toBe('活动已取消');
  expect(textOf(page, '#called-off')).toBe('活动已取消：场地维修');
  expect(page.querySelector('#signup')).toBeUndefined();
  await closePage(page);
});
