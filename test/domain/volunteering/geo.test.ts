/** Ground distances and the check-in radius. */
import fc from 'fast-check';
import { distanceM, radiusCheck } from '../../../cloudfunctions/volunteering/domain/geo';

const point = fc.record({
  latitude: fc.double({ min: 31.5, max: 32.3, noNaN: true }),
  longitude: fc.double({ min: 118.5, max: 119.2, noNaN: true }),
});

describe('geodistance', () => {
  it('measures a known distance: 0.01° of latitude is about 1.11 km', () => {
    const d = distanceM({ latitude: 31.9, longitude: 118.8 }, { latitude: 31.91, longitude: 118.8 });
    expect(d).toBeGreaterThan(1110);
    expect(d).toBeLessThan(1113);
  });

  it('checks the radius inclusively and reports whole metres', () => {
    const centre = { latitude: 31.9, longitude: 118.8 };
    const near = { latitude: 31.9009, longitude: 118.8 }; // ≈ 100 m north
    expect(radiusCheck(centre, near, 150)).toEqual({ distanceM: 100, inside: true });
    expect(radiusCheck(centre, near, 50)).toEqual({ distanceM: 100, inside: false });
  });

  it('property: zero to itself, symmetric, triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(distanceM(a, a)).toBeCloseTo(0, 6);
        expect(distanceM(a, b)).toBeCloseTo(distanceM(b, a), 6);
        expect(distanceM(a, c)).toBeLessThanOrEqual(distanceM(a, b) + distanceM(b, c) + 1e-6);
      }),
    );
  });
});
