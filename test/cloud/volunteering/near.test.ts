/**
 * volunteering: "离我近" is a geoNear query on the activities' 2dsphere-indexed point (database.json), so the
 * nearest activity is found however many activities come sooner, and pages continue in distance order — through
 * the real function and the local cloud.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { ActivityDetail, ActivityListItem } from '../../../cloudfunctions/volunteering/contract';
import type { Page } from '../../../cloudfunctions/common/schemas';
import { H, SQUARE, ZHANG, createActivity, northOf } from './helpers';

let demo: DemoCloud;
let nearest: ActivityDetail;
const CROWD = 230;

beforeAll(async () => {
  demo = await startDemoCloud();
  // The nearest activity starts last: three weeks away.
  nearest = await createActivity(demo, { title: '家门口的演练', location: northOf(50), startsInH: 21 * 24 });
  // A crowd of sooner activities farther away, stored directly for volume (copies of a real one, each moved).
  const [template] = demo.cloud.store.docs('volunteer_activities').filter((d) => d._id === nearest.id);
  const crowd = Array.from({ length: CROWD }, (_, i) => {
    const at = northOf(3000 + i * 20);
    const start = demo.cloud.clock.now() + (i + 1) * H;
    return {
      ...structuredClone(template),
      _id: `near-crowd-${i}`,
      title: `远一些的活动 ${i}`,
      location: at,
      point: { type: 'Point', coordinates: [at.longitude, at.latitude] },
      startAt: new Date(start),
      endAt: new Date(start + 2 * H),
    };
  });
  demo.cloud.store.insert('volunteer_activities', crowd);
}, 60_000);
afterAll(() => demo.close());

it('stores the activity’s location as a GeoJSON point too', () => {
  const stored = demo.cloud.store.docs('volunteer_activities').find((d) => d._id === nearest.id);
  const at = northOf(50);
  expect(stored?.point).toEqual({ type: 'Point', coordinates: [at.longitude, at.latitude] });
});

it('finds the nearest activity first even when hundreds come sooner, in one round trip', async () => {
  const r = await demo.call('volunteering', ZHANG, 'listActivities', {
    sort: 'near',
    location: SQUARE,
  });
  expect(r.roundTrips).toBe(1);
  const items = r.ok ? r.data.items : [];
  expect(items[0]).toMatchObject({ id: nearest.id, distanceM: 50 });
  expect(items).toHaveLength(20);
  const distances = items.map((i) => i.distanceM!);
  expect([...distances].sort((a, b) => a - b)).toEqual(distances);
});

it('pages continue in distance order to the farthest', async () => {
  let offset: number | null = 0;
  let last = -1;
  let seen = 0;
  while (offset !== null) {
    const page: Page<ActivityListItem> = await demo.ok('volunteering', ZHANG, 'listActivities', {
      sort: 'near',
      location: SQUARE,
      offset,
    });
    for (const item of page.items) {
      expect(item.distanceM!).toBeGreaterThanOrEqual(last);
      last = item.distanceM!;
    }
    seen += page.items.length;
    offset = page.next;
  }
  // Every upcoming activity of the demo and the crowd, each once.
  const upcoming = demo.cloud.store
    .docs('volunteer_activities')
    .filter((d) => d.status === 'published' && (d.endAt as Date).getTime() > demo.cloud.clock.now());
  expect(seen).toBe(upcoming.length);
  expect(seen).toBeGreaterThan(CROWD);
});
