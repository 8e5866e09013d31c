/**
 * Whom to call: the one client home of the community hotline. `loadHotline()` asks the account function once
 * per person and community (首页 hands over the one its own reply carries with `rememberHotline`), and
 * `dialHotline` rings it. Shown by components/hotline-bar.
 */
import type { HotlineView } from '../../cloudfunctions/account/contract';
import { call } from './api';
import { currentUser } from './session';

export type { HotlineView };

const known = new Map<string, HotlineView | null>();

const keyOf = (communityId?: string) => `${currentUser()?.id ?? ''}|${communityId ?? ''}`;

/** Keeps a hotline the caller already has (首页's `home` reply carries the caller's own). */
export function rememberHotline(hotline: HotlineView | undefined, communityId?: string): void {
  known.set(keyOf(communityId), hotline ?? null);
}

/**
 * The hotline of the caller's community, or of `communityId` (an order's, an activity's); null when there is
 * none or it could not be read (the bar then stays hidden: a missing number must not block the page).
 */
export async function loadHotline(communityId?: string): Promise<HotlineView | null> {
  const key = keyOf(communityId);
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const reply = await call('account', 'hotline', communityId ? { communityId } : {});
  if (!reply.ok) return null;
  const hotline = reply.data.hotline ?? null;
  known.set(key, hotline);
  return hotline;
}

/** Rings the number (WeChat asks the user to confirm; backing out is not an error). */
export function dialHotline(number: string): void {
  wx.makePhoneCall({ phoneNumber: number.replace(/-/g, ''), fail: () => undefined });
}
