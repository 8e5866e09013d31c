/**
 * Claiming a need and following the donation, page by page against the real charity function: the needs list
 * (masked recipients), the need page (quantity, day, subscription consent, one pledge for a double tap), the
 * donation page (code, timeline, 核验), staff receiving it by scanning the code and sending it out, the recipient's
 * code entered at the door, 我的捐赠, and a tampered record caught by 核验. Each step checked in the store.
 */
import { openSupermarkets, registerDemoRecipients } from '../../../seed/charity';
import {
  closePage,
  fire,
  input,
  lastCall,
  loadPage,
  type LoadedPage,
  queueScan,
  resetWxRecorder,
  setSubscribeDecision,
  tap,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const ZHANG = 'demo-resident-zhang';
const LIN = 'demo-staff-xinyuan-1';
const LUKOU_ADMIN = 'demo-admin-lukou';
const WANG = 'demo-resident-wang';

let demo: DemoCloud;
let recipients: Record<string, string>;
let needId = '';

beforeAll(async () => {
  demo = await startPageCloud(ZHANG);
  await openSupermarkets(demo.cloud, demo.seed);
  recipients = await registerDemoRecipients(demo.cloud, demo.seed);
  const need = await demo.ok('charity', LUKOU_ADMIN, 'postNeed', {
    recipientId: recipients.zhao,
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 3,
    estimatedValue: 60,
    story: '老人腿脚不便，很少出门买粮，希望有几袋10斤装的大米。',
    deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
    idempotencyKey: 'page-need-rice',
  });
  needId = need.id;
}, 60_000);
afterAll(() => demo.close());

const donations = () => demo.cloud.store.docs('charity_donations');

async function open(openid: string, path: string, ready = true): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path);
  if (ready) await waitFor(() => page.data.status === 'ready');
  return page;
}

it('lists the need with the recipient masked, and never their name', async () => {
  const page = await open(ZHANG, 'packages/charity/pages/needs/index');
  expect(textOf(page, '#need-0')).toContain('大米 3袋');
  expect(textOf(page, '#need-0')).toContain('赵* · 85岁 · 禄口街道 · 新桥社区');
  expect(textOf(page, '#need-0')).toContain('还差 3袋');
  expect(document.body.textContent).not.toContain('赵桂兰');
  // 困境儿童: none of theirs yet.
  await tap(page, '#category-3');
  await waitFor(() => page.data.status === 'ready' && page.data.category === 'child');
  expect(textOf(page, '#empty')).toContain('都有人认领了');
  await closePage(page);
});

it('claims 2 of 3: consent asked first, a double tap pledges once, and the donation page opens', async () => {
  resetWxRecorder();
  const page = await open(ZHANG, `packages/charity/pages/need/index?id=${needId}`);
  expect(textOf(page, '#title')).toBe('大米 3袋');
  expect(textOf(page, '#supermarket')).toContain('禄口街道慈善超市');
  expect(textOf(page, '#claim')).toBe('认领 1袋');
  await fire(page, '#quantity', 'change', { value: 2 });
  expect(textOf(page, '#claim')).toBe('认领 2袋');
  setSubscribeDecision('accept');
  await Promise.all([tap(page, '#claim'), tap(page, '#claim')]);
  await waitFor(() => wxCalls('redirectTo').length > 0);
  expect(wxCalls('requestSubscribeMessage')).toHaveLength(1);
  expect(lastCall('requestSubscribeMessage')).toMatchObject({
    tmplIds: ['local-charity_received', 'local-charity_dispatched', 'local-charity_confirmed'],
  });
  expect(donations()).toHaveLength(1);
  expect(donations()[0]).toMatchObject({ quantity: 2, status: 'pledged', subscribed: true });
  expect(lastCall('redirectTo')).toMatchObject({
    url: `/packages/charity/pages/donation/index?id=${donations()[0]!._id}&new=1`,
  });
  await closePage(page);
});

it('shows the donation: the code to bring, the first step, and 核验 says the record is intact', async () => {
  const d = donations()[0]!;
  const page = await open(ZHANG, `packages/charity/pages/donation/index?id=${d._id}&new=1`);
  expect(textOf(page, '#fresh')).toContain('认领成功');
  expect(textOf(page, '#status')).toBe('已认捐，待送达');
  expect(textOf(page, '#code')).toBe(String(d.code));
  expect(textOf(page, '#who')).toBe('受助人：赵* · 85岁 · 禄口街道');
  expect(textOf(page, '#step-0')).toContain('认捐 2袋');
  expect(page.querySelector('#contact')).toBeFalsy();
  await tap(page, '#verify');
  await waitFor(() => page.data.verdict !== null);
  expect(textOf(page, '#verdict')).toContain('记录完整，没有被改动');
  expect(textOf(page, '#verdict')).toContain('共 1 步');
  await closePage(page);
});

it('staff scan the code at the counter and receive it (a second scan says it was received already)', async () => {
  const d = donations()[0]!;
  queueScan(String(d.code));
  const page = await open(LIN, 'packages/charity/pages/receive/index?scan=1', false);
  await waitFor(() => page.data.p !== null);
  expect(textOf(page, '#title')).toBe('大米 2袋');
  expect(textOf(page, '#who')).toBe('赵* · 85岁 · 禄口街道');
  await tap(page, '#receive');
  await waitFor(() => page.data.done !== '');
  expect(textOf(page, '#done')).toContain('已接收 2袋');
  expect(donations()[0]).toMatchObject({ status: 'received', receivedQuantity: 2 });
  queueScan(String(d.code));
  await tap(page, '#next');
  await waitFor(() => page.data.p !== null && page.data.done === '');
  expect(textOf(page, '#not-receivable')).toContain('超市已接收');
  await closePage(page);
  expect(demo.cloud.outbox.list({ touser: ZHANG }).map((m) => m.templateId)).toEqual([
    'local-charity_received',
  ]);
});

