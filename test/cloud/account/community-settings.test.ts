/**
 * account: a community's hotline and 首页 tiles — set by an admin of the community's street, refused to another
 * street's admin and for a number that is not one (nothing written); read back by residents through `home` and
 * `hotline`, with the street's 96890 where the community has none.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const LUKOU = 'jn-lukou-lukou';
const TONGSHAN = 'jn-lukou-tongshan';
const place = (id: string) => demo.cloud.store.docs('places').find((p) => p._id === id)!;

it('gives residents their community’s hotline and tiles, and the street’s 96890 where the community has none', async () => {
  const home = await demo.call('account', 'demo-resident-wang', 'home');
  expect(home.ok && home.data).toMatchObject({
    hotline: { number: place(LUKOU).hotline, placeName: '禄口社区' },
    tiles: ['meal', 'cleaning', 'orders', 'call'],
  });
  expect(place(LUKOU).hotline).toMatch(/^025-\d{8}$/);
  expect(home.roundTrips).toBeLessThanOrEqual(3);
  const street = await demo.call('account', 'demo-resident-wang', 'hotline', { communityId: TONGSHAN });
  expect(street.ok && street.data.hotline).toEqual({
    number: '96890',
    hours: '每天 8:00–20:00',
    placeName: '禄口街道',
  });
  expect(street.roundTrips).toBe(1);
  // Another community's resident gets their own.
  const li = await demo.ok('account', 'demo-resident-li', 'hotline', {});
  expect(li.hotline).toMatchObject({ number: place('jn-moling-moling').hotline, placeName: '秣陵社区' });
  expect(li.hotline!.number).not.toBe(place(LUKOU).hotline);
});

it('lets the street’s admin set the hotline, its hours and the tiles; residents see them at once', async () => {
  const set = await demo.call('account', 'demo-admin-lukou', 'editCommunity', {
    communityId: TONGSHAN,
    hotline: '025-57112233',
    hotlineHours: '每天 8:00–18:00',
    homeTiles: ['call', 'meal'],
  });
  expect(set).toMatchObject({
    ok: true,
    data: {
      id: TONGSHAN,
      hotline: '025-57112233',
      hotlineHours: '每天 8:00–18:00',
      homeTiles: ['call', 'meal'],
    },
  });
  expect(set.roundTrips).toBeLessThanOrEqual(2);
  expect(place(TONGSHAN)).toMatchObject({ hotline: '025-57112233', homeTiles: ['call', 'meal'] });
  const stats = await demo.ok('account', 'demo-admin-lukou', 'adminCommunities');
  expect(stats.find((c) => c.id === TONGSHAN)).toMatchObject({
    hotline: '025-57112233',
    streetHotline: '96890',
    homeTiles: ['call', 'meal'],
  });
  const line = await demo.ok('account', 'demo-resident-zhang', 'hotline', { communityId: TONGSHAN });
  expect(line.hotline).toEqual({ number: '025-57112233', hours: '每天 8:00–18:00', placeName: '铜山社区' });

  // Cleared: residents fall back to the street's line; tiles left out stay as they were.
  await demo.ok('account', 'demo-admin-lukou', 'editCommunity', {
    communityId: TONGSHAN,
    hotline: '',
    hotlineHours: '',
  });
  expect(place(TONGSHAN).hotline).toBeUndefined();
  expect(place(TONGSHAN).homeTiles).toEqual(['call', 'meal']);
  const back = await demo.ok('account', 'demo-resident-zhang', 'hotline', { communityId: TONGSHAN });
  expect(back.hotline?.number).toBe('96890');
});

it('refuses another street’s admin and a resident, and writes nothing', async () => {
  const before = JSON.stringify(place(LUKOU));
  for (const openid of ['demo-admin-moling', 'demo-resident-wang']) {
    const r = await demo.call('account', openid, 'editCommunity', { communityId: LUKOU, hotline: '96890' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  const missing = await demo.call('account', 'demo-admin-lukou', 'editCommunity', {
    communityId: 'jn-lukou',
    hotline: '96890',
  });
  expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(JSON.stringify(place(LUKOU))).toBe(before);
});

it('refuses what is not a phone number, or a tile twice, with the field named, and writes nothing', async () => {
  const before = JSON.stringify(place(LUKOU));
  for (const hotline of ['1234', '025-123', 'call me', '0255210101499']) {
    const r = await demo.call('account', 'demo-admin-lukou', 'editCommunity', {
      communityId: LUKOU,
      hotline,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'hotline' }] } });
  }
  const twice = await demo.call('account', 'demo-admin-lukou', 'editCommunity', {
    communityId: LUKOU,
    homeTiles: ['meal', 'meal'],
  });
  expect(twice).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'homeTiles' }] },
  });
  expect(JSON.stringify(place(LUKOU))).toBe(before);
  // The short line, a landline and a mobile are all numbers.
  for (const hotline of ['96890', '025-52101234', '13912345678'])
    await demo.ok('account', 'demo-admin-lukou', 'editCommunity', { communityId: LUKOU, hotline });
});
