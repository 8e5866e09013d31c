/**
 * Database semantics where an emulator built on a generic query engine drifts from CloudBase, through the real SDKs:
 * `$elemMatch` on arrays of scalars, non-string `_id`s, `$`-prefixed field names, ObjectId values, the aggregation
 * operators CloudBase documents (with MongoDB's `$week` and `$substr`), `$jsonSchema`, and error messages.
 */
import {
  connectNodeSdk,
  connectSdk,
  startTestCloud,
  type LocalCloud,
  type WxServerSdk,
} from '../support/localcloud';
import { isRegistered } from '../../localcloud/store/operators';

let lc: LocalCloud;
let db: WxServerSdk;
let node: WxServerSdk;

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  db = connectSdk(lc).database();
  node = connectNodeSdk(lc).database();
});
afterAll(() => lc.close());

/** The raw wire reply of a get, as CloudBase sends it (canonical EJSON strings). */
async function wireList(collectionName: string, query: Record<string, unknown>): Promise<string[]> {
  const res = await fetch(lc.wireUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.getDocument', collectionName, query: JSON.stringify(query) }),
  });
  return ((await res.json()) as { data: { list: string[] } }).data.list;
}

describe('elemMatch', () => {
  const tag = (t: string) => ({ kind: 'elem', t });
  beforeAll(async () => {
    await db.collection('todos').add({
      data: [
        { ...tag('scalars'), tags: ['done', 'open'], scores: [70] },
        { ...tag('docs'), tags: [{ status: 'done' }, { status: 'open' }], scores: [70, 85] },
        { ...tag('mixed'), tags: ['done', { status: 'open' }], scores: [] },
      ],
    });
  });
  const _ = () => db.command;
  const byStatus = () => ({ kind: 'elem', tags: _().elemMatch({ status: 'done' }) });

  it('a field condition matches documents in the array, never scalars: get and count', async () => {
    const { data } = await db.collection('todos').where(byStatus()).get();
    expect(data.map((d: { t: string }) => d.t)).toEqual(['docs']);
    expect((await db.collection('todos').where(byStatus()).count()).total).toBe(1);
    const open = { kind: 'elem', tags: _().elemMatch({ status: 'open' }) };
    expect((await db.collection('todos').where(open).count()).total).toBe(2);
  });

  it('an operator condition tests each element’s value', async () => {
    const { data } = await db
      .collection('todos')
      .where({ kind: 'elem', scores: _().elemMatch({ $gte: 80 }) })
      .get();
    expect(data.map((d: { t: string }) => d.t)).toEqual(['docs']);
  });

  it('the same filter drives where().update() and remove()', async () => {
    const updated = await db
      .collection('todos')
      .where(byStatus())
      .update({ data: { seen: true } });
    expect(updated.stats.updated).toBe(1);
    const seen = await db.collection('todos').where({ kind: 'elem', seen: true }).get();
    expect(seen.data.map((d: { t: string }) => d.t)).toEqual(['docs']);
    const removed = await db.collection('todos').where(byStatus()).remove();
    expect(removed.stats.removed).toBe(1);
    expect((await db.collection('todos').where({ kind: 'elem' }).count()).total).toBe(2);
  });
});

