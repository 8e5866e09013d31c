/**
 * account: the message centre's retention, through the local cloud. The privacy chores timer removes a message
 * once it has been read and is older than 90 days, and any message older than 365 days (PRIVACY_LIMITS), whoever
 * it is for; what is younger, or unread and younger than a year, stays and is still listed in 我的消息.
 */
import { PRIVACY_LIMITS } from '../../../miniprogram/shared/limits';
import {
  AT,
  P,
  freeItem,
  key,
  startServicesDemo,
  type ServicesDemo,
} from '../../support/services/demoServices';

const DAY = 86_400_000;

let demo: ServicesDemo;
let meal: string;
beforeAll(async () => {
  demo = await startServicesDemo();
  meal = await demo.approvedItem(freeItem('助餐送餐', '助餐', key('item')));
}, 60_000);
afterAll(() => demo.close());

const listed = async (openid: string) =>
  (await demo.ok('account', openid, 'messages', {})).items.map((m) => m.id).sort();
const kept = () => demo.cloud.store.docs('inbox_messages').map((m) => String(m._id));

async function fire(): Promise<Record<string, unknown>> {
  const out = await demo.cloud.timers.fire('account', 'privacyChores');
  if (!out.ok) throw new Error(out.error.message);
  const reply = JSON.parse(out.resultJson) as { ok: boolean; data: Record<string, unknown> };
  if (!reply.ok) throw new Error(out.resultJson);
  return reply.data;
}

/** An order accepted now: its message kept for 王奶奶 (no consent asked: the centre keeps it all the same). */
async function message(day: number): Promise<string> {
  const order = await demo.order(P.wang, meal, demo.slot(day), { subscribed: [] });
  await demo.sok(P.lin, 'acceptOrder', { orderId: order.id });
  return (await demo.ok('account', P.wang, 'messages', {})).items[0]!.id;
}

it('removes read messages after 90 days and any after 365, in one run each, keeping the rest', async () => {
  expect(PRIVACY_LIMITS).toMatchObject({ inboxReadKeptDays: 90, inboxKeptDays: 365 });
  demo.cloud.clock.set(AT.getTime());
  const read = await message(1);
  const unread = await message(2);
  await demo.ok('account', P.wang, 'readMessages', { messageId: read });
  const everyone = kept();
  expect(everyone).toEqual(expect.arrayContaining([read, unread]));

  // 89 days on: nothing is old enough.
  demo.cloud.clock.set(AT.getTime() + 89 * DAY);
  expect(await fire()).toMatchObject({ messagesRemoved: 0 });
  expect(kept().sort()).toEqual([...everyone].sort());

  // 91 days on: the read one goes, the unread one stays (and is still listed, still unread).
  demo.cloud.clock.set(AT.getTime() + 91 * DAY);
  const after91 = await fire();
  expect(after91.messagesRemoved).toBeGreaterThanOrEqual(1);
  expect(kept()).not.toContain(read);
  expect(kept()).toContain(unread);
  expect(await listed(P.wang)).toContain(unread);
  expect(await listed(P.wang)).not.toContain(read);
  expect((await demo.ok('account', P.wang, 'unreadMessages')).unread).toBeGreaterThanOrEqual(1);
  // Whatever is left of that day is unread.
  expect(demo.cloud.store.docs('inbox_messages').filter((m) => m.read === true)).toEqual([]);

  // A year and a day on: every message of that day goes, read or not, everyone's.
  demo.cloud.clock.set(AT.getTime() + 366 * DAY);
  const fresh = await message(367);
  const afterYear = await fire();
  expect(afterYear.messagesRemoved).toBeGreaterThanOrEqual(1);
  expect(kept()).toEqual([fresh]);
  expect(await listed(P.wang)).toEqual([fresh]);
});