it('the staff member sends it out and, delivering it, sees where to go', async () => {
  const d = donations()[0]!;
  const page = await open(LIN, `packages/charity/pages/donation/index?id=${d._id}`);
  await tap(page, '#dispatch-delivery');
  await waitFor(() => page.data.d?.status === 'out_for_delivery');
  expect(textOf(page, '#contact')).toContain('赵桂兰');
  expect(textOf(page, '#contact')).toContain('新桥路36号2栋102');
  expect(page.querySelector('#confirm-code-block')).toBeFalsy();
  await closePage(page);
});

it('the donor follows it: 配送中, three steps, and no personal data of the recipient', async () => {
  const d = donations()[0]!;
  const page = await open(ZHANG, `packages/charity/pages/donation/index?id=${d._id}`);
  expect(textOf(page, '#status')).toBe('配送中');
  expect(textOf(page, '#timeline')).toContain('工作人员送货上门');
  expect(textOf(page, '#timeline')).toContain('收到 2袋，物品完好');
  expect(page.querySelector('#code-block')).toBeFalsy();
  expect(document.body.textContent).not.toContain('赵桂兰');
  await closePage(page);
});

it('at the door, the staff enter the recipient’s code (from the admin); the donor sees it delivered', async () => {
  const d = donations()[0]!;
  const admin = await open(LUKOU_ADMIN, `packages/charity/pages/recipient/index?id=${recipients.zhao}`);
  const code = textOf(admin, '#confirm-code-0').match(/\d{6}/)![0];
  await closePage(admin);

  const page = await open(LIN, `packages/charity/pages/donation/index?id=${d._id}`);
  await input(page, '#code-input', String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
  await tap(page, '#confirm-code-button');
  await waitFor(() => page.data.actionError !== '');
  expect(textOf(page, '#action-error')).toBe('收货码不对，还可以再试 4 次');
  await input(page, '#code-input', code);
  await tap(page, '#confirm-code-button');
  await waitFor(() => page.data.d?.status === 'confirmed');
  await closePage(page);

  const mine = await open(ZHANG, 'packages/charity/pages/mine/index');
  expect(textOf(mine, '#donation-0')).toContain('受助人已确认收到');
  expect(textOf(mine, '#donation-0')).toContain('共 4 步');
  await closePage(mine);
  expect(demo.cloud.outbox.list({ touser: ZHANG }).map((m) => m.templateId)).toEqual([
    'local-charity_received',
    'local-charity_dispatched',
    'local-charity_confirmed',
  ]);
});

it('核验 catches a step changed directly in the database, and names it', async () => {
  const d = donations()[0]!;
  demo.cloud.store.update(
    'charity_donations',
    { _id: d._id },
    { $set: { 'events.1.data.quantity': 3 } },
    { multi: false },
  );
  const page = await open(ZHANG, `packages/charity/pages/donation/index?id=${d._id}`);
  await tap(page, '#verify');
  await waitFor(() => page.data.verdict !== null);
  expect(textOf(page, '#verdict')).toContain('发现记录被改动');
  expect(textOf(page, '#verdict')).toContain('第 2 步的内容与其哈希不符');
  await closePage(page);
});

it('a recipient with the mini program confirms and thanks from 我收到的爱心', async () => {
  const need = await demo.ok('charity', LUKOU_ADMIN, 'postNeed', {
    recipientId: recipients.wang,
    item: '电热毯',
    itemCategory: 'appliance',
    unit: '床',
    quantity: 1,
    estimatedValue: 120,
    story: '独居老人，冬天夜里脚冷，想要一床电热毯。',
    deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
    idempotencyKey: 'page-need-blanket',
  });
  const d = await demo.ok('charity', ZHANG, 'claim', {
    needId: need.id,
    quantity: 1,
    pledgeBy: new Date(demo.cloud.clock.now() + 2 * 86_400_000).toISOString(),
    idempotencyKey: 'page-claim-blanket',
  });
  await demo.ok('charity', LIN, 'receive', { code: d.code!, condition: 'good' });
  await demo.ok('charity', LIN, 'dispatch', { donationId: d.id, mode: 'pickup' });

  const list = await open(WANG, 'packages/charity/pages/receipts/index');
  expect(textOf(list, '#donation-0')).toContain('电热毯 1床');
  expect(textOf(list, '#donation-0')).toContain('来自爱心人士 张*');
  expect(textOf(list, '#receipt-code-0')).toMatch(/收货码 \d{6}/);
  await closePage(list);

  const page = await open(WANG, `packages/charity/pages/donation/index?id=${d.id}`);
  await tap(page, '#confirm');
  await waitFor(() => page.data.d?.status === 'confirmed');
  await input(page, '#thanks-input', '谢谢好心人，晚上睡得暖和了');
  await tap(page, '#thank');
  await waitFor(() => page.data.d?.status === 'thanked');
  expect(textOf(page, '#thanks')).toContain('谢谢好心人，晚上睡得暖和了');
  await closePage(page);
  expect(demo.cloud.store.docs('charity_donations').find((x) => x._id === d.id)).toMatchObject({
    status: 'thanked',
  });
});
