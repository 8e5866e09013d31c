/**
 * A person's rights over their data (PIPL arts. 45–47), through the local cloud with the real SDK, on the full demo
 * community: the export holds every collection that mentions them (checked against a scan of ALL collections for
 * their ids, openid, phone and real name), opens once and expires; deletion waits out the cooling-off (logging in
 * cancels it), then leaves no personal field of theirs anywhere (the same scan) while verified hours stay counted and
 * every donation chain still verifies; an admin acts for an elder without WeChat only with recorded consent.
 */
import { matchesFor, valuesAt } from '../../../cloudfunctions/account/domain/personalData';
import database from '../../../cloudfunctions/database.json';
import { PERSONAL_DATA } from '../../../miniprogram/shared/personalData';
import { fireTimer, startDemoCloud, type DemoCloud } from '../../support/demo';

const DAY = 86_400_000;
type Doc = Record<string, unknown> & { _id: string };
interface Who {
  userId: string;
  openid: string;
  realName?: string;
  phone?: string;
}

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo?.close());

const collections = (database as { collections: { name: string }[] }).collections.map((c) => c.name);
const docs = (c: string) => demo.cloud.store.docs(c) as Doc[];

/** Where a person appears, in every collection (an independent scan: every string and every key of every document). */
function scan(p: Who): Record<string, string[]> {
  const hits: Record<string, string[]> = {};
  const names = (s: string) =>
    s === p.userId ||
    s === p.openid ||
    (!s.startsWith('cloud://') && s.includes(p.userId)) ||
    (p.phone !== undefined && s.includes(p.phone)) ||
    (p.realName !== undefined && s.includes(p.realName));
  const walk = (c: string, v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (names(v)) (hits[c] ??= []).push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(c, x, `${path}.${i}`));
    else if (v && typeof v === 'object' && !(v instanceof Date))
      for (const [k, x] of Object.entries(v)) {
        if (names(k)) (hits[c] ??= []).push(`${path}.${k} (key)`);
        walk(c, x, `${path}.${k}`);
      }
  };
  for (const c of collections) for (const d of docs(c)) walk(c, d, d._id);
  return hits;
}

/** How many documents of each collection one of its registry fields names the person in (no `via` ones). */
function namedBy(p: Who): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [c, entry] of Object.entries(PERSONAL_DATA)) {
    if (entry.via) continue;
    const matches = matchesFor(entry, p);
    const n = docs(c).filter((d) => matches.some((m) => valuesAt(d, m.field).includes(m.value))).length;
    if (n > 0) counts[c] = n;
  }
  return counts;
}

const whoIs = (openid: string): Who => {
  const u = docs('users').find((d) => d.openid === openid)!;
  return {
    userId: u._id,
    openid,
    ...(u.realName ? { realName: String(u.realName) } : {}),
    ...(u.phone ? { phone: String(u.phone) } : {}),
  };
};

const fire = () => fireTimer(demo.cloud, 'account', 'privacyChores');

/** Every ledger line of a sign-up follows from the one before (1, 2, …; balances are running sums). */
function hoursLedgerHolds(): boolean {
  const bySignup = new Map<string, Doc[]>();
  for (const e of docs('volunteer_hours'))
    bySignup.set(String(e.signupId), [...(bySignup.get(String(e.signupId)) ?? []), e]);
  for (const entries of bySignup.values()) {
    entries.sort((a, b) => Number(a.n) - Number(b.n));
    let pending = 0;
    let verified = 0;
    for (const [i, e] of entries.entries()) {
      pending += Number(e.pendingDelta);
      verified += Number(e.verifiedDelta);
      if (e.n !== i + 1 || e.pendingAfter !== pending || e.verifiedAfter !== verified) return false;
      if (e.volunteerId !== entries[0]!.volunteerId) return false;
    }
  }
  return true;
}

const verifiedByActivity = () => {
  const sums: Record<string, number> = {};
  for (const e of docs('volunteer_hours'))
    sums[String(e.activityId)] = (sums[String(e.activityId)] ?? 0) + Number(e.verifiedDelta);
  return sums;
};

const PEOPLE = [
  'demo-resident-zhang',
  'demo-resident-chen',
  'demo-volunteer-zhao',
  'demo-resident-qian',
  'demo-staff-xinyuan-2',
];

