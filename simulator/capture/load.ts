/**
 * Opens one page the way WeChat would on a fresh launch, inside the `pictures` jest project (jsdom +
 * miniprogram-simulate + the shared page-test setup): the app and every module of the mini program are loaded
 * afresh (so a session or setting kept in a module does not leak from the previous picture), the custom tab bar
 * is created for tab pages and handed out by `getTabBar()`, then onLoad(query) → onShow → onReady, and the
 * capture waits until the page's wx.cloud calls have settled. Errors are collected, not thrown, so a broken page
 * still gets a picture and a report.
 */
import path from 'node:path';
import * as simulate from 'miniprogram-simulate';
import { ELDER_MODE_STORAGE_KEY } from '../../miniprogram/lib/elder-mode';
import { flush, launchApp, type LoadedPage } from '../page';
import { harness } from '../state';
import { MINIPROGRAM_DIR, type AppJson, type PageSpec } from '../app-pages';
import type { CompileScope } from './compile-scope';
import { WCC_MAX_BUFFER } from './compile-scope';
import { fireImageEvents } from './builtins';
import type { ImageResolver } from './images';
import { installPhoneRpx } from './rpx';
import { recordSetData, type SetDataFigures } from './set-data';
import { installSharedStyleWatch, resetSharedStyles, sharedStylePrefixes } from './shared-styles';
import { trackTimers } from './timers';
import { installWxssCache } from './wxss-cache';
import { installWxEnv, type Overlay } from './wx-env';

/** What to open. */
export interface LoadRequest {
  page: PageSpec;
  query: Record<string, string>;
  /** Openid the page's calls are made as. */
  user: string;
  /** The local cloud gateway the calls go to (an unreachable one for offline states). */
  gatewayUrl: string;
  storage: Record<string, unknown>;
  elder: boolean;
  app: AppJson;
  scope: CompileScope;
  /** The custom tab bar component (`…/custom-tab-bar/index`) when the page is a tab page of a custom bar. */
  customTabBar?: string;
  /** How long to wait for the page's calls to settle. */
  settleTimeoutMs: number;
  /** Reads the images the page shows (they get their `load` or `error` event, as on a phone). */
  resolveImage: ImageResolver;
}

/** An opened page, ready to be measured and photographed; `close()` when done. */
export interface LoadedShot {
  page?: LoadedPage;
  /** The `<page>` element (empty when the page could not be rendered). */
  pageDom: Element;
  tabBarDom?: Element;
  /** Ids of the `<style>` elements simulate inserted for this page and its tab bar. */
  styleIds: string[];
  /** Class prefixes of loaded components that take app.wxss (styleIsolation apply-shared / shared). */
  sharedPrefixes: string[];
  errors: string[];
  warnings: string[];
  setData: SetDataFigures;
  /** Title set at run time with wx.setNavigationBarTitle. */
  title?: string;
  overlays: Overlay[];
  close(): void;
}

interface PageMethods {
  onLoad?: (query: Record<string, string>) => unknown;
  onShow?: () => unknown;
  onReady?: () => unknown;
  onUnload?: () => unknown;
}

type PageInstance = WechatMiniprogram.Component.TrivialInstance &
  PageMethods & { route?: string; options?: Record<string, string>; getTabBar?: () => unknown };

/** The part of j-component's root component used here (missing from simulate's types). */
interface Lifetimes {
  triggerPageLifeTime(name: string): void;
}

interface ExparserErrors {
  addGlobalWarningListener(listener: (message: string) => void): void;
  removeGlobalWarningListener(listener: (message: string) => void): void;
}

/** Quiet time after the last call settles before the page counts as loaded. */
const QUIET_MS = 40;

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? err.message;
  return typeof err === 'string' ? err : JSON.stringify(err);
}

function format(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : describeError(a))).join(' ');
}

/** Runs a lifecycle method; a thrown error or a rejected promise is recorded. */
async function run(name: string, fn: (() => unknown) | undefined, errors: string[]): Promise<void> {
  if (!fn) return;
  try {
    await fn();
  } catch (err) {
    errors.push(`${name}: ${describeError(err)}`);
  }
}

/** Waits until no wx.cloud call is in flight for {@link QUIET_MS}, or records that it never happened. */
async function settle(pending: () => number, timeoutMs: number, errors: string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  for (;;) {
    await flush();
    if (pending() > 0) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    if (Date.now() > deadline) {
      errors.push(`the page's calls did not settle within ${timeoutMs} ms (${pending()} still in flight)`);
      return;
    }
    await simulate.sleep(5);
  }
}

function loadOptions(scope: CompileScope): simulate.LoadOptions {
  return {
    rootPath: scope.rootPath,
    compilerOptions: { maxBuffer: WCC_MAX_BUFFER, wxmlList: scope.wxmlList, wxsList: scope.wxsList },
  };
}

