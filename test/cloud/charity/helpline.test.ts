/**
 * A recipient has someone to call: on a donation coming to her, 王奶奶 gets her community's hotline (else her
 * street's), or the supermarket's phone while there is none; nobody else gets it. On the demo's 电热毯, on its way to her.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const HE = 'demo-staff-xinyuan-2';
const LUKOU = 'demo-admin-lukou';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo.close());

const blanket = () =>
  String(demo.cloud.store.docs('charity_donations').find((d) => d.item === '电热毯')!._id);
const view = (openid: string) => demo.ok('charity', openid, 'donation', { donationId: blanket() });
const setHotline = (hotline: string | undefined, placeId = 'jn-lukou-lukou') =>
  demo.cloud.store.update(
    'places',
    { _id: placeId },
    hotline ? { $set: { hotline } } : { $unset: { hotline: '' } },
    { multi: false },
  );

it('the recipient gets the supermarket’s phone while her community has no hotline, with her code', async () => {
  // The demo gives 禄口社区 and 禄口街道 hotlines: without both, the supermarket's phone.
  setHotline(undefined);
  setHotline(undefined, 'jn-lukou');
  const d = await view(WANG);
  expect(d.helpline).toEqual({ name: '禄口街道慈善超市', phone: '025-52101234' });
  expect(d.confirmCode).toMatch(/^\d{6}$/);
  expect(d.can.confirm).toBe(true);
});

it('her community’s hotline before her street’s; the donor, the staff and the admin get none', async () => {
  setHotline('96890', 'jn-lukou');
  setHotline('025-52100001');
  try {
    expect((await view(WANG)).helpline).toEqual({ name: '禄口社区', phone: '025-52100001' });
    setHotline(undefined);
    expect((await view(WANG)).helpline).toEqual({ name: '禄口街道', phone: '96890' });
    for (const openid of [ZHANG, HE, LUKOU]) expect((await view(openid)).helpline).toBeUndefined();
    const reply = await demo.call('charity', WANG, 'donation', { donationId: blanket() });
    expect(reply.roundTrips).toBeLessThanOrEqual(1);
  } finally {
    setHotline(undefined);
    setHotline(undefined, 'jn-lukou');
  }
});
