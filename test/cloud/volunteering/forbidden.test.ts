/**
 * volunteering: the forbidden paths per role. Every organizer action is FORBIDDEN to residents, volunteers, staff
 * of another organization and admins of another street; volunteer actions to residents who are not volunteers;
 * and a refused call writes nothing. Identity fields in the event are refused outright.
 */
import { startDemoCloud, type DemoCloud, type LazyCall } from '../../support/demo';
import {
  becomeVolunteers,
  createActivity,
  HONGYE,
  LUKOU_ADMIN,
  MIN,
  MOLING_ADMIN,
  screenCode,
  SQUARE,
  volunteeringState,
  XINYUAN,
  ZHANG,
  ZHAO,
  WANG,
} from './helpers';

let demo: DemoCloud;
let activityId: string;
let signupId: string;
beforeAll(async () => {
  demo = await startDemoCloud();
  await becomeVolunteers(demo, [ZHAO]);
  const a = await createActivity(demo, { capacity: 2, startsInH: 2 });
  activityId = a.id;
  await demo.ok('volunteering', ZHAO, 'signUp', { activityId });
  signupId = demo.cloud.store.docs('volunteer_signups')[0]!._id as string;
  // During the activity, so that the time windows are open and only the role decides.
  demo.cloud.clock.set(Date.parse(a.startAt) + 10 * MIN);
  const code = await screenCode(demo, activityId);
  await demo.ok('volunteering', ZHAO, 'checkIn', { activityId, code, location: SQUARE });
  demo.cloud.clock.set(Date.parse(a.endAt) + 1 * MIN);
});
afterAll(() => demo.close());

const organizerActions: LazyCall<'volunteering'>[] = [
  { action: 'updateActivity', input: () => ({ activityId, capacity: 9 }) },
  { action: 'cancelActivity', input: () => ({ activityId, reason: '取消' }) },
  { action: 'checkinCode', input: () => ({ activityId }) },
  { action: 'roster', input: () => ({ activityId }) },
  { action: 'suggestVolunteers', input: () => ({ activityId }) },
  { action: 'verifyHours', input: () => ({ signupId, minutes: 60, reason: '补录' }) },
  { action: 'verifyAllHours', input: () => ({ activityId }) },
  {
    action: 'adjustHours',
    input: () => ({ signupId, deltaMinutes: 30, reason: '补录', idempotencyKey: 'forbid-0001' }),
  },
];
const outsiders = [
  ['a resident', ZHANG],
  ['an 80+ resident', WANG],
  ['the volunteer signed up for it', ZHAO],
  ['staff of another organization', XINYUAN],
  ['an admin of another street', LUKOU_ADMIN],
] as const;

describe('organizer actions', () => {
  for (const [role, openid] of outsiders)
    for (const { action: act, input: payload } of organizerActions)
      it(`${act} is FORBIDDEN to ${role}, writing nothing`, async () => {
        const before = volunteeringState(demo);
        const r = await demo.call('volunteering', openid, act, payload());
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(volunteeringState(demo)).toBe(before);
        expect(demo.cloud.outbox.list({ functionName: 'volunteering' })).toEqual([]);
      });

  it('are allowed to the organization staff and to admins over the place', async () => {
    for (const who of [HONGYE, MOLING_ADMIN, 'demo-admin-jiangning'])
      expect(await demo.call('volunteering', who, 'roster', { activityId })).toMatchObject({ ok: true });
  });
});

describe('volunteer actions', () => {
  const volunteerActions: LazyCall<'volunteering'>[] = [
    { action: 'signUp', input: () => ({ activityId }) },
    { action: 'recommendActivities', input: () => ({}) },
    { action: 'myHours', input: () => ({}) },
    { action: 'updateVolunteer', input: () => ({ intro: '你好' }) },
  ];
  for (const { action: act, input: payload } of volunteerActions)
    it(`${act} is FORBIDDEN to a resident who is not a volunteer, writing nothing`, async () => {
      const before = volunteeringState(demo);
      expect(await demo.call('volunteering', ZHANG, act, payload())).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(volunteeringState(demo)).toBe(before);
    });

  it("cannot act on someone else's sign-up: cancelling and checking in go by the caller's identity only", async () => {
    const before = volunteeringState(demo);
    expect(await demo.call('volunteering', ZHANG, 'cancelSignUp', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await demo.call('volunteering', ZHANG, 'checkOut', {
        activityId,
        code: 'MLV1.x.0.AAAAAAAAAAAAAAAA',
        location: SQUARE,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(volunteeringState(demo)).toBe(before);
  });
});

describe('identity from the platform only', () => {
  it('refuses events that claim an identity, for every action', async () => {
    const before = volunteeringState(demo);
    for (const field of ['openid', 'userId', 'role', 'roles'])
      for (const act of ['signUp', 'createActivity', 'verifyHours', 'exportRecords'])
        expect(
          await demo.unchecked('volunteering', ZHANG, act, { [field]: 'demo-admin-jiangning', activityId }),
        ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: field }] } });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('refuses an unknown action and unknown fields', async () => {
    expect(await demo.unchecked('volunteering', ZHANG, 'dropTables', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await demo.unchecked('volunteering', ZHAO, 'signUp', { activityId, seats: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