describe('export', () => {
  it.each(PEOPLE)(
    'holds every collection that mentions %s, opens once, and only for them',
    async (openid) => {
      const who = whoIs(openid);
      const mentioned = Object.keys(scan(who)).sort();
      expect(mentioned.length).toBeGreaterThan(3);
      const named = namedBy(who);
      const overview = await demo.call('account', openid, 'myData', {});
      expect(overview.ok && overview.roundTrips).toBe(1);
      const exporting = await demo.call('account', openid, 'exportMyData', {});
      if (!exporting.ok) throw new Error(exporting.error.message);
      expect(exporting.roundTrips).toBe(2);
      const made = exporting.data;
      const stranger = await demo.call('account', 'demo-resident-li', 'openExport', {
        exportId: made.exportId,
      });
      expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const opened = await demo.call('account', openid, 'openExport', { exportId: made.exportId });
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.roundTrips).toBeLessThanOrEqual(2);
      const again = await demo.call('account', openid, 'openExport', { exportId: made.exportId });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const json = (await (await fetch(opened.data.jsonUrl)).json()) as {
        sections: { collection: string; records: unknown[]; actedOn: unknown[] }[];
      };
      const exported = json.sections.map((s) => s.collection).sort();
      expect(mentioned.filter((c) => !exported.includes(c))).toEqual([]);
      // Every document a registry field names them in, once: their own records, or those they acted on.
      const counted = Object.fromEntries(
        json.sections
          .filter((s) => !PERSONAL_DATA[s.collection]!.via)
          .map((s) => [s.collection, s.records.length + s.actedOn.length]),
      );
      expect(counted).toEqual(named);
      const html = await (await fetch(opened.data.htmlUrl)).text();
      expect(html).toContain('睦邻 · 我的个人信息');
      // Votes are "which round, how many": never whom for.
      for (const b of json.sections.find((s) => s.collection === 'proposal_ballots')?.records ?? [])
        expect(Object.keys(b as object).sort()).not.toContain('proposalIds');
    },
  );

  it('expires: the timer deletes an export and its files after the hour', async () => {
    const made = await demo.ok('account', 'demo-resident-wang', 'exportMyData', {});
    demo.cloud.clock.set(demo.cloud.clock.now() + 61 * 60_000);
    const late = await demo.call('account', 'demo-resident-wang', 'openExport', { exportId: made.exportId });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const out = await fire();
    expect(out.exportsDropped).toBeGreaterThanOrEqual(1);
    expect(docs('account_exports').find((d) => d._id === made.exportId)).toBeUndefined();
  });
});

describe('admin acting for an elder without WeChat', () => {
  it('needs the elder to be a proxy of their place and their recorded consent; writes nothing otherwise', async () => {
    const elderId = demo.seed.proxyElderId;
    const admin = 'demo-admin-dongshan';
    const before = docs('account_exports').length;
    const noConsent = await demo.call('account', admin, 'exportMyData', { elderId });
    expect(noConsent).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'consent' }] },
    });
    const elsewhere = await demo.call('account', 'demo-admin-lukou', 'exportMyData', {
      elderId,
      consent: { method: 'verbal', note: '本人同意' },
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wechatUser = demo.seed.userIds['demo-resident-wang']!;
    const notProxy = await demo.call('account', admin, 'myData', { elderId: wechatUser });
    expect(notProxy).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const resident = await demo.call('account', 'demo-resident-li', 'requestErasure', {
      elderId,
      consent: { method: 'verbal', note: '本人同意' },
    });
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const forged = await demo.unchecked('account', admin, 'exportMyData', { userId: elderId });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(docs('account_exports').length).toBe(before);
    expect(docs('account_erasures')).toHaveLength(0);

    const made = await demo.ok('account', admin, 'exportMyData', {
      elderId,
      consent: { method: 'written', note: '老人签字同意导出' },
    });
    expect(made.records).toBeGreaterThan(0);
    const stored = docs('account_exports').find((d) => d._id === made.exportId)!;
    expect(stored).toMatchObject({
      userId: elderId,
      consent: { method: 'written', note: '老人签字同意导出' },
    });
  });
});

