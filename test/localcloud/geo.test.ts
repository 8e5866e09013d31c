/**
 * Geo queries through the real wx-server-sdk, as CloudBase answers them over a 2dsphere index declared in the
 * database declaration: `geoNear` (nearest first, metres on MongoDB's sphere), `geoWithin` (Polygon, MultiPolygon,
 * centerSphere), `geoIntersects`, and the aggregation `geoNear` stage.
 */
import { connectSdk, startTestCloud, type LocalCloud, type WxServerSdk } from '../support/localcloud';

let lc: LocalCloud;
let db: WxServerSdk;
let Geo: WxServerSdk;

/** 0.01° of longitude on the equator on MongoDB's sphere (radius 6378.1 km): 1113.19 m. */
const HUNDREDTH_DEGREE_M = (0.01 * Math.PI * 6_378_100) / 180;

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  db = connectSdk(lc).database();
  Geo = db.Geo;
  const at = (lng: number, lat: number) => new Geo.Point(lng, lat);
  await db.collection('places').add({
    data: [
      { name: 'origin', location: at(0, 0) },
      { name: 'east-1', location: at(0.01, 0) },
      { name: 'east-2', location: at(0.02, 0) },
      { name: 'north-5', location: at(0, 0.05) },
      { name: 'far', location: at(10, 10) },
      { name: 'unplaced' },
    ],
  });
});
afterAll(() => lc.close());

const names = (res: { data?: { name: string }[]; list?: { name: string }[] }) =>
  (res.data ?? res.list ?? []).map((d) => d.name);

describe('geoNear', () => {
  it('returns the places within the band, nearest first, measured in metres on MongoDB’s sphere', async () => {
    const _ = db.command;
    const near = (maxDistance: number, minDistance?: number) =>
      db
        .collection('places')
        .where({ location: _.geoNear({ geometry: new Geo.Point(0, 0), maxDistance, minDistance }) })
        .get();
    expect(names(await near(HUNDREDTH_DEGREE_M - 0.5))).toEqual(['origin']);
    expect(names(await near(HUNDREDTH_DEGREE_M + 0.5))).toEqual(['origin', 'east-1']);
    expect(names(await near(10_000))).toEqual(['origin', 'east-1', 'east-2', 'north-5']);
    expect(names(await near(10_000, 1500))).toEqual(['east-2', 'north-5']);
    // The values come back as the SDK's GeoPoint.
    const [first] = (await near(1)).data;
    expect(first.location.constructor.name).toBe('Point');
    expect([first.location.longitude, first.location.latitude]).toEqual([0, 0]);
  });

  it('needs a 2dsphere index on the field, as CloudBase does', async () => {
    await db.collection('todos').add({ data: { location: new Geo.Point(1, 1) } });
    await expect(
      db
        .collection('todos')
        .where({ location: db.command.geoNear({ geometry: new Geo.Point(1, 1), maxDistance: 10 }) })
        .get(),
    ).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('unable to find index') });
  });
});

