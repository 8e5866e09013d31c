/**
 * Database semantics through the real wx-server-sdk: every operation the wire server answers, with the values
 * CloudBase would give.
 */
import { startTestCloud, connectSdk, type LocalCloud, type WxServerSdk } from '../support/localcloud';

let lc: LocalCloud;
let sdk: WxServerSdk;
let db: WxServerSdk;

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  sdk = connectSdk(lc);
  db = sdk.database();
});
afterAll(() => lc.close());

describe('collections', () => {
  it('refuses a missing collection with CloudBase’s error, and creates one on request', async () => {
    await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
    await expect(db.collection('nope').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
    await db.createCollection('made_here');
    await db.collection('made_here').add({ data: { a: 1 } });
    expect((await db.collection('made_here').count()).total).toBe(1);
    await expect(db.createCollection('made_here')).rejects.toMatchObject({
      errMsg: expect.stringContaining('Table exist'),
    });
  });
});

describe('insert and get', () => {
  it('inserts one and many, and returns documents in insertion order with no order given', async () => {
    const one = await db.collection('people').add({ data: { name: 'c', age: 30, city: 'nj' } });
    expect(one._id).toMatch(/^[0-9a-f]{32}$/);
    const many = await db.collection('people').add({
      data: [
        { name: 'a', age: 80, city: 'nj', tags: ['x'] },
        { name: 'b', age: 30, city: 'sh', profile: { phone: '138' } },
      ],
    });
    expect(many._ids).toHaveLength(2);
    const { data } = await db.collection('people').get();
    expect(data.map((d: { name: string }) => d.name)).toEqual(['c', 'a', 'b']);
    const byId = await db.collection('people').doc(many._ids[1]).get();
    expect(byId.data).toMatchObject({ name: 'b', profile: { phone: '138' } });
  });

  it('orders by several keys, skips and limits, and projects fields', async () => {
    const _ = db.command;
    const res = await db
      .collection('people')
      .where({ age: _.gte(0) })
      .orderBy('age', 'asc')
      .orderBy('name', 'desc')
      .skip(1)
      .limit(2)
      .field({ name: true })
      .get();
    expect(res.data).toEqual([
      { _id: expect.any(String), name: 'b' },
      { _id: expect.any(String), name: 'a' },
    ]);
  });

  it('supports the query commands: comparison, in, exists, regexp, or/and, nested paths, arrays', async () => {
    const _ = db.command;
    const names = async (where: unknown) =>
      (await db.collection('people').where(where).get()).data.map((d: { name: string }) => d.name).sort();
    expect(await names({ age: _.gt(29).and(_.lt(31)) })).toEqual(['b', 'c']);
    expect(await names({ city: _.in(['sh']) })).toEqual(['b']);
    expect(await names({ 'profile.phone': _.exists(true) })).toEqual(['b']);
    expect(await names({ name: db.RegExp({ regexp: '^[AB]$', options: 'i' }) })).toEqual(['a', 'b']);
    expect(await names(_.or([{ age: 80 }, { city: 'sh' }]))).toEqual(['a', 'b']);
    expect(await names({ tags: 'x' })).toEqual(['a']);
    expect(await names({ age: _.neq(30) })).toEqual(['a']);
    expect(await names({ profile: { phone: '138' } })).toEqual(['b']);
  });

  it('counts', async () => {
    expect((await db.collection('people').where({ age: 30 }).count()).total).toBe(2);
  });

  it('caps a get at 1000 documents even when asked for more', async () => {
    const batch = Array.from({ length: 1200 }, (_, i) => ({ i }));
    for (let k = 0; k < batch.length; k += 400)
      await db.collection('orders').add({ data: batch.slice(k, k + 400) });
    const res = await db.collection('orders').limit(5000).get();
    expect(res.data).toHaveLength(1000);
    expect(res.data[0].i).toBe(0);
    const page2 = await db.collection('orders').skip(1000).limit(1000).get();
    expect(page2.data).toHaveLength(200);
    expect((await db.collection('orders').get()).data).toHaveLength(100);
  });
});

describe('update, set and remove', () => {
  it('applies every update operator the SDK emits, with dotted paths and nested merge', async () => {
    const _ = db.command;
    const { _id } = await db.collection('todos').add({
      data: {
        n: 1,
        m: 3,
        tags: ['a'],
        list: ['q', 'r', 'q'],
        obj: { a: 1, b: 2 },
        gone: true,
        lo: 5,
        hi: 5,
        old: 'x',
      },
    });
    const res = await db
      .collection('todos')
      .doc(_id)
      .update({
        data: {
          n: _.inc(2),
          m: _.mul(2),
          tags: _.push(['b', 'c']),
          list: _.pull('q'),
          obj: { b: 3, c: { d: 4 } },
          'deep.path': 'yes',
          gone: _.remove(),
          lo: _.min(2),
          hi: _.max(9),
        },
      });
    expect(res.stats.updated).toBe(1);
    const { data } = await db.collection('todos').doc(_id).get();
    expect(data).toMatchObject({
      n: 3,
      m: 6,
      tags: ['a', 'b', 'c'],
      list: ['r'],
      obj: { a: 1, b: 3, c: { d: 4 } },
      lo: 2,
      hi: 9,
    });
    expect(data.deep).toEqual({ path: 'yes' });
    expect(data).not.toHaveProperty('gone');

    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { tags: _.pop() } });
    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { tags: _.shift() } });
    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { tags: _.unshift(['z']) } });
    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { tags: _.addToSet('z') } });
    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { list: _.pullAll(['r']) } });
    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { obj: _.set({ only: 1 }) } });
    const after = (await db.collection('todos').doc(_id).get()).data;
    expect(after.tags).toEqual(['z', 'b']);
    expect(after.list).toEqual([]);
    expect(after.obj).toEqual({ only: 1 });
  });

  it('reports updated: 0 when nothing changes, and for a missing document', async () => {
    const { _id } = await db.collection('todos').add({ data: { v: 1 } });
    expect(
      (
        await db
          .collection('todos')
          .doc(_id)
          .update({ data: { v: 1 } })
      ).stats.updated,
    ).toBe(0);
    expect(
      (
        await db
          .collection('todos')
          .doc('missing-id')
          .update({ data: { v: 1 } })
      ).stats.updated,
    ).toBe(0);
  });

  it('updates many with where, and the conditional decrement counts only what it changed', async () => {
    const _ = db.command;
    const { _id } = await db.collection('counters').add({ data: { left: 1 } });
    const first = await db
      .collection('counters')
      .where({ _id, left: _.gt(0) })
      .update({ data: { left: _.inc(-1) } });
    const second = await db
      .collection('counters')
      .where({ _id, left: _.gt(0) })
      .update({ data: { left: _.inc(-1) } });
    expect([first.stats.updated, second.stats.updated]).toEqual([1, 0]);
    await db
      .collection('people')
      .where({ age: 30 })
      .update({ data: { seen: true } });
    expect((await db.collection('people').where({ seen: true }).count()).total).toBe(2);
  });

  it('set replaces the whole document and creates it when missing', async () => {
    const { _id } = await db.collection('todos').add({ data: { a: 1, b: 2 } });
    const res = await db
      .collection('todos')
      .doc(_id)
      .set({ data: { c: 3 } });
    expect(res.stats.updated).toBe(1);
    expect((await db.collection('todos').doc(_id).get()).data).toEqual({ _id, c: 3 });
    const created = await db
      .collection('todos')
      .doc('fixed-id-1')
      .set({ data: { fresh: true } });
    expect(created._id).toBe('fixed-id-1');
    expect((await db.collection('todos').doc('fixed-id-1').get()).data).toEqual({
      _id: 'fixed-id-1',
      fresh: true,
    });
  });

  it('refuses changing _id', async () => {
    const { _id } = await db.collection('todos').add({ data: { a: 1 } });
    await expect(
      db
        .collection('todos')
        .doc(_id)
        .update({ data: { _id: 'other' } }),
    ).rejects.toBeTruthy();
  });

  it('removes one document and many', async () => {
    const { _ids } = await db.collection('todos').add({ data: [{ gone: 1 }, { gone: 1 }, { gone: 2 }] });
    expect((await db.collection('todos').doc(_ids[2]).remove()).stats.removed).toBe(1);
    expect((await db.collection('todos').where({ gone: 1 }).remove()).stats.removed).toBe(2);
    expect(
      (
        await db
          .collection('todos')
          .where({ gone: db.command.exists(true) })
          .count()
      ).total,
    ).toBe(0);
  });
});

