/**
 * A conditional change of one room document, as data: what must hold (counters at most a value or missing, fields
 * equal, present or absent) and what to do (increments, sets, removals). store.ts sends it as one conditional
 * update (`where(conditions).update(...)`, applied atomically by the database); {@link applyChange} is the same
 * rule in memory, for the property tests. Paths are dotted (`used.s20261203_480`, `holds.<bookingId>`).
 */

/** One conditional update of a room. */
export interface RoomChange {
  /** Each counter is missing or at most `max`. */
  atMost: { path: string; max: number }[];
  /** Each field equals its value (`rulesRev`, `rev`). */
  equals: Record<string, number>;
  present: string[];
  absent: string[];
  inc: Record<string, number>;
  set: Record<string, unknown>;
  unset: string[];
}

/** An empty change, to fill in. */
export function emptyChange(): RoomChange {
  return { atMost: [], equals: {}, present: [], absent: [], inc: {}, set: {}, unset: [] };
}

/** Adds `by` to the increment of `path`. */
export function addInc(change: RoomChange, path: string, by: number): void {
  change.inc[path] = (change.inc[path] ?? 0) + by;
}

type Obj = Record<string, unknown>;

function getPath(doc: Obj, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Obj)[k] : undefined), doc);
}

function setPath(doc: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = doc;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Obj;
  }
  o[keys[keys.length - 1]!] = value;
}

function unsetPath(doc: Obj, path: string): void {
  const keys = path.split('.');
  const parent = getPath(doc, keys.slice(0, -1).join('.')) as Obj | undefined;
  const at = keys.length === 1 ? doc : parent;
  if (at && typeof at === 'object') delete at[keys[keys.length - 1]!];
}

/** Whether the change's conditions hold on `doc`. */
export function admits(doc: Obj, change: RoomChange): boolean {
  return (
    change.atMost.every(({ path, max }) => {
      const v = getPath(doc, path);
      return v === undefined || (typeof v === 'number' && v <= max);
    }) &&
    Object.entries(change.equals).every(([p, v]) => getPath(doc, p) === v) &&
    change.present.every((p) => getPath(doc, p) !== undefined) &&
    change.absent.every((p) => getPath(doc, p) === undefined)
  );
}

/** The document after the change, or undefined when its conditions do not hold (the database's refusal). */
export function applyChange<D extends object>(doc: D, change: RoomChange): D | undefined {
  if (!admits(doc as Obj, change)) return undefined;
  const next = structuredClone(doc) as Obj;
  for (const [p, by] of Object.entries(change.inc))
    setPath(next, p, ((getPath(next, p) as number) ?? 0) + by);
  for (const [p, v] of Object.entries(change.set)) setPath(next, p, structuredClone(v));
  for (const p of change.unset) unsetPath(next, p);
  return next as D;
}
