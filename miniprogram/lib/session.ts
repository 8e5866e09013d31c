/**
 * The current user, for every page: logged in once per launch (`account.login`, identity from WeChat), kept
 * here, and updated when a page changes the profile. Pages read it with {@link ensureSession} and follow
 * changes with {@link onSessionChange}; nothing lives in globalData, so pages stay testable one by one.
 */
import type { SelfView } from './account';
import { type CloudError, TRANSPORT_MESSAGE } from './cloud';
import { call } from './api';

/** Called with the new profile whenever it changes. */
export type SessionListener = (me: SelfView) => void;

/** The outcome of logging in: the user, or the error to show. */
export type SessionResult = { ok: true; me: SelfView } | { ok: false; error: CloudError };

let me: SelfView | undefined;
let pending: Promise<SessionResult> | undefined;
const listeners = new Set<SessionListener>();

/** The current user, if logged in already. */
export function currentUser(): SelfView | undefined {
  return me;
}

/**
 * Logs in once and returns the user; concurrent callers share the one call. A failed login is not kept, so
 * the next call (a page's retry button) tries again.
 */
export function ensureSession(): Promise<SessionResult> {
  if (me) return Promise.resolve({ ok: true, me });
  pending ??= call('account', 'login').then((reply): SessionResult => {
    pending = undefined;
    if (!reply.ok) return { ok: false, error: reply.error };
    if (typeof reply.data !== 'object' || reply.data === null) {
      return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_MESSAGE } };
    }
    const { isNew: _isNew, ...view } = reply.data;
    setCurrentUser(view);
    return { ok: true, me: view };
  });
  return pending;
}

/** Replaces the current user (after a profile change) and tells every subscriber when anything changed. */
export function setCurrentUser(next: SelfView): void {
  const changed = JSON.stringify(next) !== JSON.stringify(me);
  me = next;
  if (changed) for (const listener of [...listeners]) listener(next);
}

/**
 * Logs in again to pick up changes made elsewhere (a role granted by an admin), keeping the current user when
 * the call fails. One round trip; 我的 calls it when shown again.
 */
export async function refreshSession(): Promise<SessionResult> {
  if (!me) return ensureSession();
  // A refresh, not a new login: it must not cancel a deletion the person just asked for.
  const reply = await call('account', 'login', { refresh: true });
  if (!reply.ok) return { ok: false, error: reply.error };
  const { isNew: _isNew, ...view } = reply.data;
  setCurrentUser(view);
  return { ok: true, me: view };
}

/** Subscribes to profile changes; returns the function that unsubscribes. */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Forgets the user (tests; a later launch logs in again). */
export function resetSession(): void {
  me = undefined;
  pending = undefined;
}
