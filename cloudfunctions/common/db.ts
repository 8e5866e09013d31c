/** Small helpers over the SDK's database calls: error kinds, one-document reads, transactions with retries. */
import { _, db } from './cloud';

type AnyObject = Record<string, unknown>;

/**
 * The documents of a `get()` result, typed. The SDK's typings also describe its callback style (a union with
 * void), so results are read through this one cast.
 */
export function rows<T>(result: unknown): T[] {
  return (result as { data: T[] }).data;
}

/** Whether an SDK error is a unique-index refusal (E11000, as CloudBase reports it). */
export function isDuplicateKey(err: unknown): boolean {
  const text = errorText(err);
  return text.includes('E11000') || text.includes('duplicate key');
}

/** Whether an SDK error is a transaction write conflict. */
export function isConflict(err: unknown): boolean {
  const e = err as { code?: unknown };
  return e?.code === 'DATABASE_TRANSACTION_CONFLICT' || errorText(err).includes('TransactionConflict');
}

function errorText(err: unknown): string {
  if (!err || typeof err !== 'object') return String(err);
  const e = err as { errMsg?: unknown; message?: unknown };
  return `${String(e.errMsg ?? '')} ${String(e.message ?? '')}`;
}

/** A stored GeoJSON point as the SDK reads it back (its `db.Geo.Point`): what a 2dsphere index covers. */
export interface GeoPointValue {
  longitude: number;
  latitude: number;
}

/**
 * A `{ latitude, longitude }` (wx.getLocation's shape) as the SDK's GeoJSON point, to store under a 2dsphere index
 * declared in database.json (the SDK's Point takes longitude first).
 */
export function geoPoint(at: { latitude: number; longitude: number }): GeoPointValue {
  const { Point } = db.Geo as unknown as { Point: new (lng: number, lat: number) => GeoPointValue };
  return new Point(at.longitude, at.latitude);
}

/**
 * A query condition on a 2dsphere-indexed field: within `maxDistanceM` of `at` (any distance when omitted), the
 * results nearest first — CloudBase's geoNear, one round trip however many documents there are.
 */
export function nearestTo(at: { latitude: number; longitude: number }, maxDistanceM?: number): unknown {
  return _.geoNear({
    geometry: geoPoint(at) as never,
    ...(maxDistanceM !== undefined ? { maxDistance: maxDistanceM } : {}),
  });
}

/** The first document matching `where`, or undefined (one round trip; never throws for "not found"). */
export async function findOne<T>(collection: string, where: AnyObject): Promise<T | undefined> {
  return rows<T>(await db.collection(collection).where(where).limit(1).get())[0];
}

/** The document with this id, or undefined. */
export function findById<T>(collection: string, id: string): Promise<T | undefined> {
  return findOne<T>(collection, { _id: id });
}

/** How many documents an update changed. */
export function updatedCount(res: unknown): number {
  const stats = (res as { stats?: { updated?: number } })?.stats;
  return stats?.updated ?? 0;
}

/** A transaction handle as the SDK gives it to `runTransaction`'s callback. */
// The SDK's typings do not describe the transaction object; this is the subset the project uses.
export interface Tx {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: AnyObject }>;
      update(opts: { data: AnyObject }): Promise<unknown>;
      set(opts: { data: AnyObject }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(opts: { data: AnyObject }): Promise<{ _id: string }>;
  };
}

/**
 * Runs `fn` in a transaction, retrying on write conflicts with a short random backoff. The SDK's own
 * runTransaction retries only conflicts reported at commit; this also covers conflicts reported by a document
 * call, whichever the platform does.
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return (await db.runTransaction((tx: unknown) => fn(tx as Tx), 1)) as T;
    } catch (err) {
      if (!isConflict(err) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}
