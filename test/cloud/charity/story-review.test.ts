/**
 * Loose ends of issue 19 through the local cloud with the real SDK: a need whose story the content check held is
 * released or rejected (with a reason) by an admin of its place — never by anyone else, never without a reason to
 * reject, and only once; provider staff see their own organization's page data (colleagues masked, satisfaction
 * and open work of their organization only).
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

const DAY = 86_400_000;
const ADMIN = 'demo-admin-dongshan';
let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo?.close());

const needs = () => demo.cloud.store.docs('charity_needs');

/** A need in 东山 whose story the check is unsure of ("加微信"). */
async function heldNeed(key: string): Promise<string> {
  const recipient = demo.cloud.store
    .docs('charity_recipients')
    .find((r) => r.communityId === 'jn-dongshan-dongshan')!;
  const made = await demo.ok('charity', ADMIN, 'postNeed', {
    recipientId: String(recipient._id),
    item: '助听器',
    itemCategory: 'rehab',
    unit: '个',
    quantity: 1,
    estimatedValue: 300,
    story: '老人耳朵不好，想要一个助听器，有意者可以加微信联系社区。',
    deadline: new Date(demo.cloud.clock.now() + 20 * DAY).toISOString(),
    idempotencyKey: key,
  });
  expect(made.heldForReview).toBe(true);
  return made.id;
}

it('keeps a held story off the public list until an admin of its place releases it, once', async () => {
  const needId = await heldNeed('story-review-1');
  const publicList = await demo.ok('charity', 'demo-resident-li', 'needs', {});
  expect(publicList.items.map((n) => n.id)).not.toContain(needId);
  const queue = await demo.ok('charity', ADMIN, 'adminNeeds', { state: 'review' });
  expect(queue.items.map((n) => n.id)).toEqual([needId]);

  const before = JSON.stringify(needs().find((n) => n._id === needId));
  const noReason = await demo.call('charity', ADMIN, 'reviewStory', { needId, decision: 'reject' });
  expect(noReason).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] },
  });
  const elsewhere = await demo.call('charity', 'demo-admin-lukou', 'reviewStory', {
    needId,
    decision: 'release',
  });
  expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const resident = await demo.call('charity', 'demo-resident-chen', 'reviewStory', {
    needId,
    decision: 'release',
  });
  expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const extra = await demo.unchecked('charity', ADMIN, 'reviewStory', {
    needId,
    decision: 'release',
    userId: 'x',
  });
  expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(JSON.stringify(needs().find((n) => n._id === needId))).toBe(before);

  const released = await demo.call('charity', ADMIN, 'reviewStory', { needId, decision: 'release' });
  expect(released.ok && released.data.heldForReview).toBeFalsy();
  expect(released.roundTrips).toBeLessThanOrEqual(2);
  const replay = await demo.ok('charity', ADMIN, 'reviewStory', { needId, decision: 'release' });
  expect(replay.id).toBe(needId);
  const late = await demo.call('charity', ADMIN, 'reviewStory', {
    needId,
    decision: 'reject',
    reason: '晚了',
  });
  expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const after = await demo.ok('charity', 'demo-resident-li', 'needs', {});
  expect(after.items.map((n) => n.id)).toContain(needId);
  expect(needs().find((n) => n._id === needId)).toMatchObject({
    moderation: 'pass',
    storyReview: { decision: 'release' },
  });
});

it('closes a rejected story with the reason, so nobody waits on a need nobody sees', async () => {
  const needId = await heldNeed('story-review-2');
  const rejected = await demo.ok('charity', ADMIN, 'reviewStory', {
    needId,
    decision: 'reject',
    reason: '故事里留了联系方式',
  });
  expect(rejected).toMatchObject({ state: 'closed', closedReason: '故事未通过审核：故事里留了联系方式' });
  const queue = await demo.ok('charity', ADMIN, 'adminNeeds', { state: 'review' });
  expect(queue.items.map((n) => n.id)).not.toContain(needId);
});

it("gives provider staff their organization's page: colleagues masked, their own numbers only", async () => {
  const [org] = await demo.ok('account', 'demo-staff-xinyuan-1', 'listOrgs', { mine: true });
  expect(org!.members!.length).toBeGreaterThanOrEqual(2);
  for (const m of org!.members!) expect(m.name).not.toMatch(/^(林晓燕|何德胜)$/);
  const stats = await demo.ok('services', 'demo-staff-xinyuan-1', 'providerStats', {});
  expect(stats.map((s) => s.orgId)).toEqual([org!.id]);
  const resident = await demo.call('services', 'demo-resident-li', 'providerStats', {});
  expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
