/**
 * Text hygiene through the local cloud with the real SDK: hostile characters in what people type are removed
 * before anything is stored, text made only of them is refused with nothing written, multi-line fields keep
 * their line breaks, and a subscription message never carries them — not even from text stored before the
 * rule existed.
 */
import { isCleanText } from '../../cloudfunctions/common/text';
import { connectSdk, type WxServerSdk } from '../support/localcloud';
import { C, key, P, startServicesDemo, type ServicesDemo } from '../support/services/demoServices';

let demo: ServicesDemo;
let sdk: WxServerSdk;
beforeAll(async () => {
  demo = await startServicesDemo();
  sdk = connectSdk(demo.cloud);
});
afterAll(() => demo.close());

const userDoc = (openid: string) => demo.cloud.store.docs('users').find((u) => u.openid === openid)!;

it('a nickname with NUL, an ANSI escape and a right-to-left override is stored and shown clean', async () => {
  const me = await demo.ok('account', P.zhang, 'updateProfile', {
    nickname: ' \u202e张\u0000明\u001b[31m同学\u2066 ',
  });
  expect(me.nickname).toBe('张明同学');
  expect(userDoc(P.zhang).nickname).toBe('张明同学');
});

it('text made only of invisible characters is refused, and nothing is written', async () => {
  const before = JSON.stringify(userDoc(P.zhang));
  const reply = await demo.call('account', P.zhang, 'updateProfile', {
    nickname: '\u202e\u0000\u001b[0m\u200f',
  });
  expect(reply).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'nickname' }] },
  });
  expect(JSON.stringify(userDoc(P.zhang))).toBe(before);
});

it('multi-line text keeps its line breaks (unified), single-line text gets spaces', async () => {
  const item = await demo.sok(P.lin, 'proposeItem', {
    name: '上门\n理发\u202e',
    category: '助洁',
    description: '理发师带工具上门\r\n剪发、修面\u0000',
    unit: '次',
    priceType: 'lowcost',
    priceYuan: 10,
    eligibility: [],
    communityIds: [C.lukou],
    capacityPerSlot: 3,
    durationMinutes: 40,
    idempotencyKey: key('hygiene'),
  });
  const doc = demo.cloud.store.docs('service_items').find((d) => d._id === item.id)!;
  expect(doc.name).toBe('上门 理发');
  expect(doc.description).toBe('理发师带工具上门\n剪发、修面');
});

it('a subscription message is cleaned even when the text was stored before the rule', async () => {
  const item = await demo.sok(P.lin, 'proposeItem', {
    name: '陪同就医',
    category: '助医',
    description: '陪同老人去医院',
    unit: '次',
    priceType: 'lowcost',
    priceYuan: 20,
    eligibility: [],
    communityIds: [C.lukou],
    capacityPerSlot: 3,
    durationMinutes: 60,
    idempotencyKey: key('legacy'),
  });
  // Written straight to the database, as old data would be, past every schema.
  await sdk
    .database()
    .collection('service_items')
    .doc(item.id)
    .update({ data: { name: '陪同\u202e就医\u001b[5m\u0000' } });
  await demo.sok(P.lukou, 'reviewItem', { itemId: item.id, decision: 'approve' });
  const sent = demo.cloud.outbox.list({ touser: P.lin, templateId: 'local-item_reviewed' });
  expect(sent.length).toBeGreaterThan(0);
  const last = sent[sent.length - 1]!;
  expect(last.data.thing1).toEqual({ value: '陪同就医' });
  for (const field of Object.values(last.data)) expect(isCleanText(field.value, false)).toBe(true);
});
