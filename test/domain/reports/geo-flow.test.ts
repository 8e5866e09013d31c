/** The pure parts of reports: which grid holds a point, the merge box, blurring, deadlines and overdue, figures. */
import fc from 'fast-check';
import { figuresOf } from '../../../cloudfunctions/reports/domain/figures';
import { deadlines, firstStatus, overdueOf, reopenMove } from '../../../cloudfunctions/reports/domain/flow';
import {
  blurred,
  boxAround,
  gridAt,
  metresBetween,
  ringHolds,
} from '../../../cloudfunctions/reports/domain/geo';
import type { LngLat } from '../../../cloudfunctions/reports/documents';

const square: LngLat[] = [
  [118.86, 31.73],
  [118.87, 31.73],
  [118.87, 31.74],
  [118.86, 31.74],
  [118.86, 31.73],
];

it('finds the grid holding a point; edges count as inside; outside is none', () => {
  expect(ringHolds(square, { latitude: 31.735, longitude: 118.865 })).toBe(true);
  expect(ringHolds(square, { latitude: 31.73, longitude: 118.865 })).toBe(true);
  expect(ringHolds(square, { latitude: 31.75, longitude: 118.865 })).toBe(false);
  const grids = [{ id: 'a', boundary: { type: 'Polygon' as const, coordinates: [square] } }];
  expect(gridAt(grids, { latitude: 31.735, longitude: 118.861 })?.id).toBe('a');
  expect(gridAt(grids, { latitude: 31.735, longitude: 118.88 })).toBeUndefined();
});

it('the merge box holds every point within its distance', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 20, max: 45, noNaN: true }),
      fc.double({ min: 100, max: 130, noNaN: true }),
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      fc.double({ min: 0, max: 99, noNaN: true }),
      (lat, lng, angle, m) => {
        const at = { latitude: lat, longitude: lng };
        const box = boxAround(at, 100);
        const dLat = ((m / 6_371_000) * 180) / Math.PI;
        const p = {
          latitude: lat + dLat * Math.sin(angle),
          longitude: lng + (dLat * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180),
        };
        if (metresBetween(at, p) > 100) return true;
        return (
          p.latitude >= box.lat.min &&
          p.latitude <= box.lat.max &&
          p.longitude >= box.lng.min &&
          p.longitude <= box.lng.max
        );
      },
    ),
  );
  expect(blurred({ latitude: 31.73736, longitude: 118.86634 }, 3)).toEqual({
    latitude: 31.737,
    longitude: 118.866,
  });
});

it('plans deadlines, patrol first, one reopen and overdue once per deadline', () => {
  const at = new Date('2026-12-07T00:00:00Z');
  const d = deadlines({ respondHours: 4, resolveHours: 48 }, at);
  expect(d.respondBy.getTime() - at.getTime()).toBe(4 * 3_600_000);
  expect(firstStatus(true, false)).toBe('patrol');
  expect(firstStatus(true, true)).toBe('dispatched');
  expect(reopenMove({ resolveHours: 48 }, '没修好', at).when).toEqual({ reopened: false });
  const later = new Date(at.getTime() + 5 * 3_600_000);
  expect(overdueOf({ status: 'dispatched', ...d, escalated: [] }, later)).toBe('respond');
  expect(overdueOf({ status: 'dispatched', ...d, escalated: ['respond'] }, later)).toBeUndefined();
  expect(overdueOf({ status: 'accepted', ...d, escalated: [] }, later)).toBeUndefined();
});

it('rolls the figures up per grid, matter and department', () => {
  const g = (grid: string, dept: string, extra: Partial<Record<string, number>> = {}) => ({
    _id: { g: grid, m: '垃圾乱堆', d: dept },
    count: 2,
    open: 1,
    overdue: 0,
    respondMs: 7_200_000,
    respondN: 2,
    resolveMs: 0,
    resolveN: 0,
    reopened: 0,
    ratingSum: 9,
    ratingN: 2,
    ...extra,
  });
  const f = figuresOf([
    g('一', '城管'),
    g('二', '城管', { resolveMs: 36_000_000, resolveN: 1, reopened: 1 }),
  ]);
  expect(f.total).toBe(4);
  expect(f.byDepartment).toEqual([
    expect.objectContaining({
      name: '城管',
      count: 4,
      respondHoursText: '1.0 小时',
      reopenRateText: '100%',
      satisfactionText: '4.5 星',
    }),
  ]);
  expect(f.byGrid.map((r) => r.name)).toEqual(['一', '二']);
});
