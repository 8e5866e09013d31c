/**
 * The one shared setup of the `pages` jest project (setupFilesAfterEnv; DESIGN.md convention 3): tests never
 * build `wx` themselves. Per test file it installs, over miniprogram-simulate:
 *
 * 1. `wx` stubs (wx-stubs.ts), the `wx.cloud` bridge to the local cloud gateway (cloud-bridge.ts), and
 *    `__wxConfig`, app.json as WeChat exposes it at run time (wx-config.ts).
 * 2. `App`, `getApp`, `getCurrentPages` and a `Page` → `Component` shim (simulate only knows Component).
 * 3. A `usingComponents` rewrite on simulate's `readJson`: simulate resolves only absolute-from-root and
 *    relative paths, and silently renders anything else as an empty unknown tag. The rewrite resolves npm paths
 *    (`tdesign-miniprogram/button/button` → miniprogram_npm) and `/`-absolute paths the way DevTools does, merges
 *    app.json's global `usingComponents` into every non-npm component, and throws when a target is missing.
 * 4. Re-registration on repeated loads: simulate runs a component's JS with `require`, which jest caches, so a
 *    second `simulate.load` of any component (a second page using t-button…) would register nothing. The
 *    `Component()` options seen on first run are kept and registered again on later loads.
 */
import path from 'node:path';
import { cloudBridge, closeCloudBridge } from './cloud-bridge';
import { harness } from './state';
import { installWxConfig } from './wx-config';
import { installWxStubs, MINIPROGRAM_ROOT } from './wx-stubs';

type ComponentOptions = Record<string, unknown> & { relations?: Record<string, Record<string, unknown>> };
type JsonFile = { usingComponents?: Record<string, string> } & Record<string, unknown>;

/** The parts of miniprogram-simulate's internal utils module the shims replace. */
interface SimulateUtils {
  readJson(filePath: string): JsonFile | null;
  runJs(filePath: string): void;
}

// simulate must be loaded first: it defines the globals (wx, Component, Behavior) the shims wrap.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('miniprogram-simulate');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const utils = require('miniprogram-simulate/src/utils') as SimulateUtils;

const globals = globalThis as unknown as Record<string, unknown>;

// --- 1. wx -------------------------------------------------------------------------------------------------
installWxStubs();
(wx as unknown as Record<string, unknown>).cloud = cloudBridge;
installWxConfig();
afterAll(() => closeCloudBridge());

// --- 2. App, getApp, getCurrentPages, Page ------------------------------------------------------------------
globals.App = (options: WechatMiniprogram.App.Instance<Record<string, unknown>>) => {
  harness().app = options;
};
// TDesign's base class calls getApp() when its modules load, before any app may have been launched.
const fallbackApp = { globalData: {} };
globals.getApp = () => harness().app ?? fallbackApp;
globals.getCurrentPages = () => [...harness().pages];

const simulateComponent = globals.Component as (options: ComponentOptions) => void;
let onRegister: ((options: ComponentOptions) => void) | undefined;

/** A copy safe to hand to simulate, which rewrites `relations` keys in place. */
function pristine(options: ComponentOptions): ComponentOptions {
  if (!options.relations) return { ...options };
  const relations = Object.fromEntries(
    Object.entries(options.relations).map(([key, value]) => [key, { ...value }]),
  );
  return { ...options, relations };
}

globals.Component = (options: ComponentOptions) => {
  onRegister?.(pristine(options));
  simulateComponent(options);
};

const PAGE_DATA_KEYS = new Set(['data', 'behaviors', 'options']);
globals.Page = (options: Record<string, unknown>) => {
  // Page() puts handlers and lifecycle at the top level; Component() wants them under `methods`.
  const methods = Object.fromEntries(
    Object.entries(options).filter(([key, value]) => typeof value === 'function' && !PAGE_DATA_KEYS.has(key)),
  );
  (globals.Component as (o: ComponentOptions) => void)({
    data: options.data ?? {},
    behaviors: options.behaviors ?? [],
    methods,
  });
};

// --- 3. usingComponents rewrite ------------------------------------------------------------------------------
const NPM_DIR = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm');
const originalReadJson = utils.readJson;
let appUsing: Record<string, string> | undefined;

function appUsingComponents(): Record<string, string> {
  appUsing ??= originalReadJson(path.join(MINIPROGRAM_ROOT, 'app.json'))?.usingComponents ?? {};
  return appUsing;
}

const exists = (file: string): boolean => originalReadJson(file) !== null;

/** Resolves one usingComponents entry to a path relative to `fromDir`, as simulate expects. */
function resolveUsing(owner: string, baseDir: string, fromDir: string, tag: string, target: string): string {
  if (/^plugin(-private)?:\/\//.test(target)) return target;
  let abs: string;
  if (target.startsWith('/')) abs = path.join(MINIPROGRAM_ROOT, target);
  else if (target.startsWith('.')) abs = path.resolve(baseDir, target);
  else abs = path.join(NPM_DIR, target);
  if (!exists(`${abs}.json`)) {
    if (exists(path.join(abs, 'index.json'))) abs = path.join(abs, 'index');
    else {
      const hint = abs.startsWith(NPM_DIR)
        ? ' (is miniprogram_npm built? tsx scripts/build-miniprogram-npm.ts)'
        : '';
      throw new Error(`${owner}: usingComponents "${tag}": "${target}" not found at ${abs}.json${hint}`);
    }
  }
  const relative = path.relative(fromDir, abs);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

utils.readJson = (filePath: string): JsonFile | null => {
  const json = originalReadJson(filePath);
  if (!json || typeof json !== 'object') return json;
  const fromDir = path.dirname(filePath);
  const own = json.usingComponents ?? {};
  const isNpm = filePath.startsWith(NPM_DIR + path.sep);
  const usingComponents: Record<string, string> = {};
  if (!isNpm) {
    // Global components are available everywhere in the app; the component's own entries win.
    for (const [tag, target] of Object.entries(appUsingComponents())) {
      if (!(tag in own))
        usingComponents[tag] = resolveUsing('app.json', MINIPROGRAM_ROOT, fromDir, tag, target);
    }
  }
  for (const [tag, target] of Object.entries(own)) {
    usingComponents[tag] = resolveUsing(filePath, fromDir, fromDir, tag, target);
  }
  json.usingComponents = usingComponents;
  return json;
};

// --- 4. re-registration on repeated loads --------------------------------------------------------------------
const registrations = new Map<string, ComponentOptions>();

utils.runJs = (filePath: string): void => {
  // miniprogram-api-typings redeclares `require` without `resolve`; jest's require has it.
  const resolved = (require as unknown as NodeJS.Require).resolve(filePath);
  let registered = false;
  onRegister = (options) => {
    registered = true;
    registrations.set(resolved, options);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(resolved);
  } finally {
    onRegister = undefined;
  }
  if (registered) return;
  const options = registrations.get(resolved);
  if (!options) throw new Error(`${filePath} did not call Component() (or Page()) when loaded`);
  simulateComponent(pristine(options));
};
