/**
 * 个人信息 against the real account function: a resident sees what is held about them, exports it (the link is
 * copied once; a second open is refused) and asks to delete the account, then cancels; the privacy policy lists
 * the same kinds of records the functions export and delete.
 */
import {
  closePage,
  fire,
  lastCall,
  loadPage,
  setModalConfirm,
  setPrivacyAgreed,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';
import { PERSONAL_DATA } from '../../../miniprogram/shared/personalData';

const MY_DATA = 'packages/account/pages/my-data/index';
const POLICY = 'packages/account/pages/privacy-policy/index';
const ME = 'demo-resident-zhang';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(ME, { full: true });
}, 180_000);
afterAll(() => demo.close());

const myId = () => String(demo.cloud.store.docs('users').find((u) => u.openid === ME)?._id);

it('shows what is held, exports it once, and copies the readable link', async () => {
  const page = await loadPage(MY_DATA);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#held')).toContain('我的服务订单');
  expect(textOf(page, '#held')).toContain('注销后保留记录，不再对应到您');
  await tap(page, '#make-export');
  await waitFor(() => page.data.exportId !== '');
  expect(textOf(page, '#export-ready')).toMatch(/\d{2}:\d{2}前可以取一次/);
  const exportDoc = demo.cloud.store.docs('account_exports').find((d) => d._id === page.data.exportId)!;
  expect(exportDoc.userId).toBe(myId());
  await tap(page, '#open-export');
  await waitFor(() => page.data.copied !== '');
  const copied = lastCall('setClipboardData') as { data: string };
  expect(copied.data).toMatch(/^https?:\/\//);
  expect(
    demo.cloud.store.docs('account_exports').find((d) => d._id === exportDoc._id)!.openedAt,
  ).toBeDefined();
  const again = await demo.call('account', ME, 'openExport', { exportId: String(exportDoc._id) });
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  await closePage(page);
});

it('asks before deleting the account, shows the cooling-off, and cancels it', async () => {
  const page = await loadPage(MY_DATA);
  await waitFor(() => page.data.status === 'ready');
  setModalConfirm(false);
  await tap(page, '#delete-account');
  expect(demo.cloud.store.docs('account_erasures')).toHaveLength(0);
  setModalConfirm(true);
  await tap(page, '#delete-account');
  await waitFor(() => page.data.erasureDue !== '');
  expect(demo.cloud.store.docs('account_erasures').map((d) => d._id)).toEqual([myId()]);
  expect(textOf(page, '#erasure-pending')).toMatch(/\d{4}年\d+月\d+日删除个人信息/);
  await tap(page, '#keep');
  await waitFor(() => page.data.erasureDue === '');
  expect(demo.cloud.store.docs('account_erasures')).toHaveLength(0);
  await closePage(page);
});

it('states in the policy every kind of record deletion treats, as the registry says', async () => {
  const page = await loadPage(POLICY);
  const kept = textOf(page, '#kept');
  for (const e of Object.values(PERSONAL_DATA).filter((x) => x.treatment !== 'none'))
    expect(kept).toContain(e.title);
  expect(kept).toContain('15 天');
  // The message centre's retention, as the privacy chores timer applies it.
  expect(textOf(page, '#kept-inbox_messages')).toContain('看过的保存 90 天，没看过的保存 365 天');
  await tap(page, '#my-data');
  expect(lastCall('navigateTo')).toMatchObject({ url: '/packages/account/pages/my-data/index' });
  await closePage(page);
});

it('opens the policy from the privacy authorization, before anything is collected', async () => {
  setPrivacyAgreed(false);
  const page = await loadPage('packages/account/pages/profile/index');
  await waitFor(() => textOf(page, '#privacy >>> #privacy-policy-link') === '睦邻隐私政策');
  await tap(page, '#privacy >>> #privacy-policy-link');
  expect(lastCall('navigateTo')).toMatchObject({ url: '/packages/account/pages/privacy-policy/index' });
  await fire(page, '#privacy >>> #privacy-agree', 'agreeprivacyauthorization');
  await waitFor(() => page.data.status === 'ready');
  setPrivacyAgreed(true);
  await closePage(page);
});
