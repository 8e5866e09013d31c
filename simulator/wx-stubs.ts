/**
 * wx API stubs installed over miniprogram-simulate's `wx` for page tests. What each does:
 *
 * - Storage (`get/set/remove/clearStorageSync`, async `getStorage`/`setStorage`): a Map, fresh for every test
 *   file; values are JSON round-tripped as wx does.
 * - `requirePrivacyAuthorize`, and the privacy-gated `getLocation` / `chooseMedia`: succeed when the user has
 *   agreed (the default; `setPrivacyAgreed(false)` in page.ts to test refusal). When not agreed, the last
 *   `wx.onNeedPrivacyAuthorization` listener is called with `resolve` and the call waits for the page to
 *   resolve `{ event: 'agree' | 'disagree' }`; with no listener the call fails with errno 104 (on a phone
 *   WeChat would show its own popup, which a test cannot tap).
 * - `getLocation`: needs `"getLocation"` in app.json `requiredPrivateInfos`, as on a phone; answers the
 *   location set with `setLocation()` (default: People's Square, Shanghai), or fails `auth deny` when null.
 * - `scanCode`: answers the next string queued with `queueScan()`, else fails `cancel` (the user backed out).
 * - `chooseMedia`: answers the files queued with `queueMedia()`, else one 1×1 PNG; the temp paths can be
 *   passed to `wx.cloud.uploadFile`.
 * - `showToast`, `showModal` (answers `setModalConfirm()`, default confirm), `showLoading`, `hideLoading`,
 *   `hideToast`: recorded only.
 * - `navigateTo`, `redirectTo`, `reLaunch`, `switchTab`, `navigateBack`: recorded; a target page missing from
 *   app.json fails as wx does (`page "…" is not found`), and tab/non-tab misuse fails too.
 * - `requestSubscribeMessage`: every template id gets the decision set with `setSubscribeDecision()`
 *   (default 'accept').
 * - `login`: resolves a fixed code (identity comes from the gateway's user, not from the code).
 * - `makePhoneCall`: recorded only (a test checks which number would be dialled).
 * - `setClipboardData`, `openSetting`: recorded only.
 * - `openLocation`: recorded only (a test checks where the map would open).
 * - `downloadFile`: really GETs the URL (a temp link the local cloud's storage signed) and keeps the bytes under a
 *   fresh temp path (`tempFile()` reads them back); `statusCode` is the HTTP status, as wx reports it.
 * - `openDocument`: recorded; fails `file not exist` for a path no download (or chooseMedia) made.
 *
 * Every async stub supports both callback and promise style, like wx. Every call is recorded (`wxCalls()`).
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getBytes } from './cloud-bridge';
import { harness, type PrivacyListener, type PrivacyResult } from './state';

/** The mini program root, `miniprogram/`. */
export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../miniprogram');

interface Callbacks {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
}

type Options = Record<string, unknown> & Callbacks;

/** A wx-style failure: an Error carrying `errMsg` (and `errno` when wx sets one). */
export class WxError extends Error {
  readonly errMsg: string;
  readonly errno?: number;
  constructor(api: string, reason: string, errno?: number) {
    super(`${api}:fail ${reason}`);
    this.errMsg = this.message;
    if (errno !== undefined) this.errno = errno;
  }
}

function record(api: string, args: unknown): void {
  harness().calls.push({ api, args });
}

/** Wraps an implementation as a wx async API: callbacks when given, a promise otherwise. */
function asyncApi(
  api: string,
  impl: (args: Record<string, unknown>) => unknown,
): (options?: Options) => unknown {
  return (options: Options = {}) => {
    const { success, fail, complete, ...args } = options;
    record(api, args);
    const promise = Promise.resolve()
      .then(() => impl(args))
      .then((res) => ({ errMsg: `${api}:ok`, ...(res as object) }));
    if (!success && !fail && !complete) return promise;
    promise.then(
      (res) => {
        success?.(res);
        complete?.(res);
      },
      (err: unknown) => {
        fail?.(err);
        complete?.(err);
      },
    );
    return undefined;
  };
}

interface AppJson {
  pages?: string[];
  subpackages?: { root: string; pages: string[] }[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list?: { pagePath: string }[] };
  requiredPrivateInfos?: string[];
}

