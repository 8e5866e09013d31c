/**
 * Transactions through the real SDKs (wx-server-sdk and the @cloudbase/node-sdk it wraps): commit, abort, snapshot
 * reads, conflicts at the write as CloudBase reports them, plain writes waiting for a lock, the single-document
 * rule, runTransaction's retries, expiry, and CloudBase's error codes and messages.
 */
import {
  connectNodeSdk,
  connectSdk,
  startTestCloud,
  type LocalCloud,
  type WxServerSdk,
} from '../support/localcloud';
import { TRANSACTION_TTL_MS } from '../../localcloud/store/transactions';

let lc: LocalCloud;
let db: WxServerSdk;
/** The same cloud through @cloudbase/node-sdk, which keeps CloudBase's error `code` on document calls. */
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

async function counter(n = 0): Promise<string> {
  return (await db.collection('counters').add({ data: { n } }))._id;
}
const read = async (id: string | number) => (await db.collection('counters').doc(id).get()).data;

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

const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

/** Resolves once `n` plain writes are waiting for a transaction's lock (they arrive over HTTP, in any order). */
async function waiting(n: number): Promise<void> {
  while (lc.transactions.waitingCount() < n) await new Promise((r) => setTimeout(r, 5));
}

/** Whether a promise has settled yet (without waiting for it). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (
    (await Promise.race([
      p.then(
        () => true,
        () => true,
      ),
      Promise.resolve(marker),
    ])) !== marker
  );
}

it('fails at the write, with CloudBase’s code and message, when the document changed after the snapshot', async () => {
  const a = await counter(1);
  const tx = await node.startTransaction();
  await tx.collection('counters').doc(a).get();
  await db
    .collection('counters')
    .doc(a)
    .update({ data: { n: 5 } });
  // As CloudBase's own SDK tests record it ("读偏"): the transaction's write is refused, not its commit.
  await expect(tx.collection('counters').doc(a).update({ n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: CONFLICT_MESSAGE,
  });
  // The conflict ended the transaction (as MongoDB aborts it): nothing of it remains, not even its locks.
  expect(lc.transactions.openCount()).toBe(0);
  await expect(tx.commit()).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_FAIL',
    message: NOT_EXIST_MESSAGE,
  });
  expect((await read(a)).n).toBe(5);
});

it('fails at the write when another open transaction wrote the document; that one commits', async () => {
  const a = await counter(1);
  const t1 = await node.startTransaction();
  const t2 = await node.startTransaction();
  await t1.collection('counters').doc(a).get();
  await t2.collection('counters').doc(a).update({ n: 3 });
  // CloudBase's "冲突检测": the second writer is refused at once, it does not wait.
  await expect(t1.collection('counters').doc(a).update({ n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  });
  await t2.commit();
  expect((await read(a)).n).toBe(3);
  // Through wx-server-sdk the same refusal arrives rewrapped: errCode -501001, CloudBase's text in errMsg.
  const t3 = await db.startTransaction();
  const t4 = await db.startTransaction();
  await t3
    .collection('counters')
    .doc(a)
    .update({ data: { n: 4 } });
  await expect(
    t4
      .collection('counters')
      .doc(a)
      .set({ data: { n: 9 } }),
  ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining(CONFLICT_MESSAGE) });
  await t3.commit();
  expect((await read(a)).n).toBe(4);
});

it('a finished transaction answers any further call with CloudBase’s TransactionNotExist', async () => {
  const a = await counter(1);
  const tx = await node.startTransaction();
  await tx.commit();
  // CloudBase's own SDK test ("事务提交后, 不能进行其它操作"), word for word.
  await expect(tx.collection('counters').doc(a).set({ n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_FAIL',
    message: NOT_EXIST_MESSAGE,
  });
  // Through wx-server-sdk: the code is not one it knows, so errCode is its SYS_ERR, as reported from production.
  const wx = await db.startTransaction();
  await wx.rollback();
  await expect(wx.collection('counters').doc(a).get()).rejects.toMatchObject({
    errCode: -501001,
    errMsg: expect.stringContaining(NOT_EXIST_MESSAGE),
  });
  expect((await read(a)).n).toBe(1);
});

it('a plain write to a locked document waits for the transaction to end, then applies to what it left', async () => {
  const _ = db.command;
  const a = await counter(1);
  const tx = await db.startTransaction();
  await tx
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  const plain = db
    .collection('counters')
    .doc(a)
    .update({ data: { n: _.inc(10) } });
  await waiting(1);
  expect(await settled(plain)).toBe(false);
  expect((await read(a)).n).toBe(1);
  await tx.commit();
  await expect(plain).resolves.toMatchObject({ stats: { updated: 1 } });
  expect((await read(a)).n).toBe(12);

  // An abort releases it too, and so does a where().update() that matches the locked document.
  const t2 = await db.startTransaction();
  await t2.collection('counters').doc(a).remove();
  const multi = db
    .collection('counters')
    .where({ _id: a })
    .update({ data: { n: _.inc(1) } });
  await waiting(1);
  await t2.rollback();
  await expect(multi).resolves.toMatchObject({ stats: { updated: 1 } });
  expect((await read(a)).n).toBe(13);
});

it('a plain write waits through the holder’s expiry, and gives up with a conflict when the wait runs out', async () => {
  const a = await counter(1);
  const tx = await db.startTransaction();
  await tx
    .collection('counters')
    .doc(a)
    .update({ data: { n: 2 } });
  const plain = db
    .collection('counters')
    .doc(a)
    .update({ data: { n: 3 } });
  await waiting(1);
  lc.clock.advance(TRANSACTION_TTL_MS + 1000);
  await expect(plain).resolves.toMatchObject({ stats: { updated: 1 } });
  await expect(tx.commit()).rejects.toMatchObject({ message: expect.stringContaining(NOT_EXIST_MESSAGE) });
  expect((await read(a)).n).toBe(3);

  const t2 = await db.startTransaction();
  await t2
    .collection('counters')
    .doc(a)
    .update({ data: { n: 4 } });
  const before = lc.transactions.lockWaitMs;
  lc.transactions.lockWaitMs = 100;
  try {
    await expect(db.collection('counters').doc(a).remove()).rejects.toMatchObject({
      errMsg: expect.stringContaining(CONFLICT_MESSAGE),
    });
  } finally {
    lc.transactions.lockWaitMs = before;
  }
  await t2.commit();
  expect((await read(a)).n).toBe(4);
});

it('allows single-document operations only', async () => {
  const tx = await db.startTransaction();
  await expect(tx.collection('counters').where({ n: 1 }).get()).rejects.toMatchObject({
    errMsg: expect.stringContaining('single-document'),
  });
  await tx.rollback();
});

it('runTransaction: the callback’s value; node-sdk retries a write conflict, wx-server-sdk rewraps it', async () => {
  const a = await counter(0);
  let attempts = 0;
  const value = await node.runTransaction(async (t: WxServerSdk) => {
    attempts += 1;
    const { data } = await t.collection('counters').doc(a).get();
    if (attempts === 1) await node.collection('counters').doc(a).update({ n: 100 });
    await t
      .collection('counters')
      .doc(a)
      .update({ n: data.n + 1 });
    return data.n + 1;
  });
  expect(attempts).toBe(2);
  expect(value).toBe(101);
  expect((await read(a)).n).toBe(101);

  // wx-server-sdk 4.0.2 turns the document call's error into errCode/errMsg, so its runTransaction does not
  // recognise the conflict and gives up after rolling back (common/db.ts inTransaction retries it).
  let wxAttempts = 0;
  await expect(
    db.runTransaction(async (t: WxServerSdk) => {
      wxAttempts += 1;
      await t.collection('counters').doc(a).get();
      await db
        .collection('counters')
        .doc(a)
        .update({ data: { n: 200 } });
      await t
        .collection('counters')
        .doc(a)
        .update({ data: { n: -1 } });
    }),
  ).rejects.toMatchObject({ errMsg: expect.stringContaining('TransactionConflict') });
  expect(wxAttempts).toBe(1);
  expect((await read(a)).n).toBe(200);

  await expect(
    db.runTransaction(async (t: WxServerSdk) => {
      await t
        .collection('counters')
        .doc(a)
        .update({ data: { n: -1 } });
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect((await read(a)).n).toBe(200);
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

it('keeps numeric _id values inside a transaction: add, doc(n).set() upsert, update, read back', async () => {
  const tx = await db.startTransaction();
  await tx.collection('counters').add({ data: { _id: 424242, n: 1 } });
  await tx
    .collection('counters')
    .doc(535353)
    .set({ data: { n: 2 } });
  await tx
    .collection('counters')
    .doc(535353)
    .update({ data: { n: 3 } });
  expect((await tx.collection('counters').doc(535353).get()).data).toEqual({ _id: 535353, n: 3 });
  await tx.commit();
  expect(await read(424242)).toEqual({ _id: 424242, n: 1 });
  expect(await read(535353)).toEqual({ _id: 535353, n: 3 });
  // The string "535353" is another document.
  await expect(db.collection('counters').doc('535353').get()).rejects.toBeTruthy();
});

it('common/db.ts inTransaction retries write conflicts of either kind until it commits', async () => {
  const { inTransaction, isConflict, isDuplicateKey } = await import('../../cloudfunctions/common/db');
  const a = await counter(0);

  // Changed after this transaction read it.
  let attempts = 0;
  const value = await inTransaction(async (tx) => {
    attempts += 1;
    const { data } = await tx.collection('counters').doc(a).get();
    if (attempts === 1)
      await db
        .collection('counters')
        .doc(a)
        .update({ data: { n: 50 } });
    await tx
      .collection('counters')
      .doc(a)
      .update({ data: { n: (data.n as number) + 1 } });
    return (data.n as number) + 1;
  });
  expect([attempts, value, (await read(a)).n]).toEqual([2, 51, 51]);

  // Written by another open transaction, which commits while the retries back off.
  const blocker = await db.startTransaction();
  await blocker
    .collection('counters')
    .doc(a)
    .update({ data: { n: 7 } });
  let tries = 0;
  let blockerDone: Promise<unknown> | undefined;
  await inTransaction(async (tx) => {
    tries += 1;
    const { data } = await tx.collection('counters').doc(a).get();
    blockerDone ??= blocker.commit();
    await tx
      .collection('counters')
      .doc(a)
      .update({ data: { n: (data.n as number) + 1 } });
  });
  await blockerDone;
  expect(tries).toBeGreaterThanOrEqual(2);
  expect((await read(a)).n).toBe(8);

  // Both shapes a conflict reaches a function in: wx-server-sdk's rewrapped document-call error, and the error with
  // CloudBase's code that the SDK passes through from a commit (here as node-sdk throws it).
  const t1 = await db.startTransaction();
  const t2 = await node.startTransaction();
  await t1
    .collection('counters')
    .doc(a)
    .update({ data: { n: 1 } });
  const wrapped = await t1
    .collection('counters')
    .doc(a)
    .get()
    .then(() =>
      db.startTransaction().then((t: WxServerSdk) =>
        t
          .collection('counters')
          .doc(a)
          .set({ data: { n: 2 } }),
      ),
    )
    .catch((e: unknown) => e);
  const coded = await t2
    .collection('counters')
    .doc(a)
    .update({ n: 3 })
    .catch((e: unknown) => e);
  await t1.commit();
  expect(wrapped).toMatchObject({ errCode: -501001 });
  expect(coded).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect([isConflict(wrapped), isConflict(coded)]).toEqual([true, true]);
  const duplicate = await db
    .collection('counters')
    .add({ data: { _id: a } })
    .catch((e: unknown) => e);
  expect([isConflict(duplicate), isDuplicateKey(duplicate)]).toEqual([false, true]);
});