describe('find-and-modify', () => {
  it('updates the first match and returns it after the update (node-sdk updateAndReturn)', async () => {
    // wx-server-sdk does not expose updateAndReturn; the @cloudbase/node-sdk it pins does, on the same wire.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk');
    const ndb = tcb.init({ env: lc.envName }).database();
    await db.collection('counters').add({
      data: [
        { queue: 'q', n: 1 },
        { queue: 'q', n: 2 },
      ],
    });
    const res = await ndb
      .collection('counters')
      .where({ queue: 'q' })
      .updateAndReturn({ n: ndb.command.inc(10) });
    expect(res).toMatchObject({ updated: 1, doc: { queue: 'q', n: 11 } });
    const none = await ndb.collection('counters').where({ queue: 'none' }).updateAndReturn({ n: 1 });
    expect(none).toMatchObject({ updated: 0, doc: null });
  });
});

describe('serverDate', () => {
  it('stores the cloud clock’s time (with offset), and follows a moved clock', async () => {
    const before = lc.clock.now();
    const { _id } = await db
      .collection('todos')
      .add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    const { data } = await db.collection('todos').doc(_id).get();
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
    lc.clock.advance(86_400_000);
    await db
      .collection('todos')
      .doc(_id)
      .update({ data: { at: db.serverDate() } });
    const moved = (await db.collection('todos').doc(_id).get()).data.at.getTime();
    expect(moved - before).toBeGreaterThanOrEqual(86_400_000);
    lc.clock.advance(-86_400_000);
  });
});

