/**
 * The big screen's data (大屏) through the local cloud on the full demo: a street admin makes the street's screen
 * token (others are refused and nothing is written); the HTTP access path answers the token's street with the
 * dashboard action's own figures and nothing personal — no ids, no people; a token used for another street, a
 * replaced one, a malformed one or an expired one gets a typed error and no figures.
 */
import { SCREEN_TOKEN_DAYS } from '../../../cloudfunctions/projects/domain/screen';
import { startDemoCloud, type DemoCloud } from '../../support/demo';

const LUKOU = 'demo-admin-lukou';
const MOLING = 'demo-admin-moling';
const WANG = 'demo-resident-wang';
const XINYUAN = 'demo-staff-xinyuan-1';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  expect((await demo.cloud.timers.fire('projects', 'refresh')).ok).toBe(true);
}, 180_000);
afterAll(() => demo.close());

type Body = { ok: boolean; data?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function screen(query: Record<string, string>, init?: RequestInit) {
  const res = await fetch(`${demo.cloud.baseUrl}/bigscreen-data?${new URLSearchParams(query)}`, init);
  return { status: res.status, body: (await res.json()) as Body };
}
const screens = () => demo.cloud.store.docs('project_screens') as Record<string, unknown>[];

it('lets only an admin of the street make its screen token, writing nothing otherwise', async () => {
  for (const [who, streetId, code] of [
    [WANG, 'jn-lukou', 'FORBIDDEN'],
    [XINYUAN, 'jn-lukou', 'FORBIDDEN'],
    [MOLING, 'jn-lukou', 'FORBIDDEN'],
    [LUKOU, 'no-such-street', 'NOT_FOUND'],
  ] as const) {
    const r = await demo.call('projects', who, 'screenToken', { streetId });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  }
  const bad = await demo.unchecked('projects', LUKOU, 'screenToken', { streetId: 7 });
  expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
  expect(screens()).toEqual([]);
});

it('answers the token with the dashboard figures of its street, and nothing personal', async () => {
  const made = await demo.call('projects', LUKOU, 'screenToken', {});
  if (!made.ok) throw new Error(made.error.message);
  expect(made.roundTrips).toBeLessThanOrEqual(3);
  expect(made.data).toMatchObject({ streetId: 'jn-lukou', streetName: '禄口街道' });
  // Only a hash is kept.
  expect(JSON.stringify(screens())).not.toContain(made.data.token);

  const { status, body } = await screen({ street: 'jn-lukou', token: made.data.token });
  expect(status).toBe(200);
  const dash = (await demo.ok('projects', LUKOU, 'dashboard', {})).dashboard!;
  const d = body.data.dashboard;
  expect(body.data.streetName).toBe('禄口街道');
  expect(new Date(body.data.computedAt).getTime()).toBeGreaterThan(0);
  expect(d.contracts).toBe(dash.contracts);
  expect(d.standing).toEqual(dash.standing);
  expect([d.budgetFen, d.spentFen, d.releasedFen, d.attainment]).toEqual([
    dash.budgetFen,
    dash.spentFen,
    dash.releasedFen,
    dash.attainment,
  ]);
  expect(d.satisfaction).toEqual(dash.satisfaction);
  const noId = ({ id: _id, ...g }: { id: string }) => g;
  expect(d.byOrg).toEqual(dash.byOrg.map(noId));
  expect(d.byCommunity).toEqual(dash.byCommunity.map(noId));
  expect(d.lines.map((l: { title: string }) => l.title)).toEqual(dash.lines.map((l) => l.title));

  // Nothing personal and no ids: no id field anywhere, none of the demo's people, contract or organization ids.
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"(_id|id|\w+Id|\w+Ids|openid)"/);
  const ids = [
    ...Object.keys(demo.seed.userIds),
    ...Object.values(demo.seed.userIds),
    ...dash.lines.map((l) => l.id),
    ...dash.byOrg.map((o) => o.id),
  ];
  for (const id of ids) expect(text).not.toContain(`"${id}"`);
  for (const u of demo.cloud.store.docs('users') as { realName?: string; phone?: string }[]) {
    if (u.realName) expect(text).not.toContain(u.realName);
    if (u.phone) expect(text).not.toContain(u.phone);
  }
});

it('refuses another street, a replaced token, a malformed link and an expired token, with typed errors', async () => {
  const first = await demo.ok('projects', LUKOU, 'screenToken', { streetId: 'jn-lukou' });
  const wrongStreet = await screen({ street: 'jn-moling', token: first.token });
  expect([wrongStreet.status, wrongStreet.body.error?.code]).toEqual([403, 'FORBIDDEN']);
  expect(wrongStreet.body.data).toBeUndefined();

  const second = await demo.ok('projects', LUKOU, 'screenToken', { streetId: 'jn-lukou' });
  const replaced = await screen({ street: 'jn-lukou', token: first.token });
  expect([replaced.status, replaced.body.error?.code]).toEqual([403, 'FORBIDDEN']);
  expect(replaced.body.error?.message).toContain('无效或已更换');
  const forged = await screen({ street: 'jn-lukou', token: 'A'.repeat(32) });
  expect([forged.status, forged.body.error?.code]).toEqual([403, 'FORBIDDEN']);

  const malformed: Record<string, string>[] = [
    { street: 'jn-lukou' },
    { street: 'jn-lukou', token: 'x' },
    { token: second.token },
  ];
  for (const q of malformed) {
    const r = await screen(q);
    expect([r.status, r.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
  }
  const post = await screen({ street: 'jn-lukou', token: second.token }, { method: 'POST', body: '{}' });
  expect(post.status).toBe(405);
  expect((await screen({ street: 'jn-lukou', token: second.token })).status).toBe(200);

  demo.cloud.clock.advance((SCREEN_TOKEN_DAYS + 1) * 86_400_000);
  const expired = await screen({ street: 'jn-lukou', token: second.token });
  expect([expired.status, expired.body.error?.code]).toEqual([403, 'FORBIDDEN']);
  expect(expired.body.error?.message).toContain('已过期');
});
