/**
 * account: the badges of 我的. The message centre — every order status change reaches whoever ordered, with or
 * without their consent to subscription messages; each person lists, counts and marks only their own messages;
 * concurrent marks leave the unread count exact. The admin's workplace — counts for the places they administer
 * only (a 秣陵 admin never counts 禄口's work), agreeing with the admins' lists, in two round trips. The message
 * centre's retention: the privacy chores timer removes what is read and over 90 days old, and anything over 365.
 */
import { PRIVACY_LIMITS } from '../../../miniprogram/shared/limits';
import { fireTimer } from '../../support/demo';
import {
  AT,
  P,
  freeItem,
  key,
  startServicesDemo,
  type ServicesDemo,
} from '../../support/services/demoServices';

let demo: ServicesDemo;
let meal: string;
beforeAll(async () => {
  demo = await startServicesDemo();
  meal = await demo.approvedItem(freeItem('助餐送餐', '助餐', key('item')));
}, 60_000);
afterAll(() => demo.close());

const list = (openid: string) => demo.ok('account', openid, 'messages', {});
const unread = async (openid: string) => (await demo.ok('account', openid, 'unreadMessages')).unread;

/** 王奶奶 orders without agreeing to messages and 林 accepts: the centre keeps what he would have been sent. */
async function acceptedOrder(day: number): Promise<string> {
  const order = await demo.order(P.wang, meal, demo.slot(day), { subscribed: [] });
  await demo.sok(P.lin, 'acceptOrder', { orderId: order.id });
  return order.id;
}

it('keeps an accepted order for whoever ordered, consent or not, opening the order', async () => {
  const sentBefore = demo.cloud.outbox.list().length;
  const before = await unread(P.wang);
  const orderId = await acceptedOrder(1);
  // No subscription message went out (no consent) …
  expect(demo.cloud.outbox.list()).toHaveLength(sentBefore);
  // … but the centre has it, newest first, in plain words.
  const page = await list(P.wang);
  expect(page.items[0]).toMatchObject({
    title: '助餐送餐',
    read: false,
    url: `/packages/services/pages/order/index?id=${orderId}`,
  });
  expect(page.items[0]!.lines).toContain('已接单');
  expect(page.items[0]!.timeText).toMatch(/^\d+月\d+日 \d\d:\d\d$/);
  expect(await unread(P.wang)).toBe(before + 1);
  // Nobody else sees it.
  for (const other of [P.li, P.lin, P.lukou]) {
    const theirs = await list(other);
    expect(theirs.items.map((m) => m.id)).not.toContain(page.items[0]!.id);
  }
});