describe('aggregate', () => {
  it('runs $match $group $sort $skip $limit $project $count $addFields $unwind $lookup', async () => {
    await db.createCollection('agg_items');
    await db.createCollection('agg_owners');
    await db.collection('agg_owners').add({
      data: [
        { _id: 'o1', name: 'Li' },
        { _id: 'o2', name: 'Wang' },
      ],
    });
    await db.collection('agg_items').add({
      data: [
        { owner: 'o1', qty: 2, tags: ['a', 'b'] },
        { owner: 'o1', qty: 3, tags: ['b'] },
        { owner: 'o2', qty: 10, tags: [] },
      ],
    });
    const $ = db.command.aggregate;
    const grouped = await db
      .collection('agg_items')
      .aggregate()
      .match({ qty: db.command.gt(1) })
      .group({ _id: '$owner', total: $.sum('$qty'), n: $.sum(1) })
      .sort({ total: -1 })
      .end();
    expect(grouped.list).toEqual([
      { _id: 'o2', total: 10, n: 1 },
      { _id: 'o1', total: 5, n: 2 },
    ]);
    const counted = await db.collection('agg_items').aggregate().unwind('$tags').count('tagCount').end();
    expect(counted.list).toEqual([{ tagCount: 3 }]);
    const shaped = await db
      .collection('agg_items')
      .aggregate()
      .addFields({ double: $.multiply(['$qty', 2]) })
      .sort({ qty: 1 })
      .skip(1)
      .limit(1)
      .project({ _id: 0, qty: 1, double: 1 })
      .end();
    expect(shaped.list).toEqual([{ qty: 3, double: 6 }]);
    const joined = await db
      .collection('agg_items')
      .aggregate()
      .match({ owner: 'o2' })
      .lookup({ from: 'agg_owners', localField: 'owner', foreignField: '_id', as: 'ownerDocs' })
      .project({ _id: 0, name: $.arrayElemAt(['$ownerDocs.name', 0]) })
      .end();
    expect(joined.list).toEqual([{ name: 'Wang' }]);
    // An array localField joins the matching documents only (no null for an element that matches nothing).
    await db.createCollection('agg_teams');
    await db.collection('agg_teams').add({ data: { _id: 't1', members: ['o2', 'nobody', 'o1'] } });
    const team = await db
      .collection('agg_teams')
      .aggregate()
      .lookup({ from: 'agg_owners', localField: 'members', foreignField: '_id', as: 'people' })
      .end();
    expect(team.list[0].people.map((p: { name: string }) => p.name)).toEqual(['Li', 'Wang']);
  });
});

describe('aggregate limits', () => {
  it('returns 20 results without a $limit stage (as CloudBase does) and more with one', async () => {
    await db.createCollection('agg_many');
    await db.collection('agg_many').add({ data: Array.from({ length: 50 }, (_x, i) => ({ i })) });
    expect((await db.collection('agg_many').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db.collection('agg_many').aggregate().match({}).limit(45).end()).list).toHaveLength(45);
  });
});

describe('unique indexes (declared in the database file)', () => {
  it('refuses a duplicate key with the engine’s duplicate-key error and writes nothing', async () => {
    await db.collection('accounts').add({ data: { openid: 'u1', city: 'nj' } });
    await expect(db.collection('accounts').add({ data: { openid: 'u1' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('E11000 duplicate key error'),
    });
    await expect(
      db.collection('accounts').add({ data: [{ openid: 'u2' }, { openid: 'u1' }] }),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('openid_unique') });
    expect((await db.collection('accounts').where({ openid: 'u2' }).count()).total).toBe(0);
  });

  it('treats a missing field as null: only one document may lack it', async () => {
    await db.collection('accounts').add({ data: { city: 'no-openid-1' } });
    await expect(db.collection('accounts').add({ data: { city: 'no-openid-2' } })).rejects.toMatchObject({
      errCode: -502001,
    });
  });

  it('enforces compound keys, and an update into a duplicate is refused too', async () => {
    await db.collection('ballots').add({ data: { round: 'r1', voter: 'x' } });
    await db.collection('ballots').add({ data: { round: 'r2', voter: 'x' } });
    await expect(db.collection('ballots').add({ data: { round: 'r1', voter: 'x' } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('pair_unique'),
    });
    const { _id } = await db.collection('ballots').add({ data: { round: 'r1', voter: 'y' } });
    await expect(
      db
        .collection('ballots')
        .doc(_id)
        .update({ data: { voter: 'x' } }),
    ).rejects.toMatchObject({ errCode: -502001 });
    expect((await db.collection('ballots').doc(_id).get()).data.voter).toBe('y');
  });
});
