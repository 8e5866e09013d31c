/**
 * Helpers for page tests (miniprogram-simulate + the shared setup). A page test loads a real page, taps and
 * types through TDesign components, and the page's `wx.cloud` calls reach the real functions through the
 * local cloud gateway:
 *
 *     const demo = await startPageCloud();             // test/support/miniprogram/page-cloud.ts
 *     asUser('o-demo-resident');
 *     const page = await loadPage('pages/services/menu/index', { communityId: 'c1' });
 *     await waitFor(() => page.querySelectorAll('.menu-item').length > 0);
 *     await tap(page, '#order');
 *     expect(lastCall('navigateTo')).toMatchObject({ url: '/pages/services/order/index?id=…' });
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as simulate from 'miniprogram-simulate';
import { type CloudCall, type FakeMedia, harness, type WxCall } from './state';
import { MINIPROGRAM_ROOT } from './wx-stubs';

export { addTempFile } from './wx-stubs';

const REPO_ROOT = path.resolve(MINIPROGRAM_ROOT, '..');
/** Large enough for wcc's output when every TDesign template is compiled. */
const WCC_MAX_BUFFER = 256 * 1024 * 1024;
/** The root tag of a loaded page: `page`, so app.wxss rules on `page` apply as on a phone. */
const PAGE_TAG = 'page';

/** A rendered page or component: `instance`, `data`, `dom`, `querySelector(All)`, `dispatchEvent`. */
export type LoadedPage = simulate.RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;
/** A node found in a loaded page. */
export type Node = simulate.Component<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  Partial<WechatMiniprogram.Component.MethodOption>
>;

/** Methods a page built with Component() may define. */
interface PageMethods {
  onLoad?: (query: Record<string, string>) => unknown;
  onShow?: () => unknown;
  onReady?: () => unknown;
  onHide?: () => unknown;
  onUnload?: () => unknown;
}

/** The parts of simulate's wxss module (internal, untyped) used to apply app.wxss. */
interface SimulateWxss {
  getContent(filePath: string): string;
  compile(wxss: string, options: { prefix: string }): string;
}

/** Lets pending promises, setData callbacks and simulate's queued events run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await simulate.sleep(0);
}

function listFiles(dir: string, exts: string[], out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, exts, out);
    else if (exts.some((ext) => entry.name.endsWith(ext)))
      out.push(path.relative(REPO_ROOT, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * simulate compiles all WXML under one root with wcc. Pages compile with the mini program root (so `/`-absolute
 * imports work as on a phone); test fixtures outside it compile with the repository root and an explicit file list.
 */
function loadOptions(abs: string): simulate.LoadOptions {
  if (abs.startsWith(MINIPROGRAM_ROOT + path.sep)) {
    return { rootPath: MINIPROGRAM_ROOT, compilerOptions: { maxBuffer: WCC_MAX_BUFFER } };
  }
  const roots = [MINIPROGRAM_ROOT, path.join(REPO_ROOT, 'test', 'miniprogram')];
  return {
    rootPath: REPO_ROOT,
    compilerOptions: {
      maxBuffer: WCC_MAX_BUFFER,
      wxmlList: roots.flatMap((root) => listFiles(root, ['.wxml'])),
      wxsList: roots.flatMap((root) => listFiles(root, ['.wxs'])),
    },
  };
}

/** Runs miniprogram/app.ts once per test file (App() → onLaunch → onShow), as WeChat does before any page. */
export function launchApp(): void {
  const state = harness();
  if (state.app) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(MINIPROGRAM_ROOT, 'app'));
  const app = state.app as (WechatMiniprogram.App.Option & Record<string, unknown>) | undefined;
  if (!app) throw new Error('miniprogram/app.ts did not call App()');
  const launch = { path: '', query: {}, scene: 1001, referrerInfo: {}, forwardMaterials: [], chatType: 1 };
  app.onLaunch?.(launch as unknown as WechatMiniprogram.App.LaunchShowOption);
  app.onShow?.(launch as unknown as WechatMiniprogram.App.LaunchShowOption);
  injectAppWxss();
}

/** Adds app.wxss (tokens, elder mode) to the document, scoped to pages like simulate scopes component styles. */
function injectAppWxss(): void {
  if (document.getElementById('mulin-app-wxss')) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as SimulateWxss;
  const css = wxss.compile(wxss.getContent(path.join(MINIPROGRAM_ROOT, 'app.wxss')), { prefix: PAGE_TAG });
  const style = document.createElement('style');
  style.id = 'mulin-app-wxss';
  style.textContent = css.replace(/(\d+(?:\.\d+)?)rpx/g, '$1px');
  document.head.prepend(style);
}

