/**
 * Timed, typed calls to one cloud function of a local cloud (inputs and results from cloudfunctions/manifest.ts):
 * each gives the reply, the invocation's database round trips and the wall time of the call.
 */
import type { Reply } from '../../cloudfunctions/common/reply';
import type { ActionArgs, ActionName, ActionResult, FunctionName } from '../../cloudfunctions/manifest';
import type { LocalCloud } from '../../localcloud/cloud';

/** A call's reply with its figures. */
export interface Timed<T> {
  reply: Reply<T>;
  roundTrips: number;
  ms: number;
}

/** The timed calls of function `fn`. */
export function timedCalls<F extends FunctionName>(fn: F) {
  /** Calls an action as `openid`; throws only when the platform gave no reply. */
  async function call<A extends ActionName<F>>(
    cloud: LocalCloud,
    openid: string,
    action: A,
    ...[payload]: ActionArgs<F, A>
  ): Promise<Timed<ActionResult<F, A>>> {
    const t = performance.now();
    const out = await cloud.call(fn, { action, ...(payload as object | undefined) }, openid);
    const ms = performance.now() - t;
    if ('error' in out) throw new Error(`${action}: ${out.error.errMsg}`);
    return { reply: out.result as Reply<ActionResult<F, A>>, roundTrips: out.stats.dbRoundTrips, ms };
  }
  /** Calls an action that must succeed; returns its data, the round trips and the time. */
  async function ok<A extends ActionName<F>>(
    cloud: LocalCloud,
    openid: string,
    action: A,
    ...input: ActionArgs<F, A>
  ): Promise<{ data: ActionResult<F, A>; roundTrips: number; ms: number }> {
    const r = await call(cloud, openid, action, ...input);
    if (!r.reply.ok)
      throw new Error(`${action} as ${openid}: ${r.reply.error.code} ${r.reply.error.message}`);
    return { data: r.reply.data, roundTrips: r.roundTrips, ms: r.ms };
  }
  /** `ok`, noting the round trips under `label` in `rt` (when given). */
  const noter =
    (cloud: LocalCloud, rt?: Record<string, number>) =>
    async <A extends ActionName<F>>(label: string, openid: string, action: A, ...input: ActionArgs<F, A>) => {
      const r = await ok(cloud, openid, action, ...input);
      if (rt) rt[label] = r.roundTrips;
      return r.data;
    };
  return { call, ok, noter };
}
