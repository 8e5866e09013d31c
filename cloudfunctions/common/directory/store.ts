/**
 * Reads of the shared directory (users, places, organizations, family links) that are not joins of an action's
 * own read. An action reads the caller with `ctx.caller()` (this module, once per call) or, together with what
 * else it needs in one round trip, with `readWithCaller` (common/joins).
 */
import { db } from '../cloud';
import { rows } from '../db';
import { USERS, type UserDoc } from './users';

/** Loads the user with this WeChat openid (one round trip), or undefined. */
export async function loadUserByOpenid(openid: string): Promise<UserDoc | undefined> {
  return rows<UserDoc>(await db.collection(USERS).where({ openid }).limit(1).get())[0];
}
