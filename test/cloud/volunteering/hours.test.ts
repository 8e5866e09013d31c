/**
 * volunteering: the auto-close timer (forgotten check-outs flagged and capped, no-shows recorded), verification
 * and adjustment on the append-only ledger, my hours and badges, certificates anyone can check, and the CSV
 * export of the service record (names masked unless the exporter is an admin of that scope).
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { ActivityDetail, ExportResult } from '../../../cloudfunctions/volunteering/contract';
import {
  createActivity,
  H,
  HONGYE,
  LUKOU_ADMIN,
  makeVolunteers,
  MIN,
  MOLING_ADMIN,
  screenCode,
  SQUARE,
  volunteeringState,
  XINYUAN,
  ZHANG,
} from './helpers';

let demo: DemoCloud;
let v: string[];
let a: ActivityDetail;
let start: number;
let realNow: number;

const at = (offsetMs: number) => demo.cloud.clock.set(start + offsetMs);
const attend = async (who: string, action: 'checkIn' | 'checkOut', activityId = a.id) =>
  demo.ok('volunteering', who, action, {
    activityId,
    code: await screenCode(demo, activityId),
    location: SQUARE,
  });
const signup = (who: string, activityId = a.id) =>
  demo.cloud.store
    .docs('volunteer_signups')
    .find((s) => s.activityId === activityId && s.openid === who) as Record<string, unknown> & {
    _id: string;
  };
const entries = (who: string) =>
  demo.cloud.store.docs('volunteer_hours').filter((e) => e.signupId === signup(who)._id);

beforeAll(async () => {
  demo = await startDemoCloud();
  realNow = demo.cloud.clock.now();
  v = await makeVolunteers(demo, 'hv', 6);
  a = await createActivity(demo, { capacity: 3, startsInH: 2 });
  start = Date.parse(a.startAt);
  for (const who of v.slice(0, 4)) await demo.ok('volunteering', who, 'signUp', { activityId: a.id });
  at(-10 * MIN);
  await attend(v[0]!, 'checkIn');
  at(30 * MIN);
  await attend(v[1]!, 'checkIn');
  at(100 * MIN);
  await attend(v[0]!, 'checkOut');
});
afterAll(() => demo.close());

describe('the auto-close timer', () => {
  it('leaves an activity alone until the check-out grace is over', async () => {
    at(2 * H + 60 * MIN);
    const r = await demo.cloud.timers.fire('volunteering', 'closeAttendance');
    expect(r.ok).toBe(true);
    expect(signup(v[1]!).checkOutAt).toBeUndefined();
  });

  it('closes forgotten check-outs at the end, flagged and capped; records no-shows; completes the activity', async () => {
    at(2 * H + 121 * MIN);
    const fired = await demo.cloud.timers.fire('volunteering', 'closeAttendance');
    expect(fired.ok && JSON.parse(fired.resultJson)).toMatchObject({
      ok: true,
      data: { activities: 1, autoClosed: 1, credited: 1, noShows: 1 },
    });
    // 李 came 30 min late and never checked out: closed at the scheduled end, 90 min unverified, flagged.
    expect(signup(v[1]!)).toMatchObject({ autoClosed: true, checkOutAt: new Date(start + 2 * H) });
    expect(entries(v[1]!)).toEqual([
      expect.objectContaining({ n: 1, kind: 'credit', pendingDelta: 90, autoClosed: true, verified: false }),
    ]);
    expect(demo.cloud.outbox.list({ templateId: 'local-vol_autoclosed' }).map((m) => m.touser)).toEqual([
      v[1],
    ]);
    // The third seat holder never came; the one waiting is no no-show.
    expect(signup(v[2]!).noShow).toBe(true);
    expect(signup(v[3]!).noShow).toBeUndefined();
    const profiles = demo.cloud.store.docs('volunteers');
    expect(profiles.find((p) => p.openid === v[2])!.noShows).toBe(1);
    expect(profiles.find((p) => p.openid === v[0])!.noShows).toBe(0);
    const d = await demo.ok('volunteering', v[0]!, 'activityDetail', { activityId: a.id });
    expect(d.phase).toBe('completed');
  });

  it('a second run changes nothing', async () => {
    const before = volunteeringState(demo);
    const again = await demo.cloud.timers.fire('volunteering', 'closeAttendance');
    expect(again.ok && JSON.parse(again.resultJson)).toMatchObject({ data: { activities: 0 } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('shows the organizer the roster with attendance and hours to verify, names and phones in full', async () => {
    const r = await demo.call('volunteering', HONGYE, 'roster', { activityId: a.id });
    expect(r.roundTrips).toBe(3);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.counts).toEqual({ admitted: 3, waiting: 1, cancelled: 0, checkedIn: 2, toVerify: 2 });
    expect(
      r.data.items.map((i) => [
        i.realName,
        i.noShow ?? false,
        i.autoClosed ?? false,
        i.hours?.pendingMinutes,
      ]),
    ).toEqual([
      ['志愿者000', false, false, 110],
      ['志愿者001', false, true, 90],
      ['志愿者002', true, false, undefined],
    ]);
    expect(r.data.items[0]!.phone).toMatch(/^139\d{8}$/);
    const waiting = await demo.ok('volunteering', HONGYE, 'roster', {
      activityId: a.id,
      section: 'waiting',
    });
    expect(waiting.items.map((i) => [i.realName, i.position])).toEqual([['志愿者003', 1]]);
    for (const who of [v[0]!, XINYUAN, ZHANG])
      expect(await demo.call('volunteering', who, 'roster', { activityId: a.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
  });
});

describe('verification and adjustment', () => {
  it('is for the organizer only, writing nothing otherwise', async () => {
    const before = volunteeringState(demo);
    for (const who of [v[0]!, XINYUAN, LUKOU_ADMIN, ZHANG])
      expect(
        await demo.call('volunteering', who, 'verifyHours', { signupId: signup(v[0]!)._id }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(
      await demo.call('volunteering', XINYUAN, 'adjustHours', {
        signupId: signup(v[0]!)._id,
        deltaMinutes: 30,
        reason: '补录',
        idempotencyKey: 'forbidden-adjust',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('verifies as credited in 3 round trips, once, and tells the volunteer', async () => {
    const r = await demo.call('volunteering', HONGYE, 'verifyHours', { signupId: signup(v[0]!)._id });
    expect(r.roundTrips).toBe(3); // caller with the sign-up and its ledger, the insert, the message kept
    expect(r).toMatchObject({ ok: true, data: { pendingMinutes: 0, verifiedMinutes: 110, verified: true } });
    expect(demo.cloud.outbox.list({ templateId: 'local-vol_verified', touser: v[0] })).toHaveLength(1);
    expect(
      await demo.call('volunteering', MOLING_ADMIN, 'verifyHours', { signupId: signup(v[0]!)._id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('verifies an auto-closed check-out with the real minutes, but only with a reason', async () => {
    const id = signup(v[1]!)._id;
    expect(
      await demo.call('volunteering', HONGYE, 'verifyHours', { signupId: id, minutes: 60 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] },
    });
    const r = await demo.ok('volunteering', HONGYE, 'verifyHours', {
      signupId: id,
      minutes: 60,
      reason: '提前一小时离开',
    });
    expect(r).toEqual({ pendingMinutes: 0, verifiedMinutes: 60, verified: true });
    expect(entries(v[1]!).map((e) => [e.n, e.kind, e.pendingDelta, e.verifiedDelta, e.reason])).toEqual([
      [1, 'credit', 90, 0, undefined],
      [2, 'verify', -90, 60, '提前一小时离开'],
    ]);
  });

  it('records hours for someone who helped without checking in, with minutes and a reason', async () => {
    const r = await demo.ok('volunteering', MOLING_ADMIN, 'verifyHours', {
      signupId: signup(v[2]!)._id,
      minutes: 120,
      reason: '手机没电，现场登记',
    });
    expect(r).toMatchObject({ verifiedMinutes: 120 });
  });

  it('adjusts verified hours with a reason, append-only; a retried key is one adjustment; never below zero', async () => {
    const input = {
      signupId: signup(v[0]!)._id,
      deltaMinutes: 15,
      reason: '会后整理器材',
      idempotencyKey: 'adj-0001',
    };
    const r = await demo.call('volunteering', HONGYE, 'adjustHours', input);
    expect(r.roundTrips).toBe(3);
    expect(r).toMatchObject({ ok: true, data: { verifiedMinutes: 125, verified: true } });
    expect(await demo.ok('volunteering', HONGYE, 'adjustHours', input)).toMatchObject({
      verifiedMinutes: 125,
    });
    expect(entries(v[0]!).map((e) => e.kind)).toEqual(['credit', 'verify', 'adjust']);
    const before = volunteeringState(demo);
    expect(
      await demo.call('volunteering', HONGYE, 'adjustHours', {
        ...input,
        deltaMinutes: -500,
        idempotencyKey: 'adj-0002',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('verifies a whole activity in one tap (3 round trips); a second tap finds nothing left', async () => {
    demo.cloud.clock.set(realNow);
    const b = await createActivity(demo, {
      title: '快乐4点半',
      skills: ['课业辅导'],
      capacity: 5,
      startsInH: 1,
    });
    const bStart = Date.parse(b.startAt);
    for (const who of [v[0]!, v[4]!, v[5]!])
      await demo.ok('volunteering', who, 'signUp', { activityId: b.id });
    demo.cloud.clock.set(bStart);
    for (const who of [v[0]!, v[4]!]) await attend(who, 'checkIn', b.id);
    demo.cloud.clock.set(bStart + 60 * MIN);
    for (const who of [v[0]!, v[4]!]) await attend(who, 'checkOut', b.id);
    const r = await demo.call('volunteering', HONGYE, 'verifyAllHours', { activityId: b.id });
    expect(r.roundTrips).toBe(3); // caller with the activity and its ledger, the insert, both messages kept in one write
    expect(r).toMatchObject({ ok: true, data: { verified: 2, minutes: 120 } });
    expect(await demo.ok('volunteering', HONGYE, 'verifyAllHours', { activityId: b.id })).toEqual({
      verified: 0,
      minutes: 0,
    });
    expect(await demo.call('volunteering', v[0]!, 'verifyAllHours', { activityId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('my hours and certificates', () => {
  it('totals verified and unverified hours with badges and the record, in 2 round trips', async () => {
    const r = await demo.call('volunteering', v[0]!, 'myHours', {});
    expect(r.roundTrips).toBe(2); // the caller with profile, points rule and late cancellations; the ledger
    expect(r).toMatchObject({
      ok: true,
      data: {
        verifiedMinutes: 185,
        pendingMinutes: 0,
        activityCount: 2,
        badge: { name: '初心志愿者' },
        nextBadge: { name: '一星志愿者', minutesToGo: 100 * 60 - 185 },
        lateCancels: 0,
        noShows: 0,
      },
    });
    // Newest first: the drill starts an hour after the after-school session.
    expect(r.ok && r.data.items.map((i) => [i.activityTitle, i.verifiedMinutes])).toEqual([
      ['地震逃生演练', 125],
      ['快乐4点半', 60],
    ]);
    const noShow = await demo.ok('volunteering', v[2]!, 'myHours', {});
    expect(noShow.noShows).toBe(1);
  });

  it('issues a certificate with a code anyone can check (masked); a retried key gives the same one', async () => {
    const r = await demo.call('volunteering', v[0]!, 'issueCertificate', {
      idempotencyKey: 'cert-0001',
    });
    expect(r.roundTrips).toBe(3);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data).toMatchObject({ realName: '志愿者000', verifiedHours: '3.1', activityCount: 2 });
    expect(r.data.organizerNames).toEqual(['南京红叶社会工作服务社']);
    const again = await demo.ok('volunteering', v[0]!, 'issueCertificate', {
      idempotencyKey: 'cert-0001',
    });
    expect(again.code).toBe(r.data.code);
    expect(demo.cloud.store.docs('volunteer_certificates')).toHaveLength(1);

    const check = await demo.call('volunteering', ZHANG, 'verifyCertificate', {
      code: r.data.code.toLowerCase().replace(/-/g, ' '),
    });
    expect(check.roundTrips).toBe(1);
    expect(check).toMatchObject({
      ok: true,
      data: { valid: true, code: r.data.code, realNameMasked: '志*', verifiedHours: '3.1', activityCount: 2 },
    });
    expect(JSON.stringify(check)).not.toContain('志愿者000');
    expect(
      await demo.ok('volunteering', ZHANG, 'verifyCertificate', { code: '0000-0000-0000-0000' }),
    ).toMatchObject({
      valid: false,
    });
    expect(await demo.ok('volunteering', ZHANG, 'verifyCertificate', { code: 'not a code' })).toMatchObject({
      valid: false,
    });
    // Nothing verified yet: no certificate.
    expect(
      await demo.call('volunteering', v[3]!, 'issueCertificate', { idempotencyKey: 'cert-0002' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('the CSV export of the service record', () => {
  const period = () => ({
    from: new Date(realNow - 24 * H).toISOString(),
    to: new Date(realNow + 7 * 24 * H).toISOString(),
  });
  const download = async (r: ExportResult) => {
    const res = await fetch(r.url);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer()).toString('utf8');
  };

  it('gives an admin of the scope the names in full, in 2 round trips', async () => {
    const r = await demo.call('volunteering', MOLING_ADMIN, 'exportRecords', period());
    expect(r.roundTrips).toBe(2);
    if (!r.ok) throw new Error(r.error.message);
    // Three sign-ups with hours at the drill, two at the after-school session.
    expect(r.data).toMatchObject({ rows: 5, namesMasked: false });
    expect(r.data.fileId).toMatch(/^cloud:\/\/.+\.csv$/);
    const csv = await download(r.data);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '序号,志愿者姓名,活动名称,服务日期,服务时长（小时）,组织单位,服务地点,记录状态,备注',
    );
    expect(lines).toHaveLength(6);
    expect(csv).toContain('志愿者000,地震逃生演练');
    expect(csv).toMatch(
      /志愿者001,地震逃生演练,\d{4}-\d\d-\d\d,1,南京红叶社会工作服务社,秣陵社区,已确认,系统自动签退；提前一小时离开/,
    );
    // The district admin's scope includes 秣陵 too.
    expect((await demo.ok('volunteering', 'demo-admin-jiangning', 'exportRecords', period())).rows).toBe(5);
  });

  it('gives the organization staff masked names, and only their own activities', async () => {
    const r = await demo.ok('volunteering', HONGYE, 'exportRecords', period());
    expect(r).toMatchObject({ rows: 5, namesMasked: true });
    const csv = await download(r);
    expect(csv).toContain('志*,地震逃生演练');
    expect(csv).not.toContain('志愿者000');
    expect(await demo.ok('volunteering', XINYUAN, 'exportRecords', period())).toMatchObject({
      rows: 0,
    });
  });

  it('is refused to residents, volunteers and admins of another scope; checks the period', async () => {
    for (const who of [ZHANG, v[0]!])
      expect(await demo.call('volunteering', who, 'exportRecords', period())).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(
      await demo.call('volunteering', LUKOU_ADMIN, 'exportRecords', { ...period(), scopeId: 'jn-moling' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await demo.ok('volunteering', LUKOU_ADMIN, 'exportRecords', period())).rows).toBe(0);
    const p = period();
    expect(
      await demo.call('volunteering', MOLING_ADMIN, 'exportRecords', { from: p.to, to: p.from }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const earlier = {
      from: new Date(realNow - 30 * 24 * H).toISOString(),
      to: new Date(realNow - 24 * H).toISOString(),
    };
    expect((await demo.ok('volunteering', MOLING_ADMIN, 'exportRecords', earlier)).rows).toBe(0);
  });
});
