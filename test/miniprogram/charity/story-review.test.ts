/**
 * 心愿故事审核 against the real charity function: an admin reads a story the content check held and releases it
 * onto the public list; rejecting asks for the reason first.
 */
import { closePage, input, loadPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const REVIEW = 'packages/charity/pages/story-review/index';
const ADMIN = 'demo-admin-dongshan';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(ADMIN, { full: true });
}, 180_000);
afterAll(() => demo.close());

async function held(item: string, key: string): Promise<string> {
  const recipient = demo.cloud.store
    .docs('charity_recipients')
    .find((r) => r.communityId === 'jn-dongshan-dongshan')!;
  const made = await demo.ok('charity', ADMIN, 'postNeed', {
    recipientId: String(recipient._id),
    item,
    itemCategory: 'rehab',
    unit: '个',
    quantity: 1,
    estimatedValue: 300,
    story: '老人耳朵不好，想要一个助听器，有意者可以加微信联系社区。',
    deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
    idempotencyKey: key,
  });
  return made.id;
}

const need = (id: string) => demo.cloud.store.docs('charity_needs').find((n) => n._id === id)!;

it('releases a held story, and asks for a reason before rejecting another', async () => {
  const first = await held('助听器', 'page-held-1');
  const second = await held('拐杖', 'page-held-2');
  const page = await loadPage(REVIEW);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#story-0')).toContain('加微信');
  const index = (id: string) => (page.data.items as { id: string }[]).findIndex((i) => i.id === id);

  await tap(page, `#release-${index(first)}`);
  await waitFor(() => index(first) === -1);
  expect(need(first)).toMatchObject({ moderation: 'pass', closed: false });

  const i = index(second);
  await tap(page, `#reject-${i}`);
  await tap(page, `#confirm-reject-${i}`);
  expect(page.data.reasonError).toBe('请写上不通过的原因');
  expect(need(second)).toMatchObject({ moderation: 'review', closed: false });
  await input(page, `#reason-${i}`, '故事里留了联系方式');
  await tap(page, `#confirm-reject-${i}`);
  await waitFor(() => index(second) === -1);
  expect(need(second)).toMatchObject({ closed: true, closedReason: '故事未通过审核：故事里留了联系方式' });
  expect(textOf(page, '#empty')).toContain('没有待审核');
  await closePage(page);
});