describe('non-string _id', () => {
  it('keeps a numeric _id on add, on doc(n).set() upsert, and finds it by value', async () => {
    const added = await db.collection('todos').add({ data: { _id: 12345, title: 'numbered' } });
    expect(added._id).toBe(12345);
    expect((await db.collection('todos').doc(12345).get()).data).toEqual({ _id: 12345, title: 'numbered' });
    const upserted = await db
      .collection('todos')
      .doc(67890)
      .set({ data: { title: 'upserted' } });
    expect(upserted.stats).toMatchObject({ created: 1 });
    expect((await db.collection('todos').doc(67890).get()).data).toEqual({ _id: 67890, title: 'upserted' });
    await db
      .collection('todos')
      .doc(67890)
      .update({ data: { title: 'changed' } });
    const _ = db.command;
    const both = await db
      .collection('todos')
      .where({ _id: _.in([12345, 67890]) })
      .orderBy('_id', 'asc')
      .get();
    expect(both.data).toEqual([
      { _id: 12345, title: 'numbered' },
      { _id: 67890, title: 'changed' },
    ]);
    // A number and the string of its digits are different ids.
    await expect(db.collection('todos').doc('12345').get()).rejects.toBeTruthy();
    await expect(db.collection('todos').add({ data: { _id: 12345 } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('E11000 duplicate key error'),
    });
    await db.collection('todos').doc(12345).remove();
    expect((await db.collection('todos').where({ _id: 12345 }).count()).total).toBe(0);
  });
});

describe('field names beginning with $', () => {
  const refused = {
    errCode: -502001,
    errMsg: expect.stringContaining("The dollar ($) prefixed field '$bad'"),
  };
  it('are refused on insert, set and update, and nothing is stored', async () => {
    const before = (await db.collection('todos').count()).total;
    await expect(db.collection('todos').add({ data: { $bad: 1 } })).rejects.toMatchObject(refused);
    await expect(db.collection('todos').add({ data: { a: { $bad: 1 } } })).rejects.toMatchObject(refused);
    await expect(db.collection('todos').add({ data: [{ ok: 1 }, { $bad: 1 }] })).rejects.toMatchObject(
      refused,
    );
    expect((await db.collection('todos').count()).total).toBe(before);

    const { _id } = await db.collection('todos').add({ data: { a: 1 } });
    await expect(
      db
        .collection('todos')
        .doc(_id)
        .set({ data: { $bad: 2 } }),
    ).rejects.toMatchObject(refused);
    await expect(
      db
        .collection('todos')
        .doc(_id)
        .update({ data: { nested: { $bad: 2 } } }),
    ).rejects.toMatchObject(refused);
    await expect(
      db
        .collection('todos')
        .where({ _id })
        .update({ data: { list: [{ $bad: 3 }] } }),
    ).rejects.toMatchObject(refused);
    expect((await db.collection('todos').doc(_id).get()).data).toEqual({ _id, a: 1 });
  });
});

describe('ObjectId', () => {
  const hexA = '5f1d7b9e8e4b0a1c2d3e4f50';
  const hexB = '5f1d7b9e8e4b0a1c2d3e4f51';
  it('round-trips as a field and as _id, is queried by value and joined by $lookup', async () => {
    const oid = (id: string) => node.ObjectId({ id });
    await node.collection('owners').add({ _id: oid(hexA), name: '心苑' });
    await node.collection('owners').add({ _id: oid(hexB), name: '红叶' });
    await node.collection('orders').add({ item: 'lunch', ownerId: oid(hexA) });
    await node.collection('orders').add({ item: 'visit', ownerId: oid(hexB) });

    // On the wire, as CloudBase sends it: canonical EJSON, never the object's insides.
    const [wire] = await wireList('orders', { item: 'lunch' });
    expect(JSON.parse(wire!).ownerId).toEqual({ $oid: hexA });
    const owners = await wireList('owners', {});
    expect(owners.map((t) => JSON.parse(t)._id)).toEqual([{ $oid: hexA }, { $oid: hexB }]);

    // Queried by value (an equal ObjectId matches, another does not).
    const lunch = await node
      .collection('orders')
      .where({ ownerId: oid(hexA) })
      .get();
    expect(lunch.data.map((d: { item: string }) => d.item)).toEqual(['lunch']);
    expect(
      (
        await node
          .collection('owners')
          .where({ _id: oid(hexB) })
          .count()
      ).total,
    ).toBe(1);

    // Aggregation results keep the type: the SDK hands back ObjectId instances.
    const joined = await node
      .collection('orders')
      .aggregate()
      .match({ item: node.command.in(['lunch', 'visit']) })
      .lookup({ from: 'owners', localField: 'ownerId', foreignField: '_id', as: 'owner' })
      .sort({ item: 1 })
      .limit(10)
      .end();
    const rows = joined.data.map(
      (d: { item: string; ownerId: unknown; owner: { _id: unknown; name: string }[] }) => [
        d.item,
        String(d.ownerId),
        d.owner.map((o) => [String(o._id), o.name]),
      ],
    );
    expect(rows).toEqual([
      ['lunch', hexA, [[hexA, '心苑']]],
      ['visit', hexB, [[hexB, '红叶']]],
    ]);
    expect(joined.data[0].ownerId.constructor.name).toBe('ObjectId');
    // An ObjectId and the string of its hex are different values.
    expect((await node.collection('orders').where({ ownerId: hexA }).count()).total).toBe(0);
  });
});

describe('aggregation operators', () => {
  const one = async (expr: Record<string, unknown>) => {
    const res = await db.collection('todos').aggregate().limit(1).project({ _id: 0, v: expr }).end();
    return res.list[0].v;
  };
  beforeAll(async () => {
    if ((await db.collection('todos').count()).total === 0)
      await db.collection('todos').add({ data: { a: 1 } });
  });

  it('$week numbers weeks from Sunday; days before the first Sunday are week 0 (MongoDB)', async () => {
    const $ = db.command.aggregate;
    const week = (iso: string) => one($.week(new Date(iso)));
    expect(await week('2024-01-01T12:00:00Z')).toBe(0); // a Monday, before the year's first Sunday
    expect(await week('2024-01-06T12:00:00Z')).toBe(0);
    expect(await week('2024-01-07T12:00:00Z')).toBe(1); // the first Sunday
    expect(await week('2023-01-01T12:00:00Z')).toBe(1); // a year that begins on a Sunday
    expect(await week('2022-12-31T12:00:00Z')).toBe(52);
    expect(await one($.week({ date: new Date('2024-01-06T20:00:00Z'), timezone: 'Asia/Shanghai' }))).toBe(1);
  });

  it('$substr and $substrBytes with a negative length return the rest; code points and bytes are counted right', async () => {
    const $ = db.command.aggregate;
    expect(await one($.substr(['hello', 1, -1]))).toBe('ello');
    expect(await one($.substrBytes(['睦邻互助', 3, -1]))).toBe('邻互助');
    expect(await one($.substrBytes(['睦邻互助', 3, 6]))).toBe('邻互');
    expect(await one($.substrBytes(['abc', 5, 2]))).toBe('');
    expect(await one($.substrCP(['睦邻互助', 1, 2]))).toBe('邻互');
    expect(await one($.indexOfCP(['睦邻互助', '互']))).toBe(2);
    expect(await one($.indexOfCP(['睦邻互助', '互', 3]))).toBe(-1);
    expect(await one($.indexOfBytes(['睦邻互助', '互']))).toBe(6);
    expect(await one($.neq([1, 2]))).toBe(true);
  });

  it('every aggregation operator of the SDK’s db.command.aggregate is one the local cloud evaluates', () => {
    const names = Object.keys(db.command.aggregate).filter((n) => n !== 'pipeline');
    expect(names.length).toBeGreaterThan(80);
    const missing = names.filter(
      (n) => !isRegistered('expression', `$${n}`) && !isRegistered('accumulator', `$${n}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('$jsonSchema', () => {
  it('filters by a MongoDB JSON schema, with bsonType', async () => {
    await db.collection('people').add({
      data: [
        { schema: 1, name: '王', age: 84 },
        { schema: 1, name: '李', age: '82' },
        { schema: 1, name: 3 },
      ],
    });
    const { data } = await db
      .collection('people')
      .where({
        schema: 1,
        $jsonSchema: {
          required: ['name', 'age'],
          properties: { name: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 0 } },
        },
      })
      .get();
    expect(data.map((d: { name: string }) => d.name)).toEqual(['王']);
  });
});

describe('error messages', () => {
  it('a missing collection: CloudBase’s text, word for word', async () => {
    await expect(node.collection('nope').get()).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message:
        '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
    });
  });
});
