/**
 * 首页's 慈善超市 section against the real charity function: a donor is reminded what to bring and by when; a
 * recipient with the mini program is told something is on its way to confirm; people with neither see nothing.
 */
import { openSupermarkets, registerDemoRecipients } from '../../../seed/charity';
import { closePage, cloudCalls, flush, loadPage, tap, waitFor, lastCall } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

let demo: DemoCloud;
let donationId = '';

beforeAll(async () => {
  demo = await startPageCloud('demo-resident-zhang');
  await openSupermarkets(demo.cloud, demo.seed);
  const recipients = await registerDemoRecipients(demo.cloud, demo.seed);
  const need = await demo.ok('charity', 'demo-admin-lukou', 'postNeed', {
    recipientId: recipients.wang,
    item: '电热毯',
    itemCategory: 'appliance',
    unit: '床',
    quantity: 2,
    estimatedValue: 120,
    story: '独居老人，冬天夜里脚冷，想要一床电热毯。',
    deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
    idempotencyKey: 'home-need-blanket',
  });
  const claim = (key: string) =>
    demo.ok('charity', 'demo-resident-zhang', 'claim', {
      needId: need.id,
      quantity: 1,
      pledgeBy: new Date(demo.cloud.clock.now() + 2 * 86_400_000).toISOString(),
      idempotencyKey: key,
    });
  await claim('home-claim-pledged');
  const sent = await claim('home-claim-sent');
  donationId = sent.id;
  await demo.ok('charity', 'demo-staff-xinyuan-1', 'receive', { code: sent.code!, condition: 'good' });
  await demo.ok('charity', 'demo-staff-xinyuan-1', 'dispatch', { donationId: sent.id, mode: 'delivery' });
}, 60_000);
afterAll(() => demo.close());

async function home(openid: string) {
  switchUser(openid);
  const page = await loadPage('pages/home/index');
  await waitFor(() => page.data.status === 'ready');
  await waitFor(() => !JSON.stringify(page.data).includes('"loading":true'));
  return page;
}

it('reminds the donor what to bring, where and by when', async () => {
  const page = await home('demo-resident-zhang');
  await waitFor(() => textOf(page, '#section-charity') !== '');
  expect(textOf(page, '#section-charity')).toContain('把电热毯送到禄口街道慈善超市');
  expect(textOf(page, '#section-charity')).toMatch(/\d+月\d+日前/);
  await closePage(page);
});

it('tells the recipient something is on its way, and opens it', async () => {
  const page = await home('demo-resident-wang');
  await waitFor(() => textOf(page, '#section-charity') !== '');
  expect(textOf(page, '#section-charity')).toContain('好心人送您电热毯，收到后请确认');
  await tap(page, '#section-charity .section__item');
  expect(lastCall('navigateTo')).toMatchObject({
    url: `/packages/charity/pages/donation/index?id=${donationId}`,
  });
  await closePage(page);
});

it('shows nothing to someone with neither', async () => {
  const page = await home('demo-resident-chen');
  // Both of the section's calls have been answered (however long that took), and the page has had its turn.
  const answered = (action: string) =>
    cloudCalls().some(
      (c) =>
        c.user === 'demo-resident-chen' &&
        c.name === 'charity' &&
        (c.data as { action?: string }).action === action &&
        (c.result !== undefined || c.error !== undefined),
    );
  await waitFor(() => answered('myReceipts') && answered('myDonations'));
  await flush();
  expect(page.querySelector('#section-charity')).toBeFalsy();
  await closePage(page);
});