/** Fresh wx state for a launch: storage, recorded calls, page stack, who calls, elder mode. */
function resetHarness(request: LoadRequest): void {
  const state = harness();
  state.storage.clear();
  for (const [key, value] of Object.entries(request.storage)) state.storage.set(key, value);
  state.storage.set(ELDER_MODE_STORAGE_KEY, request.elder);
  state.calls.length = 0;
  state.cloudCalls.length = 0;
  state.pages.length = 0;
  state.app = undefined;
  globalThis.__mulinCloud = { gatewayUrl: request.gatewayUrl, user: request.user };
  // WeChat exposes the compiled app.json as __wxConfig; the app reads its tab bar from there.
  (globalThis as unknown as { __wxConfig: unknown }).__wxConfig = request.app;
}

/** Opens the page of `request`; never throws for the page's own faults. */
export async function loadShot(request: LoadRequest): Promise<LoadedShot> {
  installPhoneRpx();
  installWxssCache();
  installSharedStyleWatch();
  resetSharedStyles();
  const errors: string[] = [];
  const warnings: string[] = [];
  const env = installWxEnv({
    navigationBar: request.page.navigationBar.style === 'default',
    tabBar: request.page.tab,
  });
  const consoleError = jest.spyOn(console, 'error').mockImplementation((...args) => {
    errors.push(format(args));
  });
  const consoleWarn = jest.spyOn(console, 'warn').mockImplementation((...args) => {
    warnings.push(format(args));
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as ExparserErrors;
  const onWarning = (message: string): void => {
    warnings.push(String(message));
  };
  exparser.addGlobalWarningListener(onWarning);
  const recording = recordSetData();
  const timers = trackTimers([MINIPROGRAM_DIR + path.sep, path.dirname(request.page.file) + path.sep]);
  const styleIds: string[] = [];
  const container = document.createElement('div');
  document.body.appendChild(container);

  resetHarness(request);
  const relativeWxml = `${path.relative(request.scope.rootPath, request.page.file).split(path.sep).join('/')}.wxml`;
  const wccError = request.scope.broken.get(relativeWxml);
  const loaded: { page?: LoadedPage; tabBar?: LoadedPage } = {};
  let initialData: unknown = {};
  if (wccError) errors.push(`WXML does not compile: ${wccError}`);
  else {
    try {
      // A fresh module registry: the app, the page and every module they import run as on a new launch.
      jest.isolateModules(() => {
        launchApp();
        if (request.customTabBar) {
          const barId = simulate.load(request.customTabBar, 'custom-tab-bar', loadOptions(request.scope));
          styleIds.push(barId);
          loaded.tabBar = simulate.render(barId) as LoadedPage | undefined;
        }
        const id = simulate.load(request.page.file, 'page', loadOptions(request.scope));
        styleIds.push(id);
        loaded.page = simulate.render(id) as LoadedPage | undefined;
      });
    } catch (err) {
      errors.push(`render: ${describeError(err)}`);
    }
  }

  const { page, tabBar } = loaded;
  if (page) {
    initialData = JSON.parse(JSON.stringify(page.data ?? {})) as unknown;
    page.attach(container);
    const instance = page.instance as unknown as PageInstance;
    instance.route = request.page.route;
    instance.options = request.query;
    if (tabBar) {
      tabBar.attach(container);
      instance.getTabBar = () => tabBar.instance;
    }
    harness().pages.push(instance);
    await run('onLoad', () => instance.onLoad?.(request.query), errors);
    await run('onShow', () => instance.onShow?.(), errors);
    await run('pageLifetimes.show', () => (page as unknown as Lifetimes).triggerPageLifeTime('show'), errors);
    await run('onReady', () => instance.onReady?.(), errors);
    await settle(env.pending, request.settleTimeoutMs, errors);
    const pageDir = path.dirname(request.page.file);
    const roots = [page.dom, tabBar?.dom].filter((dom): dom is HTMLElement => dom !== undefined);
    const unreadable = roots.flatMap((dom) => fireImageEvents(dom, request.resolveImage, pageDir));
    for (const src of unreadable)
      warnings.push(`image cannot be shown (not in the local cloud or the app): ${src}`);
    await settle(env.pending, request.settleTimeoutMs, errors);
  } else if (!wccError && errors.length === 0) errors.push('simulate rendered nothing for the page');

  const pageDom = page?.dom ?? document.createElement('page');
  const setData = recording.figures(
    (page as unknown as { _exparserNode?: object } | undefined)?._exparserNode ?? {},
    initialData,
  );
  const title = env.title();
  const overlays = env.overlays();

  return {
    page,
    pageDom,
    tabBarDom: tabBar?.dom,
    styleIds,
    sharedPrefixes: sharedStylePrefixes(),
    errors,
    warnings,
    setData,
    title,
    overlays,
    close: () => {
      try {
        (page?.instance as unknown as PageInstance | undefined)?.onUnload?.();
        page?.detach();
        tabBar?.detach();
      } catch (err) {
        errors.push(`onUnload: ${describeError(err)}`);
      }
      timers.stop();
      container.remove();
      for (const id of styleIds) document.getElementById(id)?.remove();
      harness().pages.length = 0;
      exparser.removeGlobalWarningListener(onWarning);
      consoleError.mockRestore();
      consoleWarn.mockRestore();
      env.restore();
    },
  };
}
