/**
 * The charity demo seed: through the real function, donations at every step, yesterday's digest over them.
 * Checked in the whole demo as `npm start` seeds it (the run's shared seed, seed/template.ts), not in
 * a second seed of its own.
 */
import { partSummary, startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
let summary: string;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  summary = partSummary(demo, 'charity');
}, 180_000);
afterAll(() => demo.close());

it('leaves donations at every step, the clock where it was, and reports what it made', () => {
  const statuses = new Set(demo.cloud.store.docs('charity_donations').map((d) => d.status));
  expect([...statuses].sort()).toEqual(
    [
      'pledged',
      'received',
      'allocated',
      'out_for_delivery',
      'ready_for_pickup',
      'confirmed',
      'thanked',
      'expired',
      'cancelled',
      'rejected',
    ].sort(),
  );
  const categories = new Set(demo.cloud.store.docs('charity_recipients').map((r) => r.category));
  expect(categories).toEqual(new Set(['elder80', 'lowIncome', 'disabled', 'child']));
  expect(Math.abs(demo.cloud.clock.offset())).toBeLessThan(1000);
  expect(summary).toMatch(/^3 supermarkets, 7 recipients, 10 needs, 12 donations$/);
});

it('publishes yesterday’s digest over every donation, and every chain verifies against it', async () => {
  const digests = await demo.ok('charity', 'demo-resident-chen', 'digests', {});
  expect(digests.items).toHaveLength(1);
  expect(digests.items[0]!.count).toBe(12);
  for (const d of demo.cloud.store.docs('charity_donations')) {
    const v = await demo.ok('charity', 'demo-resident-chen', 'verify', { donationId: d._id as string });
    expect(v).toMatchObject({ intact: true, anchor: { matches: true, digestIntact: true } });
  }
});