describe('deleting an account', () => {
  it('waits out the cooling-off, is cancelled by logging in, then leaves no personal field while the records hold', async () => {
    const targets = [
      'demo-resident-chen',
      'demo-volunteer-zhao',
      'demo-resident-qian',
      'demo-staff-xinyuan-2',
    ];
    const people = targets.map(whoIs);
    const elder: Who = {
      userId: demo.seed.proxyElderId,
      openid: `proxy:${demo.seed.proxyElderId}`,
      realName: '孙桂兰',
    };
    // 陈's towels (general stock) shared out in part by a staff member who also leaves: the part carries 陈 as
    // its donor and must lose that too, and still verify back to the gift afterwards.
    const towels = docs('charity_donations').find((d) => d.item === '毛巾' && d.status === 'received')!;
    const recipient = docs('charity_recipients').find((r) => r.communityId === 'jn-lukou-lukou')!;
    const need = await demo.ok('charity', 'demo-admin-lukou', 'postNeed', {
      recipientId: recipient._id,
      item: '毛巾',
      itemCategory: 'daily',
      unit: '条',
      quantity: 2,
      estimatedValue: 15,
      story: '冬天洗漱想换两条新毛巾。',
      deadline: new Date(demo.cloud.clock.now() + 40 * DAY).toISOString(),
      idempotencyKey: 'rights-towels-need',
    });
    await demo.ok('charity', 'demo-staff-xinyuan-2', 'allocate', {
      donationId: towels._id,
      needId: need.id,
      quantity: 2,
    });
    expect(docs('charity_donations').filter((d) => d.giftId === towels._id)).toHaveLength(1);
    const hoursBefore = verifiedByActivity();
    const donations = docs('charity_donations').map((d) => d._id);

    // Asked, then cancelled by logging in.
    const asked = await demo.ok('account', 'demo-resident-chen', 'requestErasure', {});
    const request = docs('account_erasures')[0]!;
    expect(new Date(asked.dueAt).getTime() - (request.requestedAt as Date).getTime()).toBe(15 * DAY);
    const back = await demo.ok('account', 'demo-resident-chen', 'login');
    expect(back).toMatchObject({ erasureCancelled: true });
    expect(docs('account_erasures')).toHaveLength(0);

    for (const openid of targets) await demo.ok('account', openid, 'requestErasure', {});
    // Re-reading the profile mid-session (我的 shown again) is not logging in: the request stays.
    const refreshed = await demo.ok('account', 'demo-resident-chen', 'login', { refresh: true });
    expect(refreshed).not.toHaveProperty('erasureCancelled');
    const twice = await demo.ok('account', 'demo-resident-qian', 'requestErasure', {});
    expect(docs('account_erasures')).toHaveLength(targets.length);
    await demo.ok('account', 'demo-admin-dongshan', 'requestErasure', {
      elderId: elder.userId,
      consent: { method: 'written', note: '老人签字同意注销' },
    });
    expect(twice.coolingDays).toBe(15);

    // Not yet: day 14 erases nobody.
    demo.cloud.clock.set(demo.cloud.clock.now() + 14 * DAY);
    expect(await fire()).toMatchObject({ erased: 0 });
    for (const p of people) expect(Object.keys(scan(p)).length).toBeGreaterThan(0);

    demo.cloud.clock.set(demo.cloud.clock.now() + 2 * DAY);
    expect(await fire()).toMatchObject({ erased: targets.length + 1 });
    for (const p of people) expect({ who: p.openid, left: scan(p) }).toEqual({ who: p.openid, left: {} });
    // The elder's name is left only on the charity supermarket's own registration of a recipient by that name, which
    // is not linked to the account and is kept under its own consent record (the registry: `charity_recipients`).
    expect(Object.keys(scan(elder))).toEqual(['charity_recipients']);
    const { realName: _name, ...elderIds } = elder;
    expect(scan(elderIds)).toEqual({});
    expect(docs('account_erasures')).toHaveLength(0);

    // What the law and the accounts need is still there, without identity.
    expect(verifiedByActivity()).toEqual(hoursBefore);
    expect(hoursLedgerHolds()).toBe(true);
    expect(docs('charity_donations').map((d) => d._id)).toEqual(donations);
    for (const donationId of donations) {
      const v = await demo.ok('charity', 'demo-resident-li', 'verify', { donationId });
      expect({ donationId, intact: v.intact }).toEqual({ donationId, intact: true });
    }
    // Other people's records still read.
    await demo.ok('charity', 'demo-resident-li', 'needs', {});
    await demo.ok('account', 'demo-resident-zhang', 'listLinks', {});
    // A deleted person who comes back is a new user.
    const again = await demo.ok('account', 'demo-volunteer-zhao', 'login');
    expect(again.isNew).toBe(true);
  });
});

describe('withdrawing consent', () => {
  it('stops the messages of every order and donation the person made, and nothing else', async () => {
    const who = whoIs('demo-resident-wang');
    const others = docs('service_orders').filter((o) => o.orderedBy !== who.userId);
    const before = JSON.stringify(others.map((o) => o.consent));
    const r = await demo.call('account', who.openid, 'withdrawConsent', { kind: 'messages' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.orders).toBeGreaterThan(0);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    for (const o of docs('service_orders').filter((x) => x.orderedBy === who.userId))
      expect(o.consent).toEqual([]);
    for (const d of docs('charity_donations').filter((x) => x.donorId === who.userId))
      expect(d.subscribed).toBe(false);
    expect(
      JSON.stringify(
        docs('service_orders')
          .filter((o) => o.orderedBy !== who.userId)
          .map((o) => o.consent),
      ),
    ).toBe(before);
    const wrong = await demo.unchecked('account', who.openid, 'withdrawConsent', { kind: 'location' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
