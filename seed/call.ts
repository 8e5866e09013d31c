/** Seeds drive the real functions: a call that fails stops the seed with the function's own error. */
import type { LocalCloud } from '../localcloud/cloud';

/** Calls `fn.action` as `openid` and returns its data, or throws. */
export async function callOk<T = unknown>(
  cloud: LocalCloud,
  fn: string,
  openid: string,
  action: string,
  payload: Record<string, unknown> = {},
): Promise<T> {
  const reply = await cloud.call(fn, { action, ...payload }, openid);
  if ('error' in reply) throw new Error(`${fn}.${action} as ${openid}: ${reply.error.errMsg}`);
  const result = reply.result as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!result.ok)
    throw new Error(`${fn}.${action} as ${openid}: ${result.error?.code} ${result.error?.message}`);
  return result.data as T;
}
