/**
 * 服务工单 by distance, against the real services function: "离我近的排前面" asks for the phone's location and lists
 * the work orders nearest first with how far each is; a refused location is said plainly and the list stays by time.
 */
import { closePage, loadPage, setLocation, tap, waitFor, type LoadedPage } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const WANG = 'demo-resident-wang';
const LIN = 'demo-staff-xinyuan-1';
const HE = 'demo-staff-xinyuan-2';
/** 禄口社区's centre as the services function keeps it (domain/places.ts). */
const LUKOU = { latitude: 31.737, longitude: 118.866 };

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(LIN);
  const { id: itemId } = await demo.ok('services', LIN, 'proposeItem', {
    name: '助浴上门',
    category: '助浴',
    priceType: 'voucher',
    priceYuan: 30,
    eligibility: ['age80'],
    communityIds: ['jn-lukou-lukou'],
    capacityPerSlot: 2,
    idempotencyKey: 'page-near-item',
  });
  await demo.ok('services', 'demo-admin-lukou', 'reviewItem', { itemId, decision: 'approve' });
  const detail = await demo.ok('services', WANG, 'itemDetail', {
    itemId,
  });
  const slot = detail.slots.find((s) => s.left > 0)!.key;
  await demo.ok('services', WANG, 'placeOrder', { itemId, slot, idempotencyKey: 'page-near-order' });
}, 60_000);
afterAll(() => demo.close());

async function open(): Promise<LoadedPage> {
  switchUser(HE);
  const page = await loadPage('packages/services/pages/work/index');
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('lists the work orders nearest first with how far each is, and back by time', async () => {
  const page = await open();
  expect(textOf(page, '#line-0')).toContain('王* · 禄口社区');
  expect(textOf(page, '#line-0')).not.toContain('离您约');
  expect(textOf(page, '#by-distance')).toBe('离我近的排前面');

  // 1.2 km north of the community's centre.
  setLocation({ latitude: LUKOU.latitude + 0.0108, longitude: LUKOU.longitude });
  await tap(page, '#by-distance');
  await waitFor(() => page.data.status === 'ready' && page.data.byDistance === true);
  expect(textOf(page, '#line-0')).toContain('王* · 禄口社区 · 离您约 1.2 公里');
  expect(textOf(page, '#by-distance')).toBe('正按距离排，点此按时间排');

  // The other tabs follow the same order.
  await tap(page, '#tab-mine');
  await waitFor(() => page.data.status === 'ready' && page.data.tab === 'mine');
  expect(textOf(page, '#empty')).toBe('暂时没有工单');
  await tap(page, '#tab-incoming');
  await waitFor(() => page.data.status === 'ready' && page.data.tab === 'incoming');
  expect(textOf(page, '#line-0')).toContain('离您约 1.2 公里');

  await tap(page, '#by-distance');
  await waitFor(() => page.data.status === 'ready' && page.data.byDistance === false);
  expect(textOf(page, '#line-0')).not.toContain('离您约');
  await closePage(page);
});

it('says plainly when the location is refused, and keeps the list by time', async () => {
  const page = await open();
  setLocation(null);
  await tap(page, '#by-distance');
  await waitFor(() => Boolean(page.querySelector('#location-problem')));
  expect(textOf(page, '#location-problem')).toBe(
    '没能获取您的位置。允许使用位置后，可以把离您近的工单排在前面。',
  );
  expect(page.data.byDistance).toBe(false);
  expect(textOf(page, '#line-0')).not.toContain('离您约');
  await closePage(page);
});
