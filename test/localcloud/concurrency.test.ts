/** Race-proof counters and capacities: the patterns the project relies on, under real concurrency. */
import { connectSdk, startTestCloud, type LocalCloud, type WxServerSdk } from '../support/localcloud';

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

it('50 concurrent conditional decrements on one document with 10 left: exactly 10 succeed', async () => {
  const _ = db.command;
  const { _id } = await db.collection('counters').add({ data: { left: 10 } });
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      db
        .collection('counters')
        .where({ _id, left: _.gt(0) })
        .update({ data: { left: _.inc(-1) } }),
    ),
  );
  expect(results.filter((r: { stats: { updated: number } }) => r.stats.updated === 1)).toHaveLength(10);
  expect((await db.collection('counters').doc(_id).get()).data.left).toBe(0);
});

it('8 concurrent read-modify-write transactions on one counter: the counter equals the number that committed', async () => {
  const { _id } = await db.collection('counters').add({ data: { n: 0 } });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 8 }, () =>
      db.runTransaction(async (t: WxServerSdk) => {
        const { data } = await t.collection('counters').doc(_id).get();
        await new Promise((r) => setTimeout(r, 5));
        await t
          .collection('counters')
          .doc(_id)
          .update({ data: { n: data.n + 1 } });
        return true;
      }),
    ),
  );
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
  expect(committed).toBeGreaterThan(0);
  expect((await db.collection('counters').doc(_id).get()).data.n).toBe(committed);
  expect(lc.transactions.openCount()).toBe(0);
});

it('concurrent inserts racing for one unique key: exactly one wins', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 30 }, (_, i) =>
      db.collection('ballots').add({ data: { round: 'race', voter: 'v', i } }),
    ),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect((await db.collection('ballots').where({ round: 'race' }).count()).total).toBe(1);
});
