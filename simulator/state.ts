/**
 * State shared by the page-test harness: the setup file writes it, tests read it through page.ts helpers.
 * It lives on globalThis so every module copy sees the same object, and it is created afresh for each test
 * file (each file gets its own jsdom global).
 */

/** Where `wx.cloud` calls go: set by `startPageCloud()` (page tests), the pictures' cloud pool, or a test. */
export interface MulinCloudTarget {
  /** Base URL of the local cloud gateway, e.g. `http://127.0.0.1:8787`. */
  gatewayUrl: string;
  /** The openid the calls are made as; undefined means an anonymous caller. */
  user?: string;
}

/** One wx API call the harness recorded. */
export interface WxCall {
  /** API name without `wx.`, e.g. `navigateTo`. */
  api: string;
  /** The options object (or first argument) the code passed, callbacks removed. */
  args: unknown;
}

/** One `wx.cloud.callFunction` made through the bridge. */
export interface CloudCall {
  name: string;
  data: unknown;
  user?: string;
  /** The function's result (the reply envelope) when the call succeeded. */
  result?: unknown;
  /** The wx-style error when the call failed. */
  error?: { errCode: number; errMsg: string };
  requestId?: string;
  stats?: { dbRoundTrips: number; durationMs: number };
}

/** A picked photo or video that `wx.chooseMedia` will return next. */
export interface FakeMedia {
  content: Uint8Array;
  fileType?: 'image' | 'video';
  /** File extension without the dot, e.g. `png`. */
  ext?: string;
}

/** What a page passes to the `resolve` of `wx.onNeedPrivacyAuthorization`. */
export interface PrivacyResult {
  event: 'agree' | 'disagree' | 'exposureAuthorization' | string;
  buttonId?: string;
}

/** A `wx.onNeedPrivacyAuthorization` listener, typed as wx calls it. */
export type PrivacyListener = (
  resolve: (result: PrivacyResult) => void,
  eventInfo: { referrer: string },
) => void;

/** The mutable state behind the wx stubs. */
export interface HarnessState {
  storage: Map<string, unknown>;
  calls: WxCall[];
  cloudCalls: CloudCall[];
  /** Temp file path → content, for chooseMedia results that uploadFile later reads. */
  tempFiles: Map<string, Uint8Array>;
  nextMedia: FakeMedia[];
  nextScans: string[];
  /** Location returned by wx.getLocation; null makes it fail as if permission were denied. */
  location: { latitude: number; longitude: number } | null;
  /** Whether the user agreed to the privacy guide (wx.requirePrivacyAuthorize). */
  privacyAgreed: boolean;
  privacyListeners: PrivacyListener[];
  /** Decision per template id for wx.requestSubscribeMessage (default 'accept'). */
  subscribeDecision: 'accept' | 'reject';
  /** What wx.showModal answers next (default confirm). */
  modalConfirm: boolean;
  /** Page instances in stack order, for getCurrentPages(). */
  pages: WechatMiniprogram.Component.TrivialInstance[];
  /** The options App() was called with, once miniprogram/app.ts has run. */
  app?: WechatMiniprogram.App.Instance<Record<string, unknown>>;
}

declare global {
  var __mulinCloud: MulinCloudTarget | undefined;
  var __mulinHarness: HarnessState | undefined;
}

function createState(): HarnessState {
  return {
    storage: new Map(),
    calls: [],
    cloudCalls: [],
    tempFiles: new Map(),
    nextMedia: [],
    nextScans: [],
    location: { latitude: 31.2304, longitude: 121.4737 },
    privacyAgreed: true,
    privacyListeners: [],
    subscribeDecision: 'accept',
    modalConfirm: true,
    pages: [],
  };
}

/** The harness state of the current test file. */
export function harness(): HarnessState {
  globalThis.__mulinHarness ??= createState();
  return globalThis.__mulinHarness;
}