/** Splits `pages/x/index?a=1` into the file path and its query. */
function parsePath(
  pagePath: string,
  query: Record<string, string>,
): { abs: string; query: Record<string, string> } {
  const [file, search] = pagePath.split('?');
  const merged = { ...Object.fromEntries(new URLSearchParams(search ?? '')), ...query };
  const abs = path.isAbsolute(file) && file.startsWith(REPO_ROOT) ? file : path.join(MINIPROGRAM_ROOT, file);
  return { abs: abs.replace(/\.(ts|js|json|wxml)$/, ''), query: merged };
}

/**
 * Loads a page (or a test fixture) like WeChat opens it: launches the app once, renders the page under a
 * `<page>` root attached to the document, pushes it on getCurrentPages(), then calls onLoad(query), onShow
 * (method and pageLifetimes) and onReady. Accepts `pages/x/index`, `/pages/x/index?a=1`, or an absolute path.
 * Does not wait for work onLoad starts: use {@link waitFor}.
 */
export async function loadPage(pagePath: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  launchApp();
  const target = parsePath(pagePath, query);
  const id = simulate.load(target.abs, PAGE_TAG, loadOptions(target.abs));
  const page = simulate.render(id) as LoadedPage | undefined;
  if (!page) throw new Error(`simulate could not render ${target.abs}`);
  page.attach(document.body);
  const instance = page.instance as unknown as WechatMiniprogram.Component.TrivialInstance & PageMethods;
  harness().pages.push(instance);
  instance.onLoad?.(target.query);
  instance.onShow?.();
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
  instance.onReady?.();
  await flush();
  return page;
}

/** Unloads a page loaded with {@link loadPage}: onUnload, detach, and off the page stack. */
export async function closePage(page: LoadedPage): Promise<void> {
  const instance = page.instance as unknown as WechatMiniprogram.Component.TrivialInstance & PageMethods;
  instance.onUnload?.();
  page.detach();
  const pages = harness().pages;
  const index = pages.indexOf(instance);
  if (index >= 0) pages.splice(index, 1);
  await flush();
}

/** Finds one node or fails with the selector in the message. */
export function find(root: LoadedPage | Node, selector: string): Node {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`nothing matches "${selector}"`);
  return node;
}

/**
 * DOM elements under a loaded page that carry `className`. simulate scopes classes with their component's tag
 * (`t-button--t-button`, `page--elder`), so this matches either the bare name or `<tag>--<name>`.
 */
export function domByClass(root: LoadedPage, className: string): Element[] {
  const all = [root.dom, ...(root.dom?.querySelectorAll('*') ?? [])].filter((el): el is HTMLElement => !!el);
  return all.filter((el) => [...el.classList].some((c) => c === className || c.endsWith(`--${className}`)));
}

/** The slice of j-component's internal exparser node the event helpers walk. */
interface ExparserNode {
  $$?: unknown;
  __virtual?: boolean;
  shadowRoot?: ExparserNode;
  childNodes?: ExparserNode[];
}

/** The first real DOM element of a node: its own, or for a virtual host the first one inside its template. */
function firstElement(ex: ExparserNode): Element | undefined {
  if (ex.$$ instanceof Element && !ex.__virtual) return ex.$$;
  for (const child of [...(ex.shadowRoot ? [ex.shadowRoot] : []), ...(ex.childNodes ?? [])]) {
    const found = firstElement(child);
    if (found) return found;
  }
  return undefined;
}

/** j-component's node wrapper class (not exported; every rendered page's prototype chain has it). */
type NodeClass = new (exparserNode: unknown) => Node;

/**
 * The node that really receives events for `node`. TDesign turns on `virtualHost` (simulate reports base
 * library 2.32.3), so a t-button host has no DOM element and events dispatched on it are silently dropped;
 * the first element of its template is what a finger would touch. `pick` narrows further (e.g. to the native
 * input inside a t-input).
 */
function eventTarget(node: Node, pick?: (el: Element) => Element | null): Node {
  const internal = node as unknown as { _exparserNode: ExparserNode };
  let el = firstElement(internal._exparserNode);
  if (el && pick) el = pick(el) ?? undefined;
  const exparserNode = (el as (Element & { __wxElement?: unknown }) | undefined)?.__wxElement;
  if (!exparserNode) throw new Error('the node has no DOM element that can receive the event');
  let proto: object | null = Object.getPrototypeOf(node) as object;
  while (proto && Object.getPrototypeOf(proto) !== Object.prototype)
    proto = Object.getPrototypeOf(proto) as object;
  const Wrapper = (proto as { constructor: NodeClass }).constructor;
  return new Wrapper(exparserNode);
}

