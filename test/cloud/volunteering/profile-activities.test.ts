/**
 * volunteering: becoming a volunteer (own choice, role with a self event), publishing and editing activities
 * (staff for their organization, admins in their scope), lists, recommendations and suggestions.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { ActivityDetail } from '../../../cloudfunctions/volunteering/contract';
import {
  activityInput,
  CHEN,
  createActivity,
  H,
  HONGYE,
  LUKOU_ADMIN,
  MOLING_ADMIN,
  northOf,
  SQUARE,
  volunteeringState,
  XINYUAN,
  ZHANG,
  ZHAO,
} from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const userDoc = (openid: string) =>
  demo.cloud.store.docs('users').find((u) => u.openid === openid) as Record<string, unknown> & {
    _id: string;
  };

describe('becoming a volunteer', () => {
  it('creates the profile and adds the role with a history event by self; personal data comes back masked', async () => {
    const r = await demo.call('volunteering', ZHAO, 'becomeVolunteer', {
      skills: ['应急救援', '秩序引导'],
      availability: { weekdays: [6, 0], slots: ['morning'] },
      location: SQUARE,
      intro: '退伍军人，熟悉应急疏散',
    });
    expect(r.roundTrips).toBe(3);
    expect(r).toMatchObject({
      ok: true,
      data: {
        isVolunteer: true,
        realNameMasked: '赵*',
        phoneMasked: '138****0105',
        skills: ['应急救援', '秩序引导'],
      },
    });
    expect(JSON.stringify(r)).not.toContain('赵磊');
    const u = userDoc(ZHAO);
    expect(u.roles).toEqual([expect.objectContaining({ role: 'volunteer', grantedBy: 'self' })]);
    expect(u.roleHistory).toEqual([
      expect.objectContaining({ kind: 'grant', role: 'volunteer', by: 'self' }),
    ]);
    const profile = demo.cloud.store.docs('volunteers').find((v) => v._id === u._id)!;
    expect(profile).toMatchObject({
      nameMasked: '赵*',
      communityName: '殷巷社区',
      noShows: 0,
    });
    // Late cancellations are counted on sign-ups (none yet), not kept twice on the profile.
    expect(profile).not.toHaveProperty('lateCancels');
    expect(r).toMatchObject({ data: { lateCancels: 0 } });
  });

  it('asking again changes nothing', async () => {
    const before = volunteeringState(demo);
    const r = await demo.call('volunteering', ZHAO, 'becomeVolunteer', { skills: [] });
    expect(r).toMatchObject({ ok: true, data: { isVolunteer: true, skills: ['应急救援', '秩序引导'] } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('needs a real name and phone for the service record, and writes nothing without them', async () => {
    await demo.ok('account', 'vol-new-1', 'login');
    await demo.ok('account', 'vol-new-1', 'updateProfile', {
      nickname: '小周',
      communityId: 'jn-moling-moling',
    });
    const before = volunteeringState(demo);
    const r = await demo.call('volunteering', 'vol-new-1', 'becomeVolunteer', { skills: ['理发'] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'realName' }, { path: 'phone' }] },
    });
    expect(volunteeringState(demo)).toBe(before);
    const ok = await demo.ok('volunteering', 'vol-new-1', 'becomeVolunteer', {
      realName: '周小川',
      phone: '13912345678',
      skills: ['理发'],
    });
    expect(ok).toMatchObject({ isVolunteer: true, realNameMasked: '周*', phoneMasked: '139****5678' });
    // Kept on the account, where the other capabilities read personal data.
    expect(userDoc('vol-new-1')).toMatchObject({ realName: '周小川', phone: '13912345678' });
  });

  it('refuses bad input and identity fields, writing nothing', async () => {
    const before = volunteeringState(demo);
    for (const payload of [
      { skills: ['飞行'] },
      { phone: '12345' },
      { serviceRadiusKm: 500 },
      { availability: { weekdays: [9], slots: [] } },
      { unknown: 1 },
      { role: 'admin' },
    ]) {
      const r = await demo.unchecked('volunteering', CHEN, 'becomeVolunteer', payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(volunteeringState(demo)).toBe(before);
  });

  it('refuses text that fails the content check', async () => {
    const before = volunteeringState(demo);
    const r = await demo.call('volunteering', CHEN, 'becomeVolunteer', { intro: '兼职刷单日结' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('cannot come back on their own once an admin ended their volunteering', async () => {
    await demo.ok('volunteering', CHEN, 'becomeVolunteer', { skills: ['陪伴聊天'] });
    await demo.ok('account', 'demo-admin-dongshan', 'revokeRole', {
      targetUserId: userDoc(CHEN)._id,
      targetRole: 'volunteer',
      reason: '多次无故缺席',
    });
    const r = await demo.call('volunteering', CHEN, 'becomeVolunteer', { skills: ['陪伴聊天'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // And without the role, signing up is refused.
    const a = await createActivity(demo);
    const s = await demo.call('volunteering', CHEN, 'signUp', { activityId: a.id });
    expect(s).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('edits skills and availability; myVolunteer shows the profile', async () => {
    const r = await demo.call('volunteering', ZHAO, 'updateVolunteer', {
      skills: ['应急救援', '秩序引导', '摄影宣传'],
      serviceRadiusKm: 8,
    });
    expect(r.roundTrips).toBe(3);
    expect(r).toMatchObject({
      ok: true,
      data: { skills: ['应急救援', '秩序引导', '摄影宣传'], serviceRadiusKm: 8 },
    });
    const me = await demo.call('volunteering', ZHAO, 'myVolunteer');
    expect(me.roundTrips).toBe(2);
    expect(me).toMatchObject({ ok: true, data: { isVolunteer: true, serviceRadiusKm: 8 } });
    const notYet = await demo.ok('volunteering', ZHANG, 'myVolunteer');
    expect(notYet).toMatchObject({ isVolunteer: false, needsRealName: false, needsPhone: false });
    expect(await demo.call('volunteering', ZHANG, 'updateVolunteer', { intro: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('publishing activities', () => {
  it('staff publish for their organization in a community it serves', async () => {
    const r = await demo.call('volunteering', HONGYE, 'createActivity', activityInput(demo));
    expect(r.roundTrips).toBe(3);
    expect(r).toMatchObject({
      ok: true,
      data: {
        organizerName: '南京红叶社会工作服务社',
        communityName: '秣陵社区',
        phase: 'open',
        capacity: 3,
        seatsLeft: 3,
        canManage: true,
        me: { standing: 'none' },
      },
    });
  });

  it('admins publish in their scope, as their place', async () => {
    const a = await demo.ok(
      'volunteering',
      LUKOU_ADMIN,
      'createActivity',
      activityInput(demo, { orgId: undefined, communityId: 'jn-lukou-lukou', title: '敬老院探访' }),
    );
    expect(a.organizerName).toBe('禄口街道');
  });

  it('a retried create (same key) makes one activity', async () => {
    const input = activityInput(demo, { title: '快乐4点半', skills: ['课业辅导', '儿童托管'] });
    const [x, y] = await Promise.all([
      demo.ok('volunteering', HONGYE, 'createActivity', input),
      demo.ok('volunteering', HONGYE, 'createActivity', input),
    ]);
    expect(x.id).toBe(y.id);
    expect(demo.cloud.store.docs('volunteer_activities').filter((a) => a._id === x.id)).toHaveLength(1);
  });

  it.each([
    ['a resident', ZHANG, {}],
    ['a volunteer', ZHAO, {}],
    ['staff of another organization', XINYUAN, {}],
    ['staff, for a community their organization does not serve', HONGYE, { communityId: 'jn-lukou-lukou' }],
    ['an admin outside their scope', LUKOU_ADMIN, { orgId: undefined }],
  ])('is FORBIDDEN to %s, writing nothing', async (_who, openid, over) => {
    const before = volunteeringState(demo);
    const r = await demo.call('volunteering', openid, 'createActivity', activityInput(demo, over));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('refuses impossible times with the fields at fault, writing nothing', async () => {
    const before = volunteeringState(demo);
    const now = demo.cloud.clock.now();
    const r = await demo.call('volunteering', HONGYE, 'createActivity', {
      ...activityInput(demo),
      startAt: new Date(now - H).toISOString(),
      endAt: new Date(now - 2 * H).toISOString(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const paths = r.ok ? [] : r.error.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['startAt', 'endAt']));
    for (const bad of [
      { capacity: 0 },
      { checkinRadiusM: 5 },
      { location: { latitude: 99, longitude: 0 } },
      { title: '' },
    ])
      expect(
        await demo.call('volunteering', HONGYE, 'createActivity', activityInput(demo, bad)),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    expect(
      await demo.call(
        'volunteering',
        HONGYE,
        'createActivity',
        activityInput(demo, { title: '网络赌博培训' }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(volunteeringState(demo)).toBe(before);
  });
});

describe('finding activities', () => {
  let near: ActivityDetail;
  let far: ActivityDetail;
  let visit: ActivityDetail;
  beforeAll(async () => {
    far = await createActivity(demo, { title: '远处的演练', location: northOf(5000), startsInH: 30 });
    near = await createActivity(demo, { title: '近处的演练', location: northOf(100), startsInH: 50 });
    visit = await createActivity(demo, {
      title: '高龄老人探访',
      skills: ['陪伴聊天'],
      startsInH: 40,
      location: northOf(2000),
    });
  });

  it('lists by date, soonest first, 20 a page, in one round trip', async () => {
    const r = await demo.call('volunteering', ZHANG, 'listActivities', {
      sort: 'date',
    });
    expect(r.roundTrips).toBe(1);
    const items = r.ok ? r.data.items : [];
    expect(items.length).toBeLessThanOrEqual(20);
    const starts = items.map((i) => i.startAt);
    expect([...starts].sort()).toEqual(starts);
    expect(JSON.stringify(items)).not.toContain('members');
  });

  it('lists near me, nearest first, with distances', async () => {
    const r = await demo.ok('volunteering', ZHANG, 'listActivities', {
      sort: 'near',
      location: SQUARE,
    });
    const ids = r.items.map((i) => i.id);
    expect(ids.indexOf(near.id)).toBeLessThan(ids.indexOf(visit.id));
    expect(ids.indexOf(visit.id)).toBeLessThan(ids.indexOf(far.id));
    expect(r.items.find((i) => i.id === near.id)!.distanceM).toBe(100);
    expect(await demo.call('volunteering', ZHANG, 'listActivities', { sort: 'near' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'location' }] },
    });
  });

  it('lists by skill', async () => {
    const r = await demo.ok('volunteering', ZHANG, 'listActivities', {
      skill: '陪伴聊天',
    });
    expect(r.items.map((i) => i.id)).toEqual([visit.id]);
  });

  it('recommends by skills, time and distance, with reasons; suggests fitting volunteers to organizers, masked', async () => {
    const r = await demo.call('volunteering', ZHAO, 'recommendActivities', { location: SQUARE });
    expect(r.roundTrips).toBe(2);
    const items = r.ok ? r.data.items : [];
    const scores = items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // A drill (his skill) 100 m away ranks above a visit (not his skill) 2 km away.
    expect(items.findIndex((i) => i.id === near.id)).toBeLessThan(items.findIndex((i) => i.id === visit.id));
    expect(items.find((i) => i.id === near.id)!.reasons).toContain('擅长应急救援');
    expect(await demo.call('volunteering', ZHANG, 'recommendActivities', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const s = await demo.call('volunteering', HONGYE, 'suggestVolunteers', {
      activityId: near.id,
    });
    expect(s.roundTrips).toBe(3);
    const zhao = (s.ok ? s.data.items : []).find((v) => v.nameMasked === '赵*');
    expect(zhao).toMatchObject({ matchedSkills: ['应急救援'], signedUp: false });
    expect(JSON.stringify(s)).not.toMatch(/赵磊|13851700105/);
    expect(await demo.call('volunteering', ZHAO, 'suggestVolunteers', { activityId: near.id })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
  });

  it('shows the detail with the caller standing and whether they organize it', async () => {
    const r = await demo.call('volunteering', ZHAO, 'activityDetail', {
      activityId: near.id,
    });
    expect(r.roundTrips).toBe(2);
    expect(r).toMatchObject({
      ok: true,
      data: { canManage: false, me: { standing: 'none' }, durationMinutes: 120 },
    });
    const admin = await demo.ok('volunteering', MOLING_ADMIN, 'activityDetail', {
      activityId: near.id,
    });
    expect(admin.canManage).toBe(true);
    expect(await demo.call('volunteering', ZHAO, 'activityDetail', { activityId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('lists the organizer their own activities only', async () => {
    const mine = await demo.call('volunteering', HONGYE, 'organizerActivities', {});
    expect(mine.roundTrips).toBe(2);
    const names = new Set((mine.ok ? mine.data.items : []).map((i) => i.organizerName));
    expect([...names]).toEqual(['南京红叶社会工作服务社']);
    expect(await demo.call('volunteering', ZHAO, 'organizerActivities', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
