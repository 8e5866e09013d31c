/**
 * The one import of wx-server-sdk. `DYNAMIC_CURRENT_ENV` makes the same bundle run in any environment
 * (and, with the redirect variables, against the local cloud).
 */
import * as cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** The SDK, initialised. */
export { cloud };

/** The database of the current environment. */
export const db = cloud.database();

/** Query and update commands (`_.gt`, `_.inc`, ...). */
export const _ = db.command;

/** The caller's WeChat identity: only ever from the platform context, never from the event. */
export function callerOpenid(): string | undefined {
  const { OPENID } = cloud.getWXContext();
  return typeof OPENID === 'string' && OPENID !== '' ? OPENID : undefined;
}
