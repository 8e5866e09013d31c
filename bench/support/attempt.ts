/**
 * Typed calls for a bench scenario that must succeed: a failure is noted (its time would be an error path's, not
 * the action's) and stops the chain of steps it belongs to, as the steps after it need its result.
 */
import type { ActionArgs, ActionName, ActionResult, FunctionName } from '../../cloudfunctions/manifest';
import type { Caller } from '../../test/support/demo';

/** Calls `fn.action` as `who`; returns its data, or notes the failure and stops the chain. */
export type Attempt = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  who: string,
  action: A,
  ...input: ActionArgs<F, A>
) => Promise<ActionResult<F, A>>;

/** Thrown by an attempt that failed (already noted): the rest of its chain is skipped. */
class ChainStopped extends Error {}

/** Attempts through `caller`, noting failures (`function.action as who: code message`) in `failed`. */
export function attempter(caller: Caller, failed: string[]): Attempt {
  return async (fn, who, action, ...input) => {
    const r = await caller.call(fn, who, action, ...input);
    if (r.ok) return r.data;
    failed.push(`${fn}.${String(action)} as ${who}: ${r.error.code} ${r.error.message}`);
    throw new ChainStopped(String(action));
  };
}

/** Runs one chain of steps; a failed step (noted by its attempt) ends the chain, not the scenario. */
export async function chain(failed: string[], name: string, steps: () => Promise<unknown>): Promise<void> {
  try {
    await steps();
  } catch (err) {
    if (err instanceof ChainStopped) return;
    failed.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
