/** Seeds drive the real functions: a call that fails stops the seed with the function's own error. */
import type { ActionArgs, ActionName, ActionResult, FunctionName } from '../cloudfunctions/manifest';
import type { LocalCloud } from '../localcloud/cloud';

/** Calls `fn.action` as `openid` with its typed input (cloudfunctions/manifest.ts) and returns its data, or throws. */
export async function callOk<F extends FunctionName, A extends ActionName<F>>(
  cloud: LocalCloud,
  fn: F,
  openid: string,
  action: A,
  ...[payload]: ActionArgs<F, A>
): Promise<ActionResult<F, A>> {
  const reply = await cloud.call(fn, { action, ...(payload as object | undefined) }, openid);
  if ('error' in reply) throw new Error(`${fn}.${action} as ${openid}: ${reply.error.errMsg}`);
  const result = reply.result as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!result.ok)
    throw new Error(`${fn}.${action} as ${openid}: ${result.error?.code} ${result.error?.message}`);
  return result.data as ActionResult<F, A>;
}