it("marks only the caller's own messages read", async () => {
  await acceptedOrder(2);
  const [mine] = (await list(P.wang)).items;
  const before = await unread(P.wang);
  // 李爷爷 names 王奶奶's message: nothing changes, for one or for all of his.
  expect(await demo.ok('account', P.li, 'readMessages', { messageId: mine!.id })).toMatchObject({
    marked: 0,
  });
  await demo.ok('account', P.li, 'readMessages', {});
  expect(await unread(P.wang)).toBe(before);
  // She marks it herself: one fewer.
  expect(await demo.ok('account', P.wang, 'readMessages', { messageId: mine!.id })).toEqual({
    marked: 1,
    unread: before - 1,
  });
  expect((await list(P.wang)).items.find((m) => m.id === mine!.id)?.read).toBe(true);
  // An id that is not a message is refused as input, and nothing is written.
  const refused = await demo.unchecked('account', P.wang, 'readMessages', { messageId: 'x'.repeat(200) });
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

it('counts exactly when one message and all of them are marked at once', async () => {
  await demo.ok('account', P.wang, 'readMessages', {});
  for (const day of [3, 4, 5]) await acceptedOrder(day);
  const before = await unread(P.wang);
  expect(before).toBe(3);
  const ids = (await list(P.wang)).items.filter((m) => !m.read).map((m) => m.id);
  const marks = await Promise.all([
    ...ids.map((messageId) => demo.ok('account', P.wang, 'readMessages', { messageId })),
    demo.ok('account', P.wang, 'readMessages', {}),
    demo.ok('account', P.wang, 'readMessages', { messageId: ids[0]! }),
  ]);
  // Each message was marked once, by whichever call got there first.
  expect(marks.reduce((n, m) => n + m.marked, 0)).toBe(before);
  expect(await unread(P.wang)).toBe(0);
  const { roundTrips } = await demo.call('account', P.wang, 'unreadMessages');
  expect(roundTrips).toBe(1);
});

describe('the workplace', () => {
  const counts = (openid: string) => demo.ok('account', openid, 'workplace');

  it('counts items waiting for approval and overdue orders in the admin scope only', async () => {
    const lukouBefore = await counts(P.lukou);
    const molingBefore = await counts(P.moling);
    await demo.sok(P.lin, 'proposeItem', freeItem('理发上门', '助洁', key('item')));
    await demo.order(P.wang, meal, demo.slot(2, 'pm'));
    // Two days on, nobody accepted: the order is overdue.
    demo.cloud.clock.set(new Date(AT.getTime() + 3 * 86_400_000));
    const lukou = await counts(P.lukou);
    expect(lukou.toApprove).toBe(lukouBefore.toApprove + 1);
    expect(lukou.overdue).toBeGreaterThan(lukouBefore.overdue);
    // The badge agrees with the list the admin opens.
    const listed = await demo.sok(P.lukou, 'adminOrders', { view: 'overdue' });
    expect(listed.items).toHaveLength(lukou.overdue);
    // 秣陵's admin sees none of it.
    expect(await counts(P.moling)).toEqual(molingBefore);
    const { roundTrips } = await demo.call('account', P.lukou, 'workplace');
    expect(roundTrips).toBe(2);
    demo.cloud.clock.set(AT);
  });

  it('refuses people who administer nothing', async () => {
    const reply = await demo.call('account', P.wang, 'workplace');
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe("the message centre's retention (privacyChores)", () => {
  const DAY = 86_400_000;
  const fire = () => fireTimer<{ messagesRemoved: number }>(demo.cloud, 'account', 'privacyChores');
  const kept = () => demo.cloud.store.docs('inbox_messages');
  const ids = async (openid: string) => (await list(openid)).items.map((m) => m.id);
  /** 王奶奶's message that an order of hers was accepted. */
  const message = async (day: number) => {
    const orderId = await acceptedOrder(day);
    return (await list(P.wang)).items.find((m) => m.url.endsWith(`id=${orderId}`))!.id;
  };

  it('removes messages read and older than 90 days, and any older than 365, keeping the rest', async () => {
    expect(PRIVACY_LIMITS).toMatchObject({ inboxReadKeptDays: 90, inboxKeptDays: 365 });
    demo.cloud.clock.set(AT);
    const read = await message(6);
    const unreadOne = await message(7);
    await demo.ok('account', P.wang, 'readMessages', { messageId: read });
    const before = kept().map((m) => m._id);

    // 89 days on: nothing is old enough.
    demo.cloud.clock.set(new Date(AT.getTime() + 89 * DAY));
    expect(await fire()).toMatchObject({ messagesRemoved: 0 });
    expect(kept().map((m) => m._id)).toEqual(before);

    // 91 days on: the read one goes; the unread one stays, still listed and counted.
    demo.cloud.clock.set(new Date(AT.getTime() + 91 * DAY));
    expect((await fire()).messagesRemoved).toBeGreaterThanOrEqual(1);
    expect(await ids(P.wang)).toContain(unreadOne);
    expect(await ids(P.wang)).not.toContain(read);
    expect(await unread(P.wang)).toBeGreaterThanOrEqual(1);
    const cutoff = AT.getTime() + DAY;
    expect(kept().filter((m) => m.read === true && Date.parse(String(m.createdAt)) < cutoff)).toEqual([]);

    // Over a year on: every message of those days goes, read or not, whoever it was for.
    demo.cloud.clock.set(new Date(AT.getTime() + 400 * DAY));
    const fresh = await message(401);
    expect((await fire()).messagesRemoved).toBeGreaterThanOrEqual(1);
    expect(kept().map((m) => m._id)).toEqual([fresh]);
    expect(await ids(P.wang)).toEqual([fresh]);
    demo.cloud.clock.set(AT);
  });
});
