/**
 * volunteering: sign-up with capacity and a FIFO waitlist, cancellation before the deadline (late ones recorded),
 * promotion of exactly one waiting volunteer with a notification, capacity changes, an organizer's cancellation.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { ActivityDetail } from '../../../cloudfunctions/volunteering/contract';
import {
  createActivity,
  H,
  HONGYE,
  makeVolunteers,
  MOLING_ADMIN,
  volunteeringState,
  XINYUAN,
  ZHANG,
} from './helpers';

let demo: DemoCloud;
let v: string[];
beforeAll(async () => {
  demo = await startDemoCloud();
  v = await makeVolunteers(demo, 'sv', 8);
});
afterAll(() => demo.close());

const activityDoc = (id: string) => demo.cloud.store.docs('volunteer_activities').find((a) => a._id === id)!;
const promotedTo = () => demo.cloud.outbox.list({ templateId: 'local-vol_promoted' }).map((m) => m.touser);
const signUp = (who: string, activityId: string) => demo.call('volunteering', who, 'signUp', { activityId });
const cancel = (who: string, activityId: string) =>
  demo.call('volunteering', who, 'cancelSignUp', { activityId });

describe('sign-up and the waitlist', () => {
  let a: ActivityDetail;
  beforeAll(async () => {
    a = await createActivity(demo, { capacity: 2, startsInH: 72 });
  });

  it('gives seats in arrival order, then waitlist places 1, 2, … — in 3 round trips', async () => {
    const replies = [];
    for (const who of v.slice(0, 5)) replies.push(await signUp(who, a.id));
    expect(replies.map((r) => r.roundTrips)).toEqual([3, 3, 3, 3, 3]);
    expect(
      replies.map((r) => (r.ok ? [r.data.standing, r.data.position, r.data.ticket] : r.error.code)),
    ).toEqual([
      ['admitted', undefined, 0],
      ['admitted', undefined, 1],
      ['waiting', 1, 2],
      ['waiting', 2, 3],
      ['waiting', 3, 4],
    ]);
    const detail = await demo.ok('volunteering', v[3]!, 'activityDetail', {
      activityId: a.id,
    });
    expect(detail).toMatchObject({
      admitted: 2,
      waiting: 3,
      seatsLeft: 0,
      me: { standing: 'waiting', position: 2 },
    });
  });

  it('signing up twice is one sign-up', async () => {
    const before = volunteeringState(demo);
    const again = await signUp(v[0]!, a.id);
    expect(again).toMatchObject({ ok: true, data: { standing: 'admitted', ticket: 0, already: true } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('a waiting volunteer who cancels is not late and promotes nobody', async () => {
    const r = await cancel(v[4]!, a.id);
    expect(r).toMatchObject({ ok: true, data: { late: false, promoted: 0 } });
    expect(r.roundTrips).toBe(3);
    expect(promotedTo()).toEqual([]);
  });

  it('a seat freed before the deadline goes to the first in line, once, and they are told', async () => {
    const r = await cancel(v[0]!, a.id);
    expect(r).toMatchObject({ ok: true, data: { late: false, promoted: 1 } });
    expect(r.roundTrips).toBe(4); // +1: the message kept in the recipient's message centre (common/notify)
    expect(promotedTo()).toEqual([v[2]]);
    const msg = demo.cloud.outbox.list({ templateId: 'local-vol_promoted' })[0]!;
    expect(msg.data.thing1!.value).toBe('地震逃生演练');
    expect(msg.page).toBe(`packages/volunteering/pages/detail/index?id=${a.id}`);
    const d2 = await demo.ok('volunteering', v[2]!, 'activityDetail', { activityId: a.id });
    expect(d2.me).toEqual({ standing: 'admitted' });
    const d3 = await demo.ok('volunteering', v[3]!, 'activityDetail', { activityId: a.id });
    expect(d3.me).toEqual({ standing: 'waiting', position: 1 });
    // Cancelling again changes nothing.
    const before = volunteeringState(demo);
    expect(await cancel(v[0]!, a.id)).toMatchObject({ ok: true, data: { already: true, promoted: 0 } });
    expect(volunteeringState(demo)).toBe(before);
    expect(promotedTo()).toEqual([v[2]]);
  });

  it('signing up again after cancelling goes to the back of the line', async () => {
    const r = await signUp(v[0]!, a.id);
    expect(r).toMatchObject({ ok: true, data: { standing: 'waiting', position: 2, ticket: 5 } });
    expect(r.roundTrips).toBe(3); // the earlier record read with the caller, so it is written back in one request
    const s = demo.cloud.store
      .docs('volunteer_signups')
      .filter((x) => x.activityId === a.id && x.openid === v[0]);
    expect(s).toEqual([expect.objectContaining({ state: 'active', ticket: 5 })]);
  });

  it('lists my sign-ups: upcoming (seat), waiting (place), in 2 round trips', async () => {
    const up = await demo.call('volunteering', v[2]!, 'mySignUps', {
      filter: 'upcoming',
    });
    expect(up.roundTrips).toBe(2);
    expect(up.ok && up.data.items.map((i) => [i.activity.id, i.standing])).toEqual([[a.id, 'admitted']]);
    const wait = await demo.ok('volunteering', v[3]!, 'mySignUps', { filter: 'waiting' });
    expect(wait.items.map((i) => [i.activity.id, i.standing, i.position])).toEqual([[a.id, 'waiting', 1]]);
    const none = await demo.ok('volunteering', v[3]!, 'mySignUps', {
      filter: 'upcoming',
    });
    expect(none.items).toEqual([]);
  });

  it('a larger capacity promotes the waiting in order and tells them; a smaller one may not take a seat', async () => {
    const r = await demo.call('volunteering', HONGYE, 'updateActivity', {
      activityId: a.id,
      capacity: 4,
    });
    expect(r.roundTrips).toBe(3); // caller with the activity, the update, the three messages kept in one write
    expect(r).toMatchObject({ ok: true, data: { capacity: 4, admitted: 4, waiting: 0 } });
    expect(promotedTo()).toEqual([v[2], v[3], v[0]]);
    const before = volunteeringState(demo);
    const shrink = await demo.call('volunteering', HONGYE, 'updateActivity', {
      activityId: a.id,
      capacity: 2,
    });
    expect(shrink).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(volunteeringState(demo)).toBe(before);
    expect(
      await demo.call('volunteering', XINYUAN, 'updateActivity', { activityId: a.id, capacity: 9 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the cancellation deadline', () => {
  it('after it, a seat holder cancelling is late: recorded on the sign-up and their record; waiting ones are not', async () => {
    const a = await createActivity(demo, { capacity: 1, startsInH: 30 });
    await signUp(v[5]!, a.id);
    await signUp(v[6]!, a.id);
    await signUp(v[7]!, a.id);
    // Published 30 h ahead, the deadline is halfway (15 h after publishing); now 14 h before the start.
    demo.cloud.clock.advance(16 * H);
    try {
      const waiting = await cancel(v[7]!, a.id);
      expect(waiting).toMatchObject({ ok: true, data: { late: false, promoted: 0 } });
      const late = await cancel(v[5]!, a.id);
      expect(late).toMatchObject({ ok: true, data: { late: true, promoted: 1 } });
      // The activity, its seats, the sign-up (late, counted there) and the promoted one's message kept.
      expect(late.roundTrips).toBe(4);
      const signup = demo.cloud.store
        .docs('volunteer_signups')
        .find((s) => s.activityId === a.id && s.openid === v[5])!;
      expect(signup).toMatchObject({ state: 'cancelled', late: true, lateCancels: 1 });
      // Their record sums their sign-ups' late cancellations; the one who was waiting has none.
      expect(await demo.ok('volunteering', v[5]!, 'myHours', {})).toMatchObject({ lateCancels: 1 });
      expect(await demo.ok('volunteering', v[5]!, 'myVolunteer')).toMatchObject({ lateCancels: 1 });
      expect(await demo.ok('volunteering', v[7]!, 'myHours', {})).toMatchObject({ lateCancels: 0 });
      expect(promotedTo()).toContain(v[6]);
      // From an hour before the start, a sign-up can no longer be withdrawn.
      demo.cloud.clock.advance(13.5 * H);
      const before = volunteeringState(demo);
      expect(await cancel(v[6]!, a.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(volunteeringState(demo)).toBe(before);
    } finally {
      demo.cloud.clock.advance(-29.5 * H);
    }
  });
});

describe('sign-up windows and who may sign up', () => {
  it('refuses before it opens, after it closes, and anyone who is not a volunteer — writing nothing', async () => {
    const now = demo.cloud.clock.now();
    const later = await createActivity(demo, {
      startsInH: 100,
      signupOpensAt: new Date(now + 24 * H).toISOString(),
      signupClosesAt: new Date(now + 48 * H).toISOString(),
      cancelDeadline: new Date(now + 48 * H).toISOString(),
    });
    const before = volunteeringState(demo);
    expect(await signUp(v[1]!, later.id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '报名还没有开始' },
    });
    demo.cloud.clock.advance(50 * H);
    try {
      expect(await signUp(v[1]!, later.id)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: '报名已截止' },
      });
    } finally {
      demo.cloud.clock.advance(-50 * H);
    }
    const open = await createActivity(demo);
    const afterCreate = volunteeringState(demo);
    expect(await signUp(ZHANG, open.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await signUp(v[1]!, 'no-such-activity')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await signUp(v[1]!, '')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(volunteeringState(demo)).toBe(afterCreate);
    expect(before).not.toBe(afterCreate);
  });
});

describe('an organizer calling an activity off', () => {
  it('tells everyone signed up or waiting; sign-ups stop', async () => {
    const a = await createActivity(demo, { capacity: 1 });
    await signUp(v[1]!, a.id);
    await signUp(v[2]!, a.id);
    expect(
      await demo.call('volunteering', v[1]!, 'cancelActivity', { activityId: a.id, reason: '下雨' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const r = await demo.call('volunteering', MOLING_ADMIN, 'cancelActivity', {
      activityId: a.id,
      reason: '暴雨预警，改期举行',
    });
    expect(r.roundTrips).toBe(3); // caller with the activity, the update, everyone's messages kept in one write
    expect(r).toMatchObject({ ok: true, data: { phase: 'cancelled', cancelReason: '暴雨预警，改期举行' } });
    const told = demo.cloud.outbox.list({ templateId: 'local-vol_cancelled' }).map((m) => m.touser);
    expect(told.sort()).toEqual([v[1], v[2]].sort());
    expect(await signUp(v[3]!, a.id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '活动已取消' },
    });
    expect(activityDoc(a.id).status).toBe('cancelled');
  });
});
