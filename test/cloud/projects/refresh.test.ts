/**
 * The projects `refresh` timer keeps a copy of each street's delivery records (project_tallies) read from cursors:
 * its progress equals a count made here from the source collections, a record that changes after it was counted
 * (an order cancelled after completion) is counted by its new state, and a run killed half-way and run again ends
 * where an uninterrupted run ends, each record once and no credit change written twice. On the full demo with a few
 * hundred generated records (the bench has the ten-times volume).
 */
import type { ContractDoc } from '../../../cloudfunctions/projects/documents';
import { loadPages, rowsOfPages, unpackRows } from '../../../cloudfunctions/projects/domain/tally';
import { contractProgress, type SourceName } from '../../../cloudfunctions/projects/domain/tracking';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { deliveries } from '../../support/timerVolume';

const MEALS = 'contract-lukou-meals';
const LUKOU = 'demo-admin-lukou';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  const { store } = demo.cloud;
  const meals = store.find('project_contracts', { _id: MEALS })[0]!;
  const d = deliveries(meals, 240, 'refresh', new Date(demo.cloud.clock.now()));
  store.insert('service_orders', d.orders);
  store.insert('volunteer_hours', d.hours);
  store.insert('volunteer_signups', d.signups);
  // Past the copy's one-minute wait for writes in flight.
  demo.cloud.clock.advance(5 * 60_000);
}, 180_000);
afterAll(() => demo.close());

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const docs = (c: string): Doc[] => demo.cloud.store.docs(c) as Doc[];
const contract = (id: string) => docs('project_contracts').find((c) => c._id === id) as ContractDoc;

/** The copy as stored, each source's pages loaded as the timer loads them; and every row id it holds. */
function copy(streetId: string) {
  const pages = docs('project_tallies')
    .filter((d) => d.kind === 'page' && d.streetId === streetId)
    .map((d) => ({ source: d.source as string, n: d.n as number, rows: unpackRows(d.rows as string) }));
  const sources: SourceName[] = ['orders', 'hours', 'signups', 'donations', 'rounds'];
  const ids = pages.flatMap((p) => p.rows.map((r) => `${p.source}:${r._id}`));
  const loaded = Object.fromEntries(sources.map((s) => [s, loadPages(pages.filter((p) => p.source === s))]));
  return { rows: rowsOfPages(loaded), ids };
}

/** The meals contract's completed orders counted here from the source collection. */
function completedMeals(): number {
  const c = contract(MEALS);
  return docs('service_orders').filter(
    (o) =>
      o.orgId === c.orgId &&
      c.communityIds.includes(o.communityId) &&
      ['completed', 'confirmed'].includes(o.status) &&
      o.completedAt >= c.period.from &&
      o.completedAt <= c.period.to,
  ).length;
}

const fire = async () => {
  const r = await demo.cloud.timers.fire('projects', 'refresh');
  if (!r.ok) throw new Error(r.error.message);
  return JSON.parse(r.resultJson) as { data: { behind: number; creditChanges: number } };
};

/** The 禄口 dashboard as the admin reads it, without the time it was computed. */
async function dashboard() {
  return (await demo.ok('projects', LUKOU, 'dashboard', { streetId: 'jn-lukou' })).dashboard;
}

it('counts from its copy what the source collections hold, and takes off an order cancelled after it was counted', async () => {
  expect((await fire()).data.behind).toBe(0);
  const meals = contract(MEALS);
  const orders = () => contractProgress(meals, copy('jn-lukou').rows, []).find((p) => p.key === 'orders')!;
  expect(orders().value).toBe(completedMeals());
  expect(orders().value).toBeGreaterThan(240);
  const live = await demo.ok('projects', LUKOU, 'contractDetail', { contractId: MEALS });
  const line = (await dashboard())!.lines.find((l) => l.id === MEALS)!;
  const attainments = live.progress.map((p) => p.attainment);
  expect(line.attainment).toBe(
    Math.round((1000 * attainments.reduce((s, x) => s + x, 0)) / attainments.length) / 10,
  );

  // Cancelled after it was counted: read again by its new time, and no longer counted.
  const before = orders().value;
  const at = new Date(demo.cloud.clock.now());
  demo.cloud.store.update(
    'service_orders',
    { _id: 'bench-refresh-done-0' },
    { $set: { status: 'cancelled', updatedAt: at } },
    { multi: false },
  );
  await fire();
  expect(orders().value).toBe(before); // written this minute: waits for writes still in flight
  demo.cloud.clock.advance(2 * 60_000);
  await fire();
  expect(orders().value).toBe(before - 1);
  expect(orders().value).toBe(completedMeals());
});

it('ends a run killed half-way and run again where an uninterrupted run ends, each record once', async () => {
  const wipe = () => {
    demo.cloud.store.remove('project_tallies', {}, true);
    demo.cloud.store.remove('project_summaries', {}, true);
  };
  wipe();
  const whole = await demo.cloud.timers.fire('projects', 'refresh');
  expect(whole.ok).toBe(true);
  const expected = { dashboard: await dashboard(), rows: copy('jn-lukou').rows };
  const events = docs('project_credit_events').length;
  const trips = whole.ok ? whole.stats.dbRoundTrips : 0;
  // Killed early (reading and writing the copy) and late (the summaries and credit).
  for (const at of [0.3, 0.8].map((f) => Math.max(1, Math.round(f * trips)))) {
    wipe();
    const killed = demo.cloud.faults.killAtRoundTrip('projects', at);
    expect((await demo.cloud.timers.fire('projects', 'refresh')).ok).toBe(false);
    expect(await killed).toBe(true);
    expect((await fire()).data.behind).toBe(0);
    expect(await dashboard()).toEqual(expected.dashboard);
    const now = copy('jn-lukou');
    expect(now.rows).toEqual(expected.rows);
    expect(new Set(now.ids).size).toBe(now.ids.length);
  }
  expect(docs('project_credit_events')).toHaveLength(events);
});
