/**
 * Giving 爱心积分 to a charity need (微心愿): a give entry naming the need on the giver's ledger and the gift counted
 * on the need, which the supermarket spends buying the item; everyone sees the total on the need. Per role
 * (the recipient may not give to their own need), bad input and refusals writing nothing, each gift once however
 * often it is replayed, and concurrent gifts never spending more than the balance.
 */
import type { NeedView } from '../../../cloudfunctions/charity/contract';
import { startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
let need: NeedView;

const codeOf = (r: { ok: true } | { ok: false; error: { code: string } }) => (r.ok ? 'OK' : r.error.code);
const userId = (openid: string) =>
  w.demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const entries = (openid: string) =>
  w.demo.cloud.store.docs('points_entries').filter((e) => e.userId === userId(openid));
const needDoc = (id: string) => w.demo.cloud.store.docs('charity_needs').find((n) => n._id === id)!;
const grant = (openid: string, delta: number) =>
  w.demo.ok('volunteering', WHO.districtAdmin, 'adjustPoints', {
    targetUserId: userId(openid),
    delta,
    reason: '测试发放',
    idempotencyKey: w.key(),
  });
const give = (openid: string, needId: string, points: number, key = w.key()) =>
  w.demo.call('charity', openid, 'givePointsToNeed', { needId, points, idempotencyKey: key });

beforeAll(async () => {
  w = await startCharity();
  need = await w.postNeed('zhao');
  await grant(WHO.volunteer, 100);
  await grant(WHO.wang, 50);
});
afterAll(() => w.close());

describe('points given to a need', () => {
  it('are a give entry naming the need and a total on the need, once per key', async () => {
    const r = await give(WHO.volunteer, need.id, 30, 'gift-key-1');
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toEqual({ points: 30, balance: 70, needPoints: 30 });
    const replay = await give(WHO.volunteer, need.id, 30, 'gift-key-1');
    expect(replay.ok && replay.data).toEqual({ points: 30, balance: 70, needPoints: 30 });
    expect(replay.roundTrips).toBeLessThanOrEqual(2);
    const gives = entries(WHO.volunteer).filter((e) => e.kind === 'give');
    expect(gives).toHaveLength(1);
    expect(gives[0]).toMatchObject({
      delta: -30,
      balanceAfter: 70,
      cause: { type: 'need', title: '捐给微心愿：大米（禄口街道慈善超市）' },
    });
    expect(needDoc(need.id)).toMatchObject({ pointsGiven: 30 });
    expect(Object.values(needDoc(need.id).pointGifts as object)).toHaveLength(1);
  });

  it('show on the need to everyone: the public, the supermarket staff and the admin', async () => {
    for (const who of [WHO.donor, WHO.lukouStaff])
      expect((await w.demo.ok('charity', who, 'need', { needId: need.id })).need.points).toEqual({
        total: 30,
        gifts: 1,
      });
    const admin = await w.demo.ok('charity', WHO.lukouAdmin, 'adminNeeds', { state: 'all', offset: 0 });
    expect(admin.items.find((n) => n.id === need.id)!.points).toEqual({ total: 30, gifts: 1 });
  });

  it('are refused beyond the balance, to the need’s own recipient, for a closed or unknown need, writing nothing', async () => {
    const own = await w.postNeed('wang', { item: '棉被', unit: '床', quantity: 1 });
    const closed = await w.postNeed('zhou');
    await w.demo.ok('charity', WHO.lukouAdmin, 'closeNeed', { needId: closed.id, reason: '已由家人解决' });
    const before = JSON.stringify([
      w.demo.cloud.store.docs('points_entries'),
      w.demo.cloud.store.docs('charity_needs'),
    ]);
    const tooMuch = await give(WHO.volunteer, need.id, 71);
    expect(codeOf(tooMuch)).toBe('LIMIT_REACHED');
    expect(tooMuch.roundTrips).toBe(1);
    expect(codeOf(await give(WHO.donor, need.id, 1))).toBe('LIMIT_REACHED');
    expect(codeOf(await give(WHO.wang, own.id, 10))).toBe('FORBIDDEN');
    expect(codeOf(await give(WHO.volunteer, closed.id, 10))).toBe('CONFLICT');
    expect(codeOf(await give(WHO.volunteer, 'no-such-need', 10))).toBe('NOT_FOUND');
    const input = { needId: need.id, points: 10, idempotencyKey: w.key() };
    for (const bad of [
      { ...input, points: 0 },
      { ...input, points: 1.5 },
      { ...input, points: 10_001 },
      { ...input, points: '10' },
      { ...input, openid: WHO.wang },
      { needId: need.id, points: 10 },
    ])
      expect(codeOf(await w.demo.unchecked('charity', WHO.volunteer, 'givePointsToNeed', bad))).toBe(
        'INVALID_INPUT',
      );
    expect(
      JSON.stringify([w.demo.cloud.store.docs('points_entries'), w.demo.cloud.store.docs('charity_needs')]),
    ).toBe(before);
    // The recipient may still give to someone else's need.
    expect(codeOf(await give(WHO.wang, need.id, 10))).toBe('OK');
    expect(needDoc(need.id)).toMatchObject({ pointsGiven: 40 });
  });

  it('racing: 20 concurrent gifts of 10 on a balance of 50 → exactly 5, the need holding what was spent', async () => {
    const other = await w.postNeed('zhou', { item: '食用油', unit: '桶' });
    await grant(WHO.li, 50);
    const who = WHO.li;
    const replies = await Promise.all(Array.from({ length: 20 }, () => give(who, other.id, 10)));
    expect(replies.filter((r) => r.ok)).toHaveLength(5);
    expect(replies.filter((r) => !r.ok).map(codeOf)).toEqual(Array(15).fill('LIMIT_REACHED'));
    const mine = entries(who).sort((a, b) => (a.n as number) - (b.n as number));
    expect(mine.map((e) => e.n)).toEqual(mine.map((_, i) => i + 1));
    expect(mine.at(-1)!.balanceAfter).toBe(0);
    expect(mine.reduce((s, e) => s + (e.delta as number), 0)).toBe(0);
    expect(needDoc(other.id)).toMatchObject({ pointsGiven: 50 });
    expect(Object.keys(needDoc(other.id).pointGifts as object)).toHaveLength(5);
  });

  it('racing twins of one gift: one give, counted once on the need', async () => {
    const other = await w.postNeed('zhao', { item: '拐杖', unit: '根', quantity: 1 });
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => give(WHO.volunteer, other.id, 5, 'twin-gift-key')),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(
      entries(WHO.volunteer).filter(
        (e) => e.kind === 'give' && (e.cause as { title: string }).title.includes('拐杖'),
      ),
    ).toHaveLength(1);
    expect(needDoc(other.id)).toMatchObject({ pointsGiven: 5 });
  });

  it('an interrupted gift (given, not yet counted on the need) is completed by its replay, once', async () => {
    const other = await w.postNeed('zhao', { item: '助行器', unit: '个', quantity: 1 });
    expect(codeOf(await give(WHO.volunteer, other.id, 5, 'cut-gift-key'))).toBe('OK');
    // As if the function stopped after the give: the need does not count it yet.
    w.demo.cloud.store.update(
      'charity_needs',
      { _id: other.id },
      { $unset: { pointGifts: '', pointsGiven: '' } },
      { multi: false },
    );
    expect(needDoc(other.id).pointsGiven).toBeUndefined();
    const replay = await give(WHO.volunteer, other.id, 5, 'cut-gift-key');
    expect(replay.ok && replay.data.needPoints).toBe(5);
    expect(needDoc(other.id)).toMatchObject({ pointsGiven: 5 });
    expect(
      entries(WHO.volunteer).filter((e) => (e.cause as { title: string }).title.includes('助行器')),
    ).toHaveLength(1);
  });
});
