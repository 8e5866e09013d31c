/**
 * Transactions through the real SDK: commit, abort, snapshot reads, conflicts, single-document rule,
 * runTransaction's retries, expiry.
 */
import { connectSdk, startTestCloud, type LocalCloud, type WxServerSdk } from '../support/localcloud';
import { TRANSACTION_TTL_MS } from '../../localcloud/store/transactions';

let lc: LocalCloud;
let db: WxServerSdk;

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  db = connectSdk(lc).database();
});
afterAll(() => lc.close());

async function counter(n = 0): Promise<string> {
  return (await db.collection('counters').add({ data: { n } }))._id;
}
const read = async (id: string) => (await db.collection('counters').doc(id).get()).data;

it('commits every write together, and abort leaves nothing', async () => {
  const a = await counter(1);
  const b = await counter(1);
  const tx = await db.startTransaction();
  await tx
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  await tx
    .collection('counters')
    .doc(b)
    .update({ data: { n: 2 } });
  const inserted = await tx.collection('counters').add({ data: { n: 99 } });
  expect((await read(a)).n).toBe(1);
  await tx.commit();
  expect([(await read(a)).n, (await read(b)).n, (await read(inserted._id)).n]).toEqual([2, 2, 99]);

  const tx2 = await db.startTransaction();
  await tx2
    .collection('counters')
    .doc(a)
    .update({ data: { n: 3 } });
  await tx2.collection('counters').doc(b).remove();
  await tx2.rollback();
  expect((await read(a)).n).toBe(2);
  expect((await read(b)).n).toBe(2);
  expect(lc.transactions.openCount()).toBe(0);
});

it('reads from its snapshot, sees its own writes, and set() inside works', async () => {
  const a = await counter(10);
  const tx = await db.startTransaction();
  expect((await tx.collection('counters').doc(a).get()).data.n).toBe(10);
  await db
    .collection('counters')
    .doc(a)
    .update({ data: { n: 11 } });
  expect((await tx.collection('counters').doc(a).get()).data.n).toBe(10);
  const other = await counter(5);
  await expect(tx.collection('counters').doc(other).get()).rejects.toBeTruthy();
  const fresh = 'tx-set-' + a;
  await tx
    .collection('counters')
    .doc(fresh)
    .set({ data: { n: 7 } });
  expect((await tx.collection('counters').doc(fresh).get()).data.n).toBe(7);
  await tx.rollback();
});

it('fails at commit with a conflict when it wrote what someone changed after its snapshot', async () => {
  const a = await counter(1);
  const tx = await db.startTransaction();
  await tx.collection('counters').doc(a).get();
  await db
    .collection('counters')
    .doc(a)
    .update({ data: { n: 5 } });
  await tx
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect((await read(a)).n).toBe(5);
  expect(lc.transactions.openCount()).toBe(0);
});

it('locks a document it wrote: another transaction and a plain write both conflict until it ends', async () => {
  const a = await counter(1);
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  await t2
    .collection('counters')
    .doc(a)
    .update({ data: { n: 3 } });
  await expect(
    db
      .collection('counters')
      .doc(a)
      .update({ data: { n: 4 } }),
  ).rejects.toMatchObject({
    errMsg: expect.stringContaining('TransactionConflict'),
  });
  await t1.commit();
  await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect((await read(a)).n).toBe(2);
  await db
    .collection('counters')
    .doc(a)
    .update({ data: { n: 4 } });
  expect((await read(a)).n).toBe(4);
});

it('allows single-document operations only', async () => {
  const tx = await db.startTransaction();
  await expect(tx.collection('counters').where({ n: 1 }).get()).rejects.toMatchObject({
    errMsg: expect.stringContaining('single-document'),
  });
  await tx.rollback();
});

it('runTransaction returns the callback’s value, retries on conflict and rolls back on the callback’s error', async () => {
  const a = await counter(0);
  let attempts = 0;
  const value = await db.runTransaction(async (t: WxServerSdk) => {
    attempts += 1;
    const { data } = await t.collection('counters').doc(a).get();
    if (attempts === 1)
      await db
        .collection('counters')
        .doc(a)
        .update({ data: { n: 100 } });
    await t
      .collection('counters')
      .doc(a)
      .update({ data: { n: data.n + 1 } });
    return data.n + 1;
  });
  expect(attempts).toBe(2);
  expect(value).toBe(101);
  expect((await read(a)).n).toBe(101);

  await expect(
    db.runTransaction(async (t: WxServerSdk) => {
      await t
        .collection('counters')
        .doc(a)
        .update({ data: { n: -1 } });
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect((await read(a)).n).toBe(101);
  expect(lc.transactions.openCount()).toBe(0);
});

it('expires an idle transaction and releases its locks', async () => {
  const a = await counter(1);
  const tx = await db.startTransaction();
  await tx
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  lc.clock.advance(TRANSACTION_TTL_MS + 1000);
  await db
    .collection('counters')
    .doc(a)
    .update({ data: { n: 3 } });
  await expect(tx.commit()).rejects.toMatchObject({
    message: expect.stringContaining('TransactionNotExist'),
  });
  expect((await read(a)).n).toBe(3);
});

it('a unique index refusing a transaction’s insert at commit leaves none of its writes', async () => {
  await db.collection('accounts').add({ data: { openid: 'tx-dup' } });
  const a = await counter(1);
  const tx = await db.startTransaction();
  await tx
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  await tx.collection('accounts').add({ data: { openid: 'tx-dup' } });
  await expect(tx.commit()).rejects.toMatchObject({
    message: expect.stringContaining('E11000 duplicate key error collection: accounts'),
  });
  expect((await read(a)).n).toBe(1);
});
