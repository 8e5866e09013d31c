/**
 * The `database.*` wire actions wx-server-sdk sends, served from the document store. Each handler parses the
 * SDK's EJSON fields, calls the store (or the open transaction named by `transactionId`) and replies in the shape
 * the SDK reads (see ../../../shared/reference/CLOUDBASE-WIRE.md and the contract tests).
 */
import { decodeEjson, decodeObject, encodeForReply, substituteServerDates, type Doc } from '../store/ejson';
import type { DocumentStore } from '../store/engine';
import { isDocId } from '../store/ids';
import type { TransactionManager } from '../store/transactions';
import { cloudErrors } from './errors';
import type { WireBody, WireHandler } from './types';

type AnyObject = Record<string, unknown>;

/** Results of an aggregation without a `$limit` stage, as CloudBase returns them. */
export const AGGREGATE_DEFAULT_LIMIT = 20;
/** The most an aggregation returns. */
export const AGGREGATE_MAX = 10_000;

/** What the database handlers need. */
export interface DatabaseDeps {
  store: DocumentStore;
  transactions: TransactionManager;
  now: () => number;
}

function collectionName(body: WireBody): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name === '') throw cloudErrors.invalidParam('collectionName is required');
  return name;
}

function txId(body: WireBody): string | undefined {
  return typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Inside a transaction CloudBase allows single-document operations only. */
function docIdInTransaction(body: WireBody, query: AnyObject): unknown {
  if (body.queryType !== 'DOC' || !isDocId(query._id)) {
    throw cloudErrors.invalidParam('a transaction only supports single-document operations: use doc(id)');
  }
  return query._id;
}

function parseData(body: WireBody, now: number): AnyObject {
  return substituteServerDates(decodeObject(body.data, 'data'), now);
}

/** Builds the handlers, keyed by action. */
export function databaseHandlers({ store, transactions, now }: DatabaseDeps): Record<string, WireHandler> {
  return {
    'database.addCollection': (body) => {
      store.createCollection(collectionName(body));
      return { data: {} };
    },

    'database.insertDocument': async (body) => {
      const coll = collectionName(body);
      const raw = Array.isArray(body.data) ? body.data : [body.data];
      const docs = raw.map((d) => substituteServerDates(decodeObject(d, 'data'), now()));
      if (docs.length === 0) throw cloudErrors.invalidParam('data must not be empty');
      const tx = txId(body);
      if (!store.hasCollection(coll)) throw cloudErrors.collectionNotExist();
      const insertedIds = tx
        ? docs.map((d) => transactions.insert(tx, coll, d))
        : await transactions.whenUnlocked(() => store.insert(coll, docs));
      return { data: { insertedIds } };
    },

    'database.getDocument': (body) => {
      const coll = collectionName(body);
      const query = decodeObject(body.query, 'query');
      const tx = txId(body);
      if (tx) {
        const doc = transactions.get(tx, coll, docIdInTransaction(body, query));
        return { data: { list: doc ? [encodeForReply(doc)] : [] } };
      }
      const offset = num(body.offset, 0);
      const limit = num(body.limit, 100);
      const list = store.find(coll, query, {
        order: decodeObject(body.order, 'order') as Record<string, number>,
        offset,
        limit,
        projection: body.projection ? decodeObject(body.projection, 'projection') : undefined,
      });
      return { data: { list: list.map(encodeForReply), offset, limit: Math.min(limit, 1000) } };
    },

    'database.calculateDocument': (body) => {
      const total = store.count(collectionName(body), decodeObject(body.query, 'query'));
      return { data: { total } };
    },

    'database.modifyDocument': async (body) => {
      const coll = collectionName(body);
      const query = decodeObject(body.query, 'query');
      const data = parseData(body, now());
      const replace = body.merge === false;
      const upsert = body.upsert === true;
      const tx = txId(body);
      if (tx) {
        const id = docIdInTransaction(body, query);
        if (!store.hasCollection(coll)) throw cloudErrors.collectionNotExist();
        let upserted = false;
        const changed = transactions.write(tx, coll, id, (base) => {
          if (!base) {
            if (!upsert) return undefined;
            upserted = true;
            return store.nextDoc({ _id: id } as Doc, data, replace) ?? ({ _id: id } as Doc);
          }
          return store.nextDoc(base, data, replace);
        });
        return { data: { updated: changed && !upserted ? 1 : 0, upsert_id: upserted ? id : null } };
      }
      const result = await transactions.whenUnlocked(() =>
        store.update(coll, query, data, { multi: body.multi === true, replace, upsert }),
      );
      return { data: { updated: result.updated, upsert_id: result.upsertedId ?? null } };
    },

    'database.removeDocument': async (body) => {
      const coll = collectionName(body);
      const query = decodeObject(body.query, 'query');
      const tx = txId(body);
      if (tx) {
        const id = docIdInTransaction(body, query);
        const removed = transactions.write(tx, coll, id, (base) => (base ? null : undefined));
        return { data: { deleted: removed ? 1 : 0 } };
      }
      const multi = body.multi !== false && body.queryType !== 'DOC';
      return { data: { deleted: await transactions.whenUnlocked(() => store.remove(coll, query, multi)) } };
    },

    'database.modifyAndReturnDoc': async (body) => {
      const coll = collectionName(body);
      if (txId(body)) throw cloudErrors.invalidParam('updateAndReturn is not supported in a transaction');
      const query = decodeObject(body.query, 'query');
      const data = parseData(body, now());
      const doc = await transactions.whenUnlocked(() => store.findAndModify(coll, query, data));
      return { data: { updated: doc ? 1 : 0, doc: doc ? encodeForReply(doc) : null } };
    },

    'database.aggregateDocuments': (body) => {
      const coll = collectionName(body);
      if (!Array.isArray(body.stages)) throw cloudErrors.invalidParam('stages must be an array');
      const pipeline = body.stages.map((stage: unknown) => {
        const { stageKey, stageValue } = stage as { stageKey?: unknown; stageValue?: unknown };
        if (typeof stageKey !== 'string' || !stageKey.startsWith('$'))
          throw cloudErrors.invalidParam('bad stage');
        const value = typeof stageValue === 'string' ? decodeEjson(stageValue) : stageValue;
        return { [stageKey]: substituteServerDates(value, now()) };
      });
      let list: AnyObject[];
      try {
        list = store.aggregate(coll, pipeline);
      } catch (err) {
        if ((err as { code?: string }).code) throw err;
        throw cloudErrors.invalidOperator((err as Error).message);
      }
      // CloudBase returns 20 results from a pipeline without a $limit stage (and at most 10,000 with one).
      const hasLimit = pipeline.some((stage) => '$limit' in stage);
      list = list.slice(0, hasLimit ? AGGREGATE_MAX : AGGREGATE_DEFAULT_LIMIT);
      return { data: { list: list.map(encodeForReply) } };
    },

    'database.startTransaction': () => ({ top: { transactionId: transactions.start() } }),

    'database.commitTransaction': (body) => {
      const tx = txId(body);
      if (!tx) throw cloudErrors.invalidParam('transactionId is required');
      transactions.commit(tx);
      return { data: {} };
    },

    'database.abortTransaction': (body) => {
      const tx = txId(body);
      if (!tx) throw cloudErrors.invalidParam('transactionId is required');
      transactions.abort(tx);
      return { data: {} };
    },
  };
}
