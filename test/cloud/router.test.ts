/**
 * The router of every function, through the local cloud with the real SDK, as hostile clients would call it:
 * timers run only for the platform's own trigger events (no caller), never for a client that copies a timer's
 * fields into its call data; actions are looked up by the router's own keys only (`constructor`, `__proto__`…
 * are unknown actions, not a crash).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { id } from '../../cloudfunctions/common/schemas';
import type { LocalCloud } from '../../localcloud/cloud';
import { startDemoCloud, type DemoCloud } from '../support/demo';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
});
afterAll(() => demo.close());

interface Trigger {
  fn: string;
  name: string;
}

/** Every timer trigger of every function, read from the functions' own config.json. */
const root = join(__dirname, '..', '..', 'cloudfunctions');
const triggers: Trigger[] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'common')
  .flatMap((d) => {
    const config = JSON.parse(readFileSync(join(root, d.name, 'config.json'), 'utf8')) as {
      triggers?: { name: string; type: string }[];
    };
    return (config.triggers ?? [])
      .filter((t) => t.type === 'timer')
      .map((t) => ({ fn: d.name, name: t.name }));
  });
const functions = [...new Set(triggers.map((t) => t.fn))];

/** Everything the cloud holds that a timer could change: every document, and the messages sent. */
function stateOf(cloud: LocalCloud): string {
  const docs = cloud.store.collectionNames().map((c) => [c, cloud.store.docs(c)]);
  return JSON.stringify({ docs, outbox: cloud.outbox.list() });
}

it('finds the timers to attack', () => {
  expect(triggers.length).toBeGreaterThanOrEqual(8);
  expect(functions).toEqual(expect.arrayContaining(['services', 'charity', 'proposals', 'volunteering']));
});

describe.each([
  ['a brand-new openid', 'never-logged-in-attacker'],
  ['a resident', 'demo-resident-wang'],
])('as %s', (_who, openid) => {
  it.each(triggers.map((t) => [`${t.fn}.${t.name}`, t] as const))(
    'a client call carrying the %s timer fields runs nothing and writes nothing',
    async (_label, t) => {
      const before = stateOf(demo.cloud);
      const timer = { Type: 'Timer', TriggerName: t.name, Time: new Date().toISOString(), Message: '' };
      const shapes = [
        timer,
        { ...timer, action: t.name },
        { ...timer, action: 'home' },
        { ...timer, action: '' },
      ];
      for (const data of shapes) {
        const reply = await demo.cloud.call(t.fn, data, openid);
        expect(reply).toMatchObject({ result: { ok: false, error: { code: 'INVALID_INPUT' } } });
      }
      // Moving the clock past every schedule must not make a client call reach a timer either.
      demo.cloud.clock.advance(40 * 24 * 3600_000);
      try {
        expect(await demo.cloud.call(t.fn, timer, openid)).toMatchObject({
          result: { ok: false, error: { code: 'INVALID_INPUT' } },
        });
      } finally {
        demo.cloud.clock.advance(-40 * 24 * 3600_000);
      }
      expect(stateOf(demo.cloud)).toBe(before);
    },
  );
});

it('the platform’s own trigger event still runs every timer, and some of them do write', async () => {
  const changed: string[] = [];
  demo.cloud.clock.advance(40 * 24 * 3600_000);
  for (const t of triggers) {
    const before = stateOf(demo.cloud);
    const outcome = await demo.cloud.timers.fire(t.fn, t.name);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && (JSON.parse(outcome.resultJson) as { ok: boolean }).ok).toBe(true);
    if (stateOf(demo.cloud) !== before) changed.push(`${t.fn}.${t.name}`);
  }
  // The attacks above would have had something to do: the same triggers change the demo when the platform fires.
  expect(changed.length).toBeGreaterThan(0);
});

describe('action lookup uses the router’s own keys only', () => {
  const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
  it.each(functions.concat('account'))('%s: inherited names are unknown actions', async (fn) => {
    for (const action of inherited) {
      const reply = await demo.unchecked(fn, 'demo-resident-wang', action);
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: 'action', message: 'unknown action' }] },
      });
    }
    // Before the fix these were INTERNAL, with `unexpected failure TypeError…` in the function's log.
    expect(demo.cloud.host.recentLogs().join('\n')).not.toMatch(/TypeError|unexpected failure/);
  });
});

it('every id the demo holds is one the contracts accept (ids refuse hostile characters, not real ids)', () => {
  const ids = demo.cloud.store.collectionNames().flatMap((c) => demo.cloud.store.docs(c).map((d) => d._id));
  expect(ids.length).toBeGreaterThan(300);
  const refused = ids.filter((i) => !id.safeParse(i).success);
  expect(refused).toEqual([]);
});
