/**
 * The network model and the fault hook: every wire request of an invocation (database, storage, open API, a nested
 * call) waits the modelled delay once, requests from outside an invocation do not; and an invocation killed before
 * its n-th round trip has made exactly the n − 1 before it. Figures, never clocks: the model counts what it added.
 */
import { parseCli } from '../../localcloud/cliOptions';
import { connectSdk, startTestCloud, type LocalCloud, type WxServerSdk } from '../support/localcloud';

let lc: LocalCloud;
let sdk: WxServerSdk;

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
    latencyMs: 0,
  });
  sdk = connectSdk(lc);
});
afterAll(() => lc.close());
afterEach(() => lc.latency.set({ ms: 0, jitterMs: 0 }));

/** Wire requests the cloud has served so far, of every action. */
const served = () => [...lc.requestCounts.values()].reduce((a, b) => a + b, 0);

it('adds nothing by default', async () => {
  expect(lc.latency.get()).toEqual({ ms: 0, jitterMs: 0 });
  await lc.call('writer', { n: 2, run: 'zero' }, 'u1');
  expect(lc.latency.applied).toEqual({ trips: 0, ms: 0 });
});

it('delays each round trip of an invocation once: database, nested calls, storage and the open API', async () => {
  lc.latency.set({ ms: 3 });
  const before = { ...lc.latency.applied };
  const requests = served();
  const writer = await lc.call('writer', { n: 4, run: 'delayed' }, 'u1');
  expect('result' in writer && writer.stats.dbRoundTrips).toBe(4);
  // caller: one insert and one nested call, whose callee (echo) makes none.
  await lc.call('caller', { target: 'echo' }, 'u1');
  // platform: upload metadata, temp URL, content check, subscription message.
  await lc.call('platform', { text: '你好' }, 'u1');
  const madeByFunctions = served() - requests;
  expect(madeByFunctions).toBeGreaterThanOrEqual(4 + 2 + 4);
  expect(lc.latency.applied.trips - before.trips).toBe(madeByFunctions);
  expect(lc.latency.applied.ms - before.ms).toBe(3 * madeByFunctions);
});

it('leaves requests from outside a function alone, and draws jitter within its bound', async () => {
  lc.latency.set({ ms: 1, jitterMs: 4 });
  const before = { ...lc.latency.applied };
  await sdk.database().collection('fixture_calls').where({ run: 'none' }).get();
  expect(lc.latency.applied).toEqual(before);
  await lc.call('writer', { n: 5, run: 'jitter' }, 'u1');
  const added = lc.latency.applied.ms - before.ms;
  expect(lc.latency.applied.trips - before.trips).toBe(5);
  expect(added).toBeGreaterThanOrEqual(5);
  expect(added).toBeLessThanOrEqual(25);
});

it('refuses a negative delay', () => {
  expect(() => lc.latency.set({ ms: -1 })).toThrow(/latency ms/);
});

it('kills an invocation before its n-th round trip: the ones before happened, none after', async () => {
  const fired = lc.faults.killAtRoundTrip('writer', 3);
  const reply = await lc.call('writer', { n: 5, run: 'killed' }, 'u1');
  expect(await fired).toBe(true);
  expect(reply).toMatchObject({ error: { errMsg: expect.stringContaining('killed before round trip 3') } });
  const rows = await sdk.database().collection('fixture_calls').where({ run: 'killed' }).get();
  expect(rows.data.map((d: { i: number }) => d.i).sort()).toEqual([1, 2]);
  // One shot: the next invocation runs whole, on a fresh instance.
  const again = await lc.call('writer', { n: 5, run: 'after' }, 'u1');
  expect(again).toMatchObject({ result: { wrote: 5 } });
});

it('takes the delay from --latency/--jitter, else LOCALCLOUD_LATENCY_MS/LOCALCLOUD_JITTER_MS, else 0', () => {
  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const o = parseCli(argv, env);
    if (o === 'help') throw new Error('help');
    return { latencyMs: o.latencyMs, jitterMs: o.jitterMs };
  };
  expect(parse([])).toEqual({ latencyMs: 0, jitterMs: 0 });
  expect(parse([], { LOCALCLOUD_LATENCY_MS: '20', LOCALCLOUD_JITTER_MS: '10' })).toEqual({
    latencyMs: 20,
    jitterMs: 10,
  });
  expect(parse(['--latency', '15'], { LOCALCLOUD_LATENCY_MS: '20' })).toEqual({ latencyMs: 15, jitterMs: 0 });
  expect(() => parse(['--latency', 'fast'])).toThrow(/not milliseconds/);
});
