/**
 * Elder mode (长辈模式): larger type and higher contrast for the whole app.
 * The setting is remembered in storage and broadcast to every live page, so toggling it in one place
 * updates all pages in the stack at once. Pages consume it through behaviors/elder-mode.ts.
 */

/** Storage key of the remembered setting (a boolean). */
export const ELDER_MODE_STORAGE_KEY = 'mulin.elderMode';

/** The class a page puts on its root view when elder mode is on (styles/elder.wxss). */
export const ELDER_CLASS = 'elder';

/** Called with the new value whenever elder mode changes. */
export type ElderModeListener = (on: boolean) => void;

let current: boolean | undefined;
const listeners = new Set<ElderModeListener>();

/** Whether elder mode is on; the first call reads the remembered setting from storage. */
export function isElderMode(): boolean {
  if (current === undefined) {
    try {
      current = wx.getStorageSync(ELDER_MODE_STORAGE_KEY) === true;
    } catch {
      current = false;
    }
  }
  return current;
}

/** Turns elder mode on or off, remembers it, and notifies every subscriber (no-op when unchanged). */
export function setElderMode(on: boolean): void {
  if (on === isElderMode()) return;
  current = on;
  try {
    wx.setStorageSync(ELDER_MODE_STORAGE_KEY, on);
  } catch (err) {
    // Still applied for this session; only remembering it failed (e.g. storage full).
    console.warn('elder mode: could not remember the setting', err);
  }
  for (const listener of [...listeners]) listener(on);
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