function appJson(): AppJson {
  // Read on every use: cheap, and tests that add pages see them without a restart.
  return JSON.parse(readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
}

function pagePathOf(url: unknown): string {
  return String(url ?? '')
    .split('?')[0]
    .replace(/^\//, '');
}

function checkPage(api: string, url: unknown): void {
  const app = appJson();
  const page = pagePathOf(url);
  const subpackages = app.subpackages ?? app.subPackages ?? [];
  const all = [
    ...(app.pages ?? []),
    ...subpackages.flatMap((sub) => sub.pages.map((p) => `${sub.root.replace(/\/$/, '')}/${p}`)),
  ];
  if (!all.includes(page)) throw new WxError(api, `page "${page}" is not found`);
  const tabs = (app.tabBar?.list ?? []).map((item) => item.pagePath);
  if (api === 'switchTab' && !tabs.includes(page)) throw new WxError(api, 'can not switch to no-tabBar page');
  if (api !== 'switchTab' && api !== 'reLaunch' && tabs.includes(page)) {
    throw new WxError(api, `can not ${api} a tabbar page`);
  }
}

/** Resolves when the user has agreed to the privacy guide, asking through the page's listener if needed. */
async function ensurePrivacy(api: string): Promise<void> {
  const state = harness();
  if (state.privacyAgreed) return;
  const listener = state.privacyListeners[state.privacyListeners.length - 1];
  if (!listener) throw new WxError(api, 'privacy permission is not authorized', 104);
  // The page may first report `exposureAuthorization` (its popup was shown); only agree/disagree settle the call.
  const result = await new Promise<PrivacyResult>((resolve) =>
    listener(
      (answer) => {
        if (answer.event === 'agree' || answer.event === 'disagree') resolve(answer);
      },
      { referrer: api },
    ),
  );
  if (result.event !== 'agree') throw new WxError(api, 'privacy permission is not authorized', 104);
  state.privacyAgreed = true;
}

/** A 1×1 transparent PNG, the default picked photo. */
const ONE_PIXEL_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);
let tempCounter = 0;

/** Registers content under a fresh temp path like those wx hands out (`http://tmp/…`). */
export function addTempFile(content: Uint8Array, ext = 'png'): string {
  tempCounter += 1;
  const tempPath = `http://tmp/mulin-${tempCounter}.${ext}`;
  harness().tempFiles.set(tempPath, content);
  return tempPath;
}

function storageKey(key: unknown): string {
  return String(key);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

const stubs = {
  getStorageSync(key: string): unknown {
    const state = harness();
    return state.storage.has(storageKey(key)) ? clone(state.storage.get(storageKey(key))) : '';
  },
  setStorageSync(key: string, data: unknown): void {
    harness().storage.set(storageKey(key), clone(data));
  },
  removeStorageSync(key: string): void {
    harness().storage.delete(storageKey(key));
  },
  clearStorageSync(): void {
    harness().storage.clear();
  },
  getStorageInfoSync(): { keys: string[]; currentSize: number; limitSize: number } {
    return { keys: [...harness().storage.keys()], currentSize: 0, limitSize: 10240 };
  },
  getStorage: asyncApi('getStorage', ({ key }) => {
    const state = harness();
    if (!state.storage.has(storageKey(key))) throw new WxError('getStorage', 'data not found');
    return { data: clone(state.storage.get(storageKey(key))) };
  }),
  setStorage: asyncApi('setStorage', ({ key, data }) => {
    harness().storage.set(storageKey(key), clone(data));
    return {};
  }),
  removeStorage: asyncApi('removeStorage', ({ key }) => {
    harness().storage.delete(storageKey(key));
    return {};
  }),

  requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', async () => {
    await ensurePrivacy('requirePrivacyAuthorize');
    return {};
  }),
  onNeedPrivacyAuthorization(listener: PrivacyListener): void {
    record('onNeedPrivacyAuthorization', {});
    harness().privacyListeners.push(listener);
  },
  getPrivacySetting: asyncApi('getPrivacySetting', () => ({
    needAuthorization: !harness().privacyAgreed,
    privacyContractName: '《睦邻小程序隐私保护指引》',
  })),
  openPrivacyContract: asyncApi('openPrivacyContract', () => ({})),

  getLocation: asyncApi('getLocation', async () => {
    if (!(appJson().requiredPrivateInfos ?? []).includes('getLocation')) {
      throw new WxError(
        'getLocation',
        'the api need to be declared in the requiredPrivateInfos field in app.json',
      );
    }
    await ensurePrivacy('getLocation');
    const location = harness().location;
    if (!location) throw new WxError('getLocation', 'auth deny');
    return {
      ...location,
      speed: -1,
      accuracy: 65,
      altitude: 0,
      verticalAccuracy: 65,
      horizontalAccuracy: 65,
    };
  }),
  scanCode: asyncApi('scanCode', () => {
    const result = harness().nextScans.shift();
    if (result === undefined) throw new WxError('scanCode', 'cancel');
    return {
      result,
      scanType: 'QR_CODE',
      charSet: 'utf-8',
      path: '',
      rawData: Buffer.from(result).toString('base64'),
    };
  }),
  chooseMedia: asyncApi('chooseMedia', async ({ count }) => {
    await ensurePrivacy('chooseMedia');
    const state = harness();
    const queued = state.nextMedia.splice(0, typeof count === 'number' ? count : 9);
    const picked =
      queued.length > 0 ? queued : [{ content: ONE_PIXEL_PNG, fileType: 'image' as const, ext: 'png' }];
    const tempFiles = picked.map((media) => ({
      tempFilePath: addTempFile(media.content, media.ext ?? 'png'),
      size: media.content.byteLength,
      fileType: media.fileType ?? 'image',
    }));
    return { type: tempFiles.some((f) => f.fileType === 'video') ? 'mix' : 'image', tempFiles };
  }),

  showToast: asyncApi('showToast', () => ({})),
  hideToast: asyncApi('hideToast', () => ({})),
  showLoading: asyncApi('showLoading', () => ({})),
  hideLoading: asyncApi('hideLoading', () => ({})),
  showModal: asyncApi('showModal', () => {
    const confirm = harness().modalConfirm;
    return { confirm, cancel: !confirm };
  }),

  navigateTo: asyncApi('navigateTo', ({ url }) => {
    checkPage('navigateTo', url);
    return { eventChannel: { emit() {}, on() {}, once() {}, off() {} } };
  }),
  redirectTo: asyncApi('redirectTo', ({ url }) => {
    checkPage('redirectTo', url);
    return {};
  }),
  reLaunch: asyncApi('reLaunch', ({ url }) => {
    checkPage('reLaunch', url);
    return {};
  }),
  switchTab: asyncApi('switchTab', ({ url }) => {
    checkPage('switchTab', url);
    return {};
  }),
  navigateBack: asyncApi('navigateBack', () => ({})),

  requestSubscribeMessage: asyncApi('requestSubscribeMessage', ({ tmplIds }) => {
    const decision = harness().subscribeDecision;
    const ids = Array.isArray(tmplIds) ? tmplIds.map(String) : [];
    return Object.fromEntries(ids.map((id) => [id, decision]));
  }),
  login: asyncApi('login', () => ({ code: 'local-test-code' })),
  makePhoneCall: asyncApi('makePhoneCall', () => ({})),
  setClipboardData: asyncApi('setClipboardData', () => ({})),
  openSetting: asyncApi('openSetting', () => ({ authSetting: {} })),
  openLocation: asyncApi('openLocation', () => ({})),
  downloadFile: asyncApi('downloadFile', async ({ url }) => {
    let got: { status: number; bytes: Uint8Array };
    try {
      got = await getBytes(String(url));
    } catch (err) {
      throw new WxError('downloadFile', (err as Error).message);
    }
    const ext = /\.([a-z0-9]+)(?:\?|$)/i.exec(String(url))?.[1] ?? 'bin';
    return { tempFilePath: addTempFile(got.bytes, ext), statusCode: got.status };
  }),
  openDocument: asyncApi('openDocument', ({ filePath }) => {
    if (!harness().tempFiles.has(String(filePath))) throw new WxError('openDocument', 'file not exist');
    return {};
  }),
};

/** Installs the stubs over simulate's `wx` (call once, from setup.ts). */
export function installWxStubs(): void {
  // wx's declared type has generics and overloads the stubs need not match one by one.
  Object.assign(wx as unknown as Record<string, unknown>, stubs);
}