/**
 * Taps the node matching `selector` (TDesign components included) and lets the handlers run. `inside` is a CSS
 * selector for the element within the component that listens, when that is not its first one (t-tab-bar-item
 * listens on its content element: `[class*="t-tab-bar-item__content"]`, as simulate prefixes class names).
 */
export async function tap(root: LoadedPage | Node, selector: string, inside?: string): Promise<void> {
  const pick = inside ? (el: Element) => (el.matches(inside) ? el : el.querySelector(inside)) : undefined;
  eventTarget(find(root, selector), pick).dispatchEvent('tap');
  await flush();
}

/**
 * Dispatches any event (e.g. `agreeprivacyauthorization`, `chooseavatar`) on the node matching `selector` the way
 * {@link tap} does, with `detail`, and lets the handlers run. For events a real finger cannot make in simulate.
 */
export async function fire(
  root: LoadedPage | Node,
  selector: string,
  eventName: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  eventTarget(find(root, selector)).dispatchEvent(eventName, { detail });
  await flush();
}

const NATIVE_INPUT = 'wx-input, wx-textarea';

/**
 * Types `value` into the input matching `selector`: a t-input / t-textarea, or a native input / textarea.
 * Fires `input` (and `blur` with `options.blur`) on the native element, as a keyboard would.
 */
export async function input(
  root: LoadedPage | Node,
  selector: string,
  value: string,
  options: { blur?: boolean } = {},
): Promise<void> {
  const target = eventTarget(find(root, selector), (el) =>
    el.matches(NATIVE_INPUT) ? el : el.querySelector(NATIVE_INPUT),
  );
  target.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
  await flush();
  if (options.blur) {
    target.dispatchEvent('blur', { detail: { value, cursor: value.length } });
    await flush();
  }
}

/**
 * Polls until `predicate` returns a truthy value without throwing, and returns it; fails after `timeout` ms
 * with the predicate's last error. Use it to wait for cloud calls a page started. The default is generous (a
 * little under jest's 60 s per test): a busy machine makes the page slow, never the test fail; give no shorter
 * limit in a test.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  { timeout = 50_000, interval = 10 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      if (lastError instanceof Error) throw lastError;
      throw new Error(`waitFor timed out after ${timeout} ms`);
    }
    await simulate.sleep(interval);
  }
}

/** Makes later `wx.cloud` calls as the user with this openid (the demo people: seed/demoPeople.ts). */
export function asUser(openid: string | undefined): void {
  globalThis.__mulinCloud = { gatewayUrl: globalThis.__mulinCloud?.gatewayUrl ?? '', user: openid };
}

/** Recorded wx calls, optionally only those of one API (e.g. `'navigateTo'`). */
export function wxCalls(api?: string): WxCall[] {
  return harness().calls.filter((call) => api === undefined || call.api === api);
}

/** The options of the latest call to `api`, or undefined. */
export function lastCall(api: string): unknown {
  return wxCalls(api).at(-1)?.args;
}

/** Every `wx.cloud.callFunction` made through the bridge, with results and db round trips. */
export function cloudCalls(): CloudCall[] {
  return [...harness().cloudCalls];
}

/** Forgets recorded wx and cloud calls (storage and settings stay). */
export function resetWxRecorder(): void {
  harness().calls.length = 0;
  harness().cloudCalls.length = 0;
}

/** Queues what the next `wx.scanCode` reads. */
export function queueScan(result: string): void {
  harness().nextScans.push(result);
}

/** Queues files the next `wx.chooseMedia` returns. */
export function queueMedia(...media: FakeMedia[]): void {
  harness().nextMedia.push(...media);
}

/** Sets what `wx.getLocation` answers; null denies permission. */
export function setLocation(location: { latitude: number; longitude: number } | null): void {
  harness().location = location;
}

/** Sets whether the user has agreed to the privacy guide. */
export function setPrivacyAgreed(agreed: boolean): void {
  harness().privacyAgreed = agreed;
}

/** Sets the answer of `wx.requestSubscribeMessage` for every template. */
export function setSubscribeDecision(decision: 'accept' | 'reject'): void {
  harness().subscribeDecision = decision;
}

/** Sets whether the next `wx.showModal` is confirmed. */
export function setModalConfirm(confirm: boolean): void {
  harness().modalConfirm = confirm;
}

/** The stub storage (fresh for each test file). */
export function storage(): Map<string, unknown> {
  return harness().storage;
}

/** The bytes behind a temp path (`wx.downloadFile`, `wx.chooseMedia`), or undefined. */
export function tempFile(tempPath: string): Uint8Array | undefined {
  return harness().tempFiles.get(tempPath);
}
