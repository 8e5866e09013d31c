/**
 * Calling from the order page against the real services function, per role: 王奶奶 and the neighbour who
 * ordered see 谁来上门 and call the worker's work number; the worker sees no such card; the admin whose
 * callback is due dials the resident's number. wx.makePhoneCall is checked for the number it was given.
 */
import {
  closePage,
  lastCall,
  loadPage,
  type LoadedPage,
  resetWxRecorder,
  tap,
  waitFor,
} from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang', { full: true });
}, 180_000);
afterAll(() => demo.close());

const orderOf = (itemName: string) =>
  String(demo.cloud.store.docs('service_orders').find((o) => o.itemName === itemName)!._id);

async function open(openid: string, itemName: string): Promise<LoadedPage> {
  switchUser(openid);
  resetWxRecorder();
  const page = await loadPage(`packages/services/pages/order/index?id=${orderOf(itemName)}`);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it.each([
  ['the person served', 'demo-resident-wang'],
  ['the neighbour who ordered', 'demo-resident-zhang'],
])('%s calls the worker’s work number from 谁来上门', async (_who, openid) => {
  const page = await open(openid, '陪同就医');
  expect(textOf(page, '#worker')).toContain('谁来上门');
  expect(textOf(page, '#worker-name')).toBe('心苑 社工小林');
  await tap(page, '#call-worker');
  expect(lastCall('makePhoneCall')).toEqual({ phoneNumber: '13905179011' });
  await closePage(page);
});

it('she sees her own phone and address in full, and is told when the organization confirms', async () => {
  const accepted = await open('demo-resident-wang', '陪同就医');
  expect(textOf(accepted, '#phone')).toBe('13851700101');
  expect(textOf(accepted, '#address')).toBe('江宁区禄口街道禄口社区花园路12号3栋201');
  await closePage(accepted);
  const waiting = await open('demo-resident-wang', '助餐送餐上门');
  expect(waiting.querySelector('#worker')).toBeFalsy();
  expect(textOf(waiting, '#confirm-by')).toMatch(/^机构会在 .+ 前确认$/);
  expect(waiting.querySelector('#deadline')).toBeFalsy();
  await closePage(waiting);
});

it('the worker who accepted sees no 谁来上门 and calls the resident', async () => {
  const page = await open('demo-staff-xinyuan-1', '陪同就医');
  expect(page.querySelector('#worker')).toBeFalsy();
  await tap(page, '#call');
  expect(lastCall('makePhoneCall')).toEqual({ phoneNumber: '13851700101' });
  await closePage(page);
});

it('the admin’s phone callback shows the number and dials it', async () => {
  const page = await open('demo-admin-lukou', '居家保洁');
  expect(textOf(page, '#call')).toContain('13851700101');
  await tap(page, '#call');
  expect(lastCall('makePhoneCall')).toEqual({ phoneNumber: '13851700101' });
  await closePage(page);
});

it('我的预约 names her own orders 您本人; the neighbour who ordered sees her masked', async () => {
  const lineOf = async (openid: string) => {
    switchUser(openid);
    const page = await loadPage('packages/services/pages/orders/index');
    await waitFor(() => page.data.status === 'ready');
    const lines = page.data.items as { title: string; description: string }[];
    const line = lines.find((l) => l.title.startsWith('陪同就医'))!;
    await closePage(page);
    return line.description;
  };
  expect(await lineOf('demo-resident-wang')).toContain('您本人 · 禄口社区');
  expect(await lineOf('demo-resident-zhang')).toContain('王* · 禄口社区');
});
