/**
 * Someone to call: once an order is accepted, the resident side and admins see "谁来上门" — the staff member's
 * name and the work number their organization set (account.setWorkPhone), never the worker's own phone; the
 * person served sees her own name, phone and address unmasked; the admin whose callback is due gets the number
 * to dial. On the demo's orders: 陪同就医 (王奶奶's, ordered by 张明, accepted by 小林), 康复理疗上门 (in service
 * with 老何), 居家保洁 (done, waiting for the callback).
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const CHEN = 'demo-resident-chen';
const LIN = 'demo-staff-xinyuan-1';
const HE = 'demo-staff-xinyuan-2';
const SONG = 'demo-staff-hongye-1';
const LUKOU = 'demo-admin-lukou';
/** The workers' own phones (seed/demoPeople): they must never leave a function. */
const OWN_PHONES = ['13905170011', '13905170012', '13905170021'];
const WANG_PHONE = '13851700101';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo.close());

const orderOf = (itemName: string) =>
  String(demo.cloud.store.docs('service_orders').find((o) => o.itemName === itemName)!._id);
const user = (openid: string) => demo.cloud.store.docs('users').find((u) => u.openid === openid)!;
const xinyuan = () => String((user(LIN).roles as { orgId?: string }[]).find((g) => g.orgId)!.orgId);

async function detail(openid: string, itemName: string) {
  const reply = await demo.call('services', openid, 'orderDetail', { orderId: orderOf(itemName) });
  if (!reply.ok) throw new Error(reply.error.message);
  for (const phone of OWN_PHONES) expect(JSON.stringify(reply)).not.toContain(phone);
  expect(reply.roundTrips).toBeLessThanOrEqual(3);
  return reply.data;
}

describe('谁来上门 on an accepted order, by role', () => {
  it('the person served sees who comes and the work number, and her own data unmasked', async () => {
    const o = await detail(WANG, '陪同就医');
    expect(o.status).toBe('accepted');
    expect(o.worker).toEqual({ name: '心苑 社工小林', workPhone: '13905179011' });
    expect(o.phone).toBe(WANG_PHONE);
    expect(o.address).toBe('江宁区禄口街道禄口社区花园路12号3栋201');
    expect(o.beneficiaryName).toBe('王秀英');
    // Seeing her own data does not make her the one who may call her.
    expect(o.contactRevealed).toBe(false);
  });

  it('the neighbour who ordered and the community admin see the worker; her data stays masked to him', async () => {
    const byZhang = await detail(ZHANG, '陪同就医');
    expect(byZhang.worker?.workPhone).toBe('13905179011');
    expect(byZhang.phone).toBe('138****0101');
    expect(byZhang.beneficiaryName).toBe('王*');
    expect((await detail(LUKOU, '陪同就医')).worker?.workPhone).toBe('13905179011');
  });

  it('staff see no 谁来上门; the one who accepted sees her phone for the work, a colleague sees it masked', async () => {
    const lin = await detail(LIN, '陪同就医');
    expect(lin.worker).toBeUndefined();
    expect(lin.phone).toBe(WANG_PHONE);
    const he = await detail(HE, '陪同就医');
    expect(he.worker).toBeUndefined();
    expect(he.phone).toBe('138****0101');
  });

  it('in service it is the worker there now; before acceptance and after the work, nobody', async () => {
    expect((await detail(WANG, '康复理疗上门')).worker).toEqual({
      name: '心苑 护理员老何',
      workPhone: '13905179012',
    });
    expect((await detail(WANG, '助餐送餐上门')).worker).toBeUndefined();
    expect((await detail(WANG, '助浴上门')).worker).toBeUndefined();
  });
});

it('the admin whose callback is due gets the number to dial; the resident side does not get a callback', async () => {
  const o = await detail(LUKOU, '居家保洁');
  expect(o.can.callback).toBe(true);
  expect(o.contactRevealed).toBe(true);
  expect(o.phone).toBe(WANG_PHONE);
  const byZhang = await detail(ZHANG, '居家保洁');
  expect(byZhang.can.callback).toBe(false);
  expect(byZhang.phone).toBe('138****0101');
});

describe('account.setWorkPhone', () => {
  it('a colleague sets and clears it; the order shows the number as it is now', async () => {
    const heId = String(user(HE)._id);
    const org = xinyuan();
    expect(
      await demo.ok('account', LIN, 'setWorkPhone', {
        orgId: org,
        targetUserId: heId,
        workPhone: '025-52109988',
      }),
    ).toEqual({ workPhone: '025-52109988' });
    expect((await detail(WANG, '康复理疗上门')).worker?.workPhone).toBe('025-52109988');
    await demo.ok('account', HE, 'setWorkPhone', { orgId: org, workPhone: '' });
    expect((await detail(WANG, '康复理疗上门')).worker).toEqual({ name: '心苑 护理员老何' });
    // The worker's own phone was never touched.
    expect(user(HE).phone).toBe('13905170012');
    await demo.ok('account', HE, 'setWorkPhone', { orgId: org, workPhone: '13905179012' });
  });

  it('refuses others, names outside the organization and bad numbers, and writes nothing', async () => {
    const org = xinyuan();
    const before = JSON.stringify(user(LIN).roles);
    const asResident = await demo.call('account', CHEN, 'setWorkPhone', {
      orgId: org,
      targetUserId: String(user(LIN)._id),
      workPhone: '13900000000',
    });
    expect(asResident.ok || asResident.error.code).toBe('FORBIDDEN');
    const otherOrg = await demo.call('account', SONG, 'setWorkPhone', {
      orgId: org,
      targetUserId: String(user(LIN)._id),
      workPhone: '13900000000',
    });
    expect(otherOrg.ok || otherOrg.error.code).toBe('FORBIDDEN');
    const notStaff = await demo.call('account', LIN, 'setWorkPhone', {
      orgId: org,
      targetUserId: String(user(CHEN)._id),
      workPhone: '13900000000',
    });
    expect(notStaff.ok || notStaff.error.code).toBe('NOT_FOUND');
    const bad = await demo.call('account', LIN, 'setWorkPhone', { orgId: org, workPhone: '请打我手机' });
    expect(bad.ok || bad.error.code).toBe('INVALID_INPUT');
    const openid = await demo.unchecked('account', LIN, 'setWorkPhone', {
      orgId: org,
      workPhone: '13900000000',
      openid: CHEN,
    });
    expect(openid.ok).toBe(false);
    expect(JSON.stringify(user(LIN).roles)).toBe(before);
  });

  it('colleagues see each other’s work numbers on 我的机构', async () => {
    const [org] = await demo.ok('account', HE, 'listOrgs', { mine: true });
    expect(org.members).toContainEqual({
      id: String(user(LIN)._id),
      name: '林*',
      workPhone: '13905179011',
      me: false,
    });
    expect(org.members?.find((m) => m.me)?.id).toBe(String(user(HE)._id));
  });
});
