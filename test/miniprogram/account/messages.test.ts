/**
 * 我的消息 and the badges of 我的 against the real account function: a resident's order is accepted (she gave no
 * consent to messages), 我的 says one unread, the centre lists it and opening it marks it read and goes to the
 * order; an admin's 我的 shows the workplace counts of their scope.
 */
import { addDays, dateKey, slotKey } from '../../../miniprogram/shared/calendar';
import { closePage, lastCall, loadPage, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { freeItem } from '../../support/services/demoServices';

const MINE = 'pages/mine/index';
const MESSAGES = 'packages/account/pages/messages/index';
const WANG = 'demo-resident-wang';
const ADMIN = 'demo-admin-lukou';
const STAFF = 'demo-staff-xinyuan-1';

let demo: DemoCloud;
let orderId: string;
beforeAll(async () => {
  demo = await startPageCloud(WANG);
  const item = await demo.ok(
    'services',
    STAFF,
    'proposeItem',
    freeItem('助餐送餐', '助餐', 'messages-page-item'),
  );
  // One item left waiting for approval, for the admin's badge.
  await demo.ok('services', STAFF, 'proposeItem', freeItem('理发上门', '助洁', 'messages-page-item-2'));
  await demo.ok('services', ADMIN, 'reviewItem', { itemId: item.id, decision: 'approve' });
  const order = await demo.ok('services', WANG, 'placeOrder', {
    itemId: item.id,
    slot: slotKey(addDays(dateKey(demo.cloud.clock.now()), 2), 'am'),
    note: '',
    subscribed: [],
    idempotencyKey: 'messages-page-order',
  });
  orderId = order.id;
  await demo.ok('services', STAFF, 'acceptOrder', { orderId });
}, 120_000);
afterAll(() => demo.close());

it('shows her unread count on 我的, lists the message and opening it marks it read and opens the order', async () => {
  switchUser(WANG);
  const mine = await loadPage(MINE);
  await waitFor(() => mine.data.status === 'ready');
  expect(textOf(mine, '#messages')).toContain('1 条未读');
  expect(mine.querySelector('#workplace')).toBeUndefined();
  await closePage(mine);

  const page = await loadPage(MESSAGES);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#unread')).toBe('有 1 条未读');
  expect(textOf(page, '#message-0')).toContain('助餐送餐');
  expect(textOf(page, '#message-0')).toContain('已接单');
  await tap(page, '#message-0');
  expect(lastCall('navigateTo')).toMatchObject({ url: `/packages/services/pages/order/index?id=${orderId}` });
  await waitFor(async () => (await demo.ok('account', WANG, 'unreadMessages')).unread === 0);
  expect(page.data.unread).toBe(0);
  await closePage(page);
});

it("shows an admin the workplace counts of the admin's scope", async () => {
  switchUser(ADMIN);
  const mine = await loadPage(MINE);
  await waitFor(() => mine.data.status === 'ready');
  const counts = await demo.ok('account', ADMIN, 'workplace');
  expect(counts.toApprove).toBeGreaterThanOrEqual(1);
  expect(textOf(mine, '#work-to-approve')).toBe(`${counts.toApprove}待审核`);
  expect(textOf(mine, '#work-overdue')).toContain('逾期订单');
  expect(textOf(mine, '#work-callbacks')).toContain('待回访');
  await closePage(mine);
});
