/**
 * Elder mode (长辈模式): larger type and higher contrast for the whole app.
 * The setting is remembered in storage and broadcast to every live page, so toggling it in one place
 * updates all pages in the stack at once. Pages consume it through behaviors/elder-mode.ts.
 *
 * Until the user chooses, the app follows WeChat: a phone whose WeChat font is set large (关怀模式 is 23.8 px,
 * the standard 17 px; wx.getAppBaseInfo reports the scale) opens in elder mode. Whoever has not chosen and
 * is not on a large font is asked once, on 首页, whether the text is too small ({@link shouldAskOnce}).
 */

/** Storage key of the remembered setting (a boolean). */
export const ELDER_MODE_STORAGE_KEY = 'mulin.elderMode';

/** The class a page puts on its root view when elder mode is on (styles/elder.wxss). */
export const ELDER_CLASS = 'elder';

/** Called with the new value whenever elder mode changes. */
export type ElderModeListener = (on: boolean) => void;

/** Storage key: the one-time "字太小？" question was shown (a boolean). */
export const ELDER_PROMPT_STORAGE_KEY = 'mulin.elderPrompted';

/**
 * WeChat's font scale from which the app opens in elder mode: 21 px of the standard 17 (+3 of 7 steps on a
 * 375 pt iPhone; 关怀模式 is 1.4).
 */
export const LARGE_FONT_SCALE = 21 / 17;

let current: boolean | undefined;
const listeners = new Set<ElderModeListener>();

/** Whether elder mode is on; the first call reads the remembered setting from storage. */
export function isElderMode(): boolean {
  if (current === undefined) {
    const chosen = rememberedChoice();
    current = chosen ?? weChatFontIsLarge();
  }
  return current;
}

/** The user's own choice, if they made one. */
function rememberedChoice(): boolean | undefined {
  try {
    const value: unknown = wx.getStorageSync(ELDER_MODE_STORAGE_KEY);
    return typeof value === 'boolean' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether WeChat's own font size is set large (older clients without getAppBaseInfo: no). */
export function weChatFontIsLarge(): boolean {
  try {
    const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : undefined;
    return (info?.fontSizeScaleFactor ?? 1) >= LARGE_FONT_SCALE - 0.001;
  } catch {
    return false;
  }
}

/**
 * Whether 首页 should ask "字太小？切换长辈模式" now: never asked before, no choice made, not already in elder
 * mode. Asking once marks it asked.
 */
export function shouldAskOnce(): boolean {
  try {
    if (wx.getStorageSync(ELDER_PROMPT_STORAGE_KEY) === true) return false;
    if (rememberedChoice() !== undefined || isElderMode()) return false;
    wx.setStorageSync(ELDER_PROMPT_STORAGE_KEY, true);
    return true;
  } catch {
    return false;
  }
}

/** Turns elder mode on or off, remembers the choice, and notifies every subscriber when it changed. */
export function setElderMode(on: boolean): void {
  const changed = on !== isElderMode();
  current = on;
  try {
    // Remembered even when unchanged: a choice made over WeChat's large font stays the user's choice.
    wx.setStorageSync(ELDER_MODE_STORAGE_KEY, on);
  } catch (err) {
    // Still applied for this session; only remembering it failed (e.g. storage full).
    console.warn('elder mode: could not remember the setting', err);
  }
  if (changed) for (const listener of [...listeners]) listener(on);
}

/** Subscribes to changes; returns the function that unsubscribes. */
export function onElderModeChange(listener: ElderModeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The root-view class for a given setting: `'elder'` or `''`. */
export function elderClassFor(on: boolean): string {
  return on ? ELDER_CLASS : '';
}
