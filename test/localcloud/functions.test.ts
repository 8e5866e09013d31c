/** The function host: identity per invocation, function-to-function calls, errors, timeouts, timers, the clock. */
import {
  connectSdk,
  resultOf,
  startTestCloud,
  type LocalCloud,
  type WxServerSdk,
} from '../support/localcloud';

let lc: LocalCloud;
let sdk: WxServerSdk;

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  sdk = connectSdk(lc);
});
afterAll(() => lc.close());

interface Echo {
  event: Record<string, unknown>;
  wx: Record<string, unknown>;
  clockOffset: number;
  when: unknown;
}

it('gives each invocation its caller’s identity, even with many callers at once', async () => {
  const users = Array.from({ length: 40 }, (_, i) => `user-${i}`);
  const replies = await Promise.all(users.map((u) => lc.call('echo', { who: u }, u)));
  replies.forEach((reply, i) => {
    const r = resultOf<Echo>(reply);
    expect(r.wx.OPENID).toBe(users[i]);
    expect(r.event.who).toBe(users[i]);
    expect(r.event.userInfo).toEqual({ appId: r.wx.APPID, openId: users[i] });
    expect(r.wx.ENV).toBe('mulin-local');
  });
});

it('hands back JSON, as CloudBase does (a Date becomes a string)', async () => {
  const r = resultOf<Echo>(await lc.call('echo', {}, 'u1'));
  expect(r.when).toBe('1970-01-01T00:00:00.000Z');
});

it('runs a function called by a function as the same user, and counts the callee’s round trips too', async () => {
  const reply = await lc.call('caller', { target: 'echo' }, 'user-nested');
  const r = resultOf<{ inner: Echo }>(reply);
  expect(r.inner.wx.OPENID).toBe('user-nested');
  expect(r.inner.event).toMatchObject({ from: 'caller' });
  expect('stats' in reply && reply.stats.dbRoundTrips).toBe(1);
  const stored = await sdk.database().collection('fixture_calls').where({ by: 'user-nested' }).get();
  expect(stored.data).toHaveLength(1);
});

it('reports a thrown error as the platform does, and a missing function', async () => {
  const thrown = await lc.call('thrower', {}, 'u1');
  expect(thrown).toMatchObject({
    error: { errCode: -504002, errMsg: expect.stringContaining('TypeError: boom') },
  });
  const missing = await lc.call('no-such-function', {}, 'u1');
  expect(missing).toMatchObject({ error: { errCode: -501000 } });
  await expect(sdk.callFunction({ name: 'thrower', data: {} })).rejects.toMatchObject({
    errMsg: expect.stringContaining('boom'),
  });
});

it('stops an invocation at its config.json timeout, and the next call gets a fresh instance', async () => {
  // The platform's limits, not the test cloud's generous floor (TEST_FUNCTION_TIMEOUT_S).
  const platform = await startTestCloud({
    functionsDir: 'test/fixtures/functions',
    minFunctionTimeoutSeconds: 0,
  });
  try {
    const reply = await platform.call('slow', { ms: 5000 }, 'u1');
    expect(reply).toMatchObject({ error: { errMsg: expect.stringContaining('timed out after 1 seconds') } });
    expect(resultOf(await platform.call('slow', { ms: 10 }, 'u1'))).toEqual({ slept: true });
  } finally {
    await platform.close();
  }
});

it('lets a test cloud’s functions run past their config.json timeout (the floor for busy machines)', async () => {
  // slow's config.json says 1 s; the file's test cloud keeps it running for as long as a test may take.
  expect(lc.host.definition('slow')?.config.timeout).toBe(1);
  expect(resultOf(await lc.call('slow', { ms: 1500 }, 'u1'))).toEqual({ slept: true });
});

it('fires timer triggers on demand with the platform’s event and no user', async () => {
  expect(lc.timers.list()).toEqual([
    { functionName: 'echo', triggerName: 'everyMinute', cron: '0 * * * * * *' },
  ]);
  const outcome = await lc.timers.fire('echo', 'everyMinute');
  expect(outcome.ok).toBe(true);
  const r = outcome.ok ? (JSON.parse(outcome.resultJson) as Echo) : undefined;
  expect(r?.event).toMatchObject({ Type: 'Timer', TriggerName: 'everyMinute' });
  expect(r?.wx.OPENID).toBeUndefined();
});

it('fires a due timer when the clock moves past its schedule, and functions see the moved clock', async () => {
  await lc.timers.tick();
  const before = lc.requestCounts.get('functions.invokeFunction') ?? 0;
  lc.clock.advance(61_000);
  const fired: string[] = [];
  const original = lc.timers.fire.bind(lc.timers);
  lc.timers.fire = async (f, t) => {
    fired.push(`${f}/${t}`);
    return original(f, t);
  };
  await lc.timers.tick();
  expect(fired).toEqual(['echo/everyMinute']);
  const r = resultOf<Echo>(await lc.call('echo', {}, 'u1'));
  expect(r.clockOffset).toBe(lc.clock.offset());
  expect(lc.requestCounts.get('functions.invokeFunction') ?? 0).toBe(before);
});

it('lets a function use storage and the open API of the same local cloud (content check, outbox)', async () => {
  const r = resultOf<{ fileID: string; url: string; suggest: string }>(
    await lc.call('platform', { text: '你好 邻居' }, 'user-p'),
  );
  expect(r.fileID).toMatch(/^cloud:\/\/mulin-local\..+\/fixtures\/user-p\.txt$/);
  expect(r.suggest).toBe('pass');
  expect(Buffer.from(await (await fetch(r.url)).arrayBuffer()).toString()).toBe('你好 邻居');
  expect(lc.outbox.list()).toEqual([
    expect.objectContaining({ touser: 'user-p', templateId: 'tpl-test', page: 'pages/home/index' }),
  ]);
  const risky = resultOf<{ suggest: string }>(await lc.call('platform', { text: '来赌博吧' }, 'user-q'));
  expect(risky.suggest).toBe('risky');
});