describe('geoWithin and geoIntersects', () => {
  const square = (x0: number, y0: number, x1: number, y1: number) =>
    new Geo.Polygon([
      new Geo.LineString([
        new Geo.Point(x0, y0),
        new Geo.Point(x1, y0),
        new Geo.Point(x1, y1),
        new Geo.Point(x0, y1),
        new Geo.Point(x0, y0),
      ]),
    ]);

  it('geoWithin a Polygon or MultiPolygon, and within a centerSphere (radius in radians)', async () => {
    const _ = db.command;
    const within = (geometry: unknown) =>
      db
        .collection('places')
        .where({ location: _.geoWithin({ geometry }) })
        .orderBy('name', 'asc')
        .get();
    expect(names(await within(square(-0.005, -0.005, 0.015, 0.005)))).toEqual(['east-1', 'origin']);
    const two = new Geo.MultiPolygon([square(-0.005, -0.005, 0.005, 0.005), square(9, 9, 11, 11)]);
    expect(names(await within(two))).toEqual(['far', 'origin']);
    const radians = (metres: number) => metres / 6_378_100;
    const inCircle = await db
      .collection('places')
      .where({ location: _.geoWithin({ centerSphere: [new Geo.Point(0, 0), radians(2300)] }) })
      .orderBy('name', 'asc')
      .get();
    expect(names(inCircle)).toEqual(['east-1', 'east-2', 'origin']);
  });

  it('geoIntersects a LineString or a Polygon', async () => {
    const _ = db.command;
    const line = new Geo.LineString([new Geo.Point(0, -1), new Geo.Point(0, 1)]);
    const crossing = await db
      .collection('places')
      .where({ location: _.geoIntersects({ geometry: line }) })
      .orderBy('name', 'asc')
      .get();
    expect(names(crossing)).toEqual(['north-5', 'origin']);
    const area = await db
      .collection('places')
      .where({ location: _.geoIntersects({ geometry: square(0.015, -0.005, 0.025, 0.005) }) })
      .get();
    expect(names(area)).toEqual(['east-2']);
  });

  it('the same filters drive count, where().update() and remove()', async () => {
    const _ = db.command;
    const box = { location: _.geoWithin({ geometry: square(-1, -1, 1, 1) }) };
    expect((await db.collection('places').where(box).count()).total).toBe(4);
    const updated = await db
      .collection('places')
      .where(box)
      .update({ data: { nearby: true } });
    expect(updated.stats.updated).toBe(4);
    expect((await db.collection('places').where({ nearby: true }).count()).total).toBe(4);
    const far = { location: _.geoWithin({ geometry: square(9, 9, 11, 11) }) };
    const removed = await db.collection('places').where(far).remove();
    expect(removed.stats.removed).toBe(1);
    await db.collection('places').add({ data: { name: 'far', location: new Geo.Point(10, 10) } });
  });
});

describe('aggregate geoNear stage', () => {
  it('outputs documents nearest first with their distance, the location measured and a query', async () => {
    const res = await db
      .collection('places')
      .aggregate()
      .geoNear({
        near: new Geo.Point(0, 0),
        spherical: true,
        distanceField: 'dist.metres',
        includeLocs: 'dist.at',
        maxDistance: 10_000,
        query: { name: db.command.neq('north-5') },
      })
      .limit(10)
      .end();
    expect(names(res)).toEqual(['origin', 'east-1', 'east-2']);
    expect(res.list[1].dist.metres).toBeCloseTo(HUNDREDTH_DEGREE_M, 2);
    expect(res.list[2].dist.at).toEqual({ type: 'Point', coordinates: [0.02, 0] });

    const km = await db
      .collection('places')
      .aggregate()
      .geoNear({
        near: new Geo.Point(0, 0),
        spherical: true,
        distanceField: 'km',
        distanceMultiplier: 0.001,
        minDistance: 2000,
      })
      .limit(2)
      .end();
    expect(names(km)).toEqual(['east-2', 'north-5']);
    expect(km.list[0].km).toBeCloseTo((2 * HUNDREDTH_DEGREE_M) / 1000, 5);
  });

  it('must be the first stage, needs an index, and a key when there are several', async () => {
    // A fresh object each time: the SDK rewrites `near` in the object it is given.
    const stage = () => ({ near: new Geo.Point(0, 0), spherical: true, distanceField: 'd' });
    await expect(
      db.collection('places').aggregate().match({ name: 'origin' }).geoNear(stage()).limit(5).end(),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('first stage') });
    await expect(db.collection('todos').aggregate().geoNear(stage()).limit(5).end()).rejects.toMatchObject({
      errMsg: expect.stringContaining('unable to find index'),
    });
    await db.collection('routes').add({
      data: {
        start: new Geo.Point(0, 0),
        path: new Geo.LineString([new Geo.Point(5, 5), new Geo.Point(6, 6)]),
      },
    });
    await expect(db.collection('routes').aggregate().geoNear(stage()).limit(5).end()).rejects.toMatchObject({
      errMsg: expect.stringContaining('more than one 2dsphere index'),
    });
    const byPath = await db
      .collection('routes')
      .aggregate()
      .geoNear({ ...stage(), key: 'path' })
      .limit(5)
      .end();
    expect(byPath.list[0].d).toBeGreaterThan(700_000);
  });
});
