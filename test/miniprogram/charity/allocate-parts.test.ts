/**
 * 捐赠详情, supermarket staff sharing one general-stock gift between two needs against the real charity function:
 * five towels → two to one elder (the stepper turned down from what the need asks), three to another; the page
 * shows what is left and where each part went, then says plainly that everything is allocated (on the donor's
 * list too). Checked in the store.
 */
import { openSupermarkets, registerDemoRecipients } from '../../../seed/charity';
import { closePage, loadPage, tap, waitFor, type LoadedPage } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const DONATION = 'packages/charity/pages/donation/index';
const MINE = 'packages/charity/pages/mine/index';
const LIN = 'demo-staff-xinyuan-1';
const LUKOU_ADMIN = 'demo-admin-lukou';

let demo: DemoCloud;
let recipients: Record<string, string>;
beforeAll(async () => {
  demo = await startPageCloud(LIN);
  await openSupermarkets(demo.cloud, demo.seed);
  recipients = await registerDemoRecipients(demo.cloud, demo.seed);
}, 180_000);
afterAll(() => demo.close());

const at = (days: number) => new Date(demo.cloud.clock.now() + days * 86_400_000).toISOString();

async function need(recipient: string, quantity: number, key: string): Promise<string> {
  const made = await demo.ok('charity', LUKOU_ADMIN, 'postNeed', {
    recipientId: recipients[recipient]!,
    item: '毛巾',
    itemCategory: 'daily',
    unit: '条',
    quantity,
    estimatedValue: 15,
    story: '冬天洗漱想换几条新毛巾。',
    deadline: at(20),
    idempotencyKey: key,
  });
  return made.id;
}

/** Opens the need picker and chooses the need `id`. */
async function choose(page: LoadedPage, id: string): Promise<void> {
  await tap(page, '#allocate');
  await waitFor(() => page.data.needsLoaded === true);
  const i = (page.data.needs as { id: string }[]).findIndex((n) => n.id === id);
  expect(i).toBeGreaterThanOrEqual(0);
  await tap(page, `#pick-${i}`);
  await waitFor(() => page.data.chosen);
}

it('shares five towels between two needs, shows the rest and where each part went', async () => {
  const pledged = await demo.ok('charity', 'demo-resident-chen', 'pledgeToStock', {
    supermarketId: 'jn-lukou',
    item: '毛巾',
    itemCategory: 'daily',
    unit: '条',
    quantity: 5,
    pledgeBy: at(2),
    idempotencyKey: 'page-parts-gift',
  });
  await demo.ok('charity', LIN, 'receive', { code: pledged.code!, condition: 'good' });
  const forZhao = await need('zhao', 3, 'page-parts-need-1');
  const forZhou = await need('zhou', 4, 'page-parts-need-2');

  const page = await loadPage(DONATION, { id: pledged.id });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#remaining')).toContain('还有 5条 等待分配');

  await choose(page, forZhao);
  expect(page.data.qty).toBe(3);
  await tap(page, '#qty', '[class*="t-stepper__minus"]');
  expect(page.data.qty).toBe(2);
  expect(textOf(page, '#allocate-confirm')).toContain('分配 2条');
  await tap(page, '#allocate-confirm');
  await waitFor(() => page.data.d.parts.length === 1);
  expect(textOf(page, '#remaining')).toContain('还有 3条 等待分配');
  expect(textOf(page, '#part-0')).toContain('2条 · 赵*');

  await choose(page, forZhou);
  expect(page.data.qty).toBe(3);
  await tap(page, '#allocate-confirm');
  await waitFor(() => page.data.d.parts.length === 2);
  expect(textOf(page, '#remaining')).toContain('已全部分配');
  expect(page.data.d.can.allocate).toBe(false);
  expect(textOf(page, '#next')).toContain('已全部分给受助人');

  const parts = demo.cloud.store.docs('charity_donations').filter((d) => d.giftId === pledged.id);
  expect(parts.map((p) => [p.needId, p.quantity, p.status])).toEqual(
    expect.arrayContaining([
      [forZhao, 2, 'allocated'],
      [forZhou, 3, 'allocated'],
    ]),
  );
  const needs = demo.cloud.store.docs('charity_needs');
  expect(needs.find((n) => n._id === forZhao)).toMatchObject({ available: 1 });
  expect(needs.find((n) => n._id === forZhou)).toMatchObject({ available: 1 });
  await closePage(page);

  // A part's own page leads back to the whole gift.
  const part = await loadPage(DONATION, { id: String(parts[0]!._id) });
  await waitFor(() => part.data.status === 'ready');
  expect(textOf(part, '#open-gift')).toContain('整份捐赠的去向');
  expect(part.data.d.modes.length).toBe(2);
  await closePage(part);

  // The donor's list says the gift went out whole, in two parts, and lists each part too.
  switchUser('demo-resident-chen');
  const mine = await loadPage(MINE);
  await waitFor(() => mine.data.status === 'ready');
  const cards = mine.data.items as { id: string; profile: string }[];
  expect(cards.find((c) => c.id === pledged.id)?.profile).toBe(
    '捐给禄口街道慈善超市，已全部分给受助人（2 份）',
  );
  expect(cards.filter((c) => parts.some((p) => p._id === c.id))).toHaveLength(2);
  await closePage(mine);
});
