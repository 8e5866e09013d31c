/**
 * One-round-trip reads: the caller's user record as the root of an aggregation, with everything else an action
 * needs joined to it by `$lookup` (the item, its organizations, the order, family links, a wallet…). This is
 * how user actions stay within three database round trips (DESIGN.md budget): the read is one request, the
 * conditional write or two the rest. CloudBase documents `lookup` with `let`/`pipeline`; the local cloud runs
 * the same stages with mingo.
 */
import type { ActionContext } from '../common/action';
import { _, db } from '../common/cloud';
import { unauthenticated } from '../common/errors';
import { USERS, type UserDoc } from '../common/users';

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
function expr(e: AnyObject): AnyObject {
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

/** What a read with joins returns: the caller and each join's documents by name. */
export interface Joined {
  caller: UserDoc;
  all<T>(as: string): T[];
  one<T>(as: string): T | undefined;
}

/**
 * Reads the caller (by openid) and the joins in one aggregation; UNAUTHENTICATED if the caller never logged in.
 * Joins are applied in order, so a `set` can use what an earlier join found.
 */
export async function readWithCaller(ctx: ActionContext, joins: Join[]): Promise<Joined> {
  let agg = db.collection(USERS).aggregate().match({ openid: ctx.openid }).limit(1);
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
  const root = list[0];
  if (!root) throw unauthenticated();
  const caller = { ...root } as AnyObject;
  for (const n of names) delete caller[n];
  // A joined list holds documents only (as MongoDB and CloudBase return them); skipping nulls costs nothing.
  const all = <T>(as: string) =>
    ((root[as] as (T | null)[] | undefined) ?? []).filter((d): d is T => d !== null);
  return { caller: caller as unknown as UserDoc, all, one: <T>(as: string) => all<T>(as)[0] };
}

/** `$arrayElemAt` of a joined list's field: the first joined document's value, for a later join. */
export function firstOf(path: string): unknown {
  return _.aggregate.arrayElemAt([`$${path}`, 0]);
}
