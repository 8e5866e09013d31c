/**
 * The one typed caller of the cloud functions: `call('charity', 'myReceipts', { limit: 3 })`. Every function is
 * an action router, so a call names the function (capability) and the action; the input and the reply's data are
 * the action's own, read from cloudfunctions/manifest.ts (`import type`, erased at compile time): a wrong action
 * name, a wrong input field or a read of a field the action does not return fails the type check.
 *
 * Transport failures (network, timeout, the function crashing) come back as an INTERNAL error reply, so callers
 * handle exactly one shape and never a rejected promise.
 */
import type { ActionArgs, ActionName, ActionResult, FunctionName } from '../../cloudfunctions/manifest';
import { TRANSPORT_MESSAGE, type CloudReply } from './cloud';

export type {
  ActionArgs,
  ActionInput,
  ActionName,
  ActionResult,
  FunctionName,
} from '../../cloudfunctions/manifest';
export type { Page as ListPage } from '../../cloudfunctions/common/schemas';

function isReply(value: unknown): value is CloudReply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (reply.ok === true) return 'data' in reply;
  return (
    reply.ok === false && typeof reply.error?.code === 'string' && typeof reply.error.message === 'string'
  );
}

function errMsgOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'errMsg' in err) return String(err.errMsg);
  return err instanceof Error ? err.message : String(err);
}

/**
 * Calls `action` on the cloud function `fn` with its input (which may be left out only when the action needs no
 * field), and returns its typed reply. `action` is set last, so an input cannot override it. Never rejects.
 * @example const reply = await call('services', 'menu', { communityId });
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...[input]: ActionArgs<F, A>
): Promise<CloudReply<ActionResult<F, A>>> {
  let result: unknown;
  try {
    const res = await wx.cloud.callFunction({ name: fn, data: { ...(input as object | undefined), action } });
    result = res.result;
  } catch (err) {
    console.warn(`cloud ${fn}.${action} failed: ${errMsgOf(err)}`);
    return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_MESSAGE } };
  }
  if (isReply(result)) return result as CloudReply<ActionResult<F, A>>;
  console.warn(`cloud ${fn}.${action} returned no reply envelope`);
  return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_MESSAGE } };
}
