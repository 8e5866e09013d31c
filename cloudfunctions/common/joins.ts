/**
 * The one way an action reads the caller together with what else it needs, in ONE round trip (DESIGN.md budget:
 * the read is one request, the conditional write or two the rest): an aggregation rooted at the caller's user
 * record, with everything else joined to it by `$lookup` (the item, its organizations, the order, family links, a
 * wallet…). When the caller may be someone who never logged in (a public view) or a missing document must say
 * NOT_FOUND before anything else, the read is rooted at that document instead and the caller is joined to it.
 * `ctx.caller()` is the same read with nothing joined. CloudBase documents `lookup` with `let`/`pipeline`; the
 * local cloud runs the same stages with mingo.
 */
import type { ActionContext } from './action';
import { _, db } from './cloud';
import { unauthenticated } from './errors';
import { USERS, type UserDoc } from './directory/users';

type AnyObject = Record<string, unknown>;

/** The sub-pipeline builder (`db.command.aggregate.pipeline()`), which wx-server-sdk's typings leave out. */
interface SubPipeline {
  match(v: AnyObject): SubPipeline;
  project(v: AnyObject): SubPipeline;
  sort(v: AnyObject): SubPipeline;
  limit(n: number): SubPipeline;
  done(): unknown;
}

function subPipeline(): SubPipeline {
  return (_.aggregate as unknown as { pipeline(): SubPipeline }).pipeline();
}

/** `db.command.expr` (aggregation expressions in a query), also missing from the typings. */
export function expr(e: AnyObject): AnyObject {
  return (_ as unknown as { expr(v: AnyObject): AnyObject }).expr(e);
}

/** A join: documents of `from` matching a filter (uncorrelated), or whose `foreignField` equals a caller field. */
export type Join =
  | {
      as: string;
      from: string;
      match: AnyObject;
      sort?: AnyObject;
      limit?: number;
      project?: AnyObject;
    }
  | {
      as: string;
      from: string;
      /** A field of the root (after earlier `set`s), e.g. `_id` or a computed list of ids. */
      localField: string;
      foreignField: string;
    }
  | {
      /** Fields computed on the root for later joins (aggregation expressions). */
      set: AnyObject;
    }
  | {
      as: string;
      from: string;
      /** Correlated on `let` variables through `$expr`. */
      let: AnyObject;
      expr: AnyObject;
      match?: AnyObject;
      sort?: AnyObject;
      limit?: number;
      project?: AnyObject;
    };

/** Each join's documents by name. */
export interface JoinedDocs {
  /** Every document the join found. */
  all<T>(as: string): T[];
  /** The first document the join found. */
  one<T>(as: string): T | undefined;
}

/** What a read rooted at the caller returns: the caller and each join's documents. */
export interface Joined extends JoinedDocs {
  caller: UserDoc;
}

/** The document a read is rooted at when it is not the caller (its joins' `localField`s are its fields). */
export interface Root {
  from: string;
  match: AnyObject;
}

/** What a read rooted at a document returns: the document and the caller when found, and each join's documents. */
export interface RootedJoined<R> extends JoinedDocs {
  root: R | undefined;
  /** The caller's user record (undefined for someone who never logged in, or when there is no root). */
  caller: UserDoc | undefined;
}

/** Where the caller goes in a read rooted at a document. */
const CALLER = '__caller';

/**
 * Reads the caller (by openid) and the joins in one aggregation; UNAUTHENTICATED if the caller never logged in.
 * Joins are applied in order, so a `set` can use what an earlier join found. With `root`, the aggregation is
 * rooted at that document instead (joins refer to its fields) and the caller is joined to it; nothing is refused.
 */
export async function readWithCaller(ctx: Pick<ActionContext, 'openid'>, joins: Join[]): Promise<Joined>;
export async function readWithCaller<R>(
  ctx: Pick<ActionContext, 'openid'>,
  joins: Join[],
  root: Root,
): Promise<RootedJoined<R>>;
export async function readWithCaller<R>(
  ctx: Pick<ActionContext, 'openid'>,
  joins: Join[],
  root?: Root,
): Promise<Joined | RootedJoined<R>> {
  const all = root ? [...joins, { as: CALLER, from: USERS, match: { openid: ctx.openid }, limit: 1 }] : joins;
  const { found, docs } = await aggregateWith(
    root ? root.from : USERS,
    root ? root.match : { openid: ctx.openid },
    all,
  );
  if (root) {
    return { root: found as R | undefined, caller: docs.one<UserDoc>(CALLER), ...docs };
  }
  if (!found) throw unauthenticated();
  return { caller: found as unknown as UserDoc, ...docs };
}

/** One aggregation: the first document matching `match` in `from`, with the joins; the root without them. */
async function aggregateWith(
  from: string,
  match: AnyObject,
  joins: Join[],
): Promise<{ found: AnyObject | undefined; docs: JoinedDocs }> {
  let agg = db.collection(from).aggregate().match(match).limit(1);
  const names: string[] = [];
  for (const j of joins) {
    if ('set' in j) {
      agg = agg.addFields(j.set);
      names.push(...Object.keys(j.set));
      continue;
    }
    names.push(j.as);
    if ('localField' in j) {
      agg = agg.lookup({ from: j.from, localField: j.localField, foreignField: j.foreignField, as: j.as });
      continue;
    }
    let p = subPipeline();
    if ('expr' in j)
      p = p.match(j.match ? (_.and([expr(j.expr), j.match]) as unknown as AnyObject) : expr(j.expr));
    else p = p.match(j.match);
    if (j.sort) p = p.sort(j.sort);
    if (j.limit) p = p.limit(j.limit);
    if (j.project) p = p.project(j.project);
    agg = agg.lookup({
      from: j.from,
      ...('let' in j ? { let: j.let } : {}),
      pipeline: p.done(),
      as: j.as,
    });
  }
  const { list } = (await agg.end()) as { list: AnyObject[] };
  const row = list[0];
  // A joined list holds documents only (as MongoDB and CloudBase return them); skipping nulls costs nothing.
  const all = <T>(as: string) =>
    ((row?.[as] as (T | null)[] | undefined) ?? []).filter((d): d is T => d !== null);
  const docs: JoinedDocs = { all, one: <T>(as: string) => all<T>(as)[0] };
  if (!row) return { found: undefined, docs };
  const found = { ...row };
  for (const n of names) delete found[n];
  return { found, docs };
}

/** `$arrayElemAt` of a joined list's field: the first joined document's value, for a later join. */
export function firstOf(path: string): unknown {
  return _.aggregate.arrayElemAt([`$${path}`, 0]);
}
