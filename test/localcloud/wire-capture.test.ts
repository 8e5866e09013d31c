/**
 * Fidelity against the wire capture (a copy of ../shared/reference/cloudbase-wire-capture.json, kept in
 * test/fixtures so a clean clone has it; re-capture when the pinned SDK changes): the same SDK calls that produced the capture
 * are made again through the SDK wx-server-sdk pins (@cloudbase/node-sdk), against the local cloud. Every request
 * must carry the same action, fields and EJSON as captured, and every SDK result must have the captured shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCloud, type LocalCloud } from '../support/localcloud';

interface Capture {
  out: Record<string, unknown>;
  log: { body: Record<string, unknown> }[];
}

const capture = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'cloudbase-wire-capture.json'), 'utf8'),
) as Capture;

let lc: LocalCloud;
const seen: Record<string, unknown>[] = [];

beforeAll(async () => {
  lc = await startTestCloud({
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  lc.wireListeners.add((body) => seen.push(body));
});
afterAll(() => lc.close());

/** The shape of a value: its type, recursively (arrays by their first element). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  // The capture file is JSON, so its dates are ISO strings.
  if (value instanceof Date || (typeof value === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)))
    return 'date';
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'requestId')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return value === null ? 'null' : typeof value;
}

const TOKENS = ['wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken'];

it('sends what the capture recorded and gets results of the captured shapes', async () => {
  // The calls the capture was made with (reconstructed from its log), through the pinned node-sdk.
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'local-env',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: lc.wireUrl }),
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk');
  const app = tcb.init({ env: 'local-env' });
  const db = app.database();
  const _ = db.command;
  const todos = db.collection('todos');
  const out: Record<string, unknown> = {};

  out.add = await todos.add({
    title: 'a',
    n: 1,
    at: new Date(1700000000000),
    when: db.serverDate(),
    tags: ['x'],
  });
  const id0 = (out.add as { id: string }).id;
  await todos.doc(id0).update({ owner: 'o1', status: 'open', meta: { k: 'v0' } });
  seen.length = 0;
  out.add = await todos.add({
    title: 'a',
    n: 1,
    at: new Date(1700000000000),
    when: db.serverDate(),
    tags: ['x'],
  });
  await todos.doc((out.add as { id: string }).id).remove();
  out.get = await todos
    .where({
      title: db.RegExp({ regexp: '^a', options: 'i' }),
      owner: 'o1',
      status: _.in(['open', 'done']),
      'meta.k': _.exists(true),
      n: _.gt(0).and(_.lte(10)),
    })
    .orderBy('n', 'desc')
    .orderBy('title', 'asc')
    .skip(20)
    .limit(10)
    .field({ title: true })
    .get();
  out.getOr = await todos.where(_.or([{ n: _.lt(1) }, { title: 'b' }])).get();
  out.count = await todos.where({ n: _.neq(3) }).count();
  out.upd = await todos
    .doc(id0)
    .update({ n: _.inc(1), tags: _.push(['y']), meta: { k: 'v' }, obj: { a: 1 }, gone: _.remove() });
  out.set = await todos.doc(id0).set({ title: 'replaced' });
  out.updWhere = await todos
    .where({ owner: 'o1' })
    .update({ n: _.inc(-1), tags: _.addToSet('z'), list: _.pull('q') });
  out.rmDoc = await todos.doc(id0).remove();
  out.docGet = await todos.doc(id0).get();
  await todos.add([
    { owner: 'x', n: 2 },
    { owner: 'x', n: 3 },
  ]);
  out.agg = await todos
    .aggregate()
    .match({ n: _.gt(1) })
    .group({ _id: '$owner', c: _.aggregate.sum(1) })
    .end();
  const { id: txDoc } = await todos.add({ n: 1, at: new Date(1700000000000) });
  const mark = seen.length;
  out.tx = await db.runTransaction(
    async (t: {
      collection(n: string): {
        doc(id: string): { get(): Promise<{ data: unknown }>; update(d: unknown): Promise<unknown> };
      };
    }) => {
      const r = await t.collection('todos').doc(txDoc).get();
      await t
        .collection('todos')
        .doc(txDoc)
        .update({ n: _.inc(1) });
      return r.data;
    },
  );
  const txRequests = seen.slice(mark);
  out.fn = await app.callFunction({ name: 'echo', data: { a: 1 } });

  // Requests: the same action and the same fields, in the same order (the capture's first add aside).
  const ours = seen.filter(
    (b) =>
      !(
        b.action === 'database.removeDocument' &&
        b.query === JSON.stringify({ _id: (out.add as { id: string }).id })
      ),
  );
  const theirs = capture.log.map((e) => e.body);
  const withoutInserts = (list: Record<string, unknown>[]) =>
    list.map((b) => b.action).filter((a) => a !== 'database.insertDocument');
  expect(withoutInserts(ours)).toEqual(withoutInserts(theirs));
  const keys = (b: Record<string, unknown>) =>
    Object.keys(b)
      .filter((k) => !TOKENS.includes(k))
      .sort();
  const byAction = (list: Record<string, unknown>[], action: string, nth = 0) =>
    list.filter((b) => b.action === action)[nth]!;
  for (const [action, nth] of [
    ['database.insertDocument', 0],
    ['database.getDocument', 0],
    ['database.getDocument', 1],
    ['database.calculateDocument', 0],
    ['database.modifyDocument', 0],
    ['database.modifyDocument', 1],
    ['database.modifyDocument', 2],
    ['database.removeDocument', 0],
    ['database.aggregateDocuments', 0],
  ] as const) {
    const mine = byAction(ours, action, nth);
    const captured = byAction(theirs, action, nth);
    expect([action, nth, keys(mine)]).toEqual([action, nth, keys(captured)]);
    for (const field of [
      'query',
      'order',
      'projection',
      'stages',
      'multi',
      'merge',
      'upsert',
      'queryType',
      'offset',
      'limit',
    ]) {
      const norm = (v: unknown) => JSON.stringify(v ?? null).replaceAll(id0, 'id0');
      expect([action, field, norm(mine[field])]).toEqual([action, field, norm(captured[field])]);
    }
  }
  // Key order inside an update document differs between node-sdk 3.17 and 3.18; the content must not.
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v;
  const dataOf = (b: Record<string, unknown>) =>
    JSON.stringify(
      sorted(
        typeof b.data === 'string'
          ? JSON.parse(b.data)
          : (b.data as unknown[]).map((d) => JSON.parse(d as string)),
      ),
    );
  expect(dataOf(byAction(ours, 'database.insertDocument'))).toBe(
    dataOf(byAction(theirs, 'database.insertDocument')),
  );
  expect(dataOf(byAction(ours, 'database.modifyDocument', 0))).toBe(
    dataOf(byAction(theirs, 'database.modifyDocument', 0)),
  );
  expect(txRequests.map((b) => b.action)).toEqual([
    'database.startTransaction',
    'database.getDocument',
    'database.modifyDocument',
    'database.commitTransaction',
  ]);
  expect(keys(txRequests[1]!)).toEqual(keys(byAction(theirs, 'database.getDocument', 3)));

  // Results: each has the captured shape.
  for (const name of Object.keys(capture.out)) {
    const expected = shape(capture.out[name]);
    const actual = shape(out[name]);
    if (name === 'get' || name === 'getOr' || name === 'docGet') {
      // The capture's server answered with a canned document; ours answers from real data: compare the envelope.
      expect([name, Object.keys(actual as object)]).toEqual([name, Object.keys(expected as object)]);
      continue;
    }
    if (name === 'fn') {
      expect([name, Object.keys(actual as object)]).toEqual([name, Object.keys(expected as object)]);
      continue;
    }
    expect([name, actual]).toEqual([name, expected]);
  }
});
