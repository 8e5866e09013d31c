/**
 * The pages of the mini program as app.json lists them (main package and subpackages), with what the picture
 * frame needs from app.json and each page's json: navigation bar title and colours, and the tab bar.
 * Read afresh on every call, so pages added by others are picked up without edits here. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The mini program root, `miniprogram/`. */
export const MINIPROGRAM_DIR = path.resolve(__dirname, '..', 'miniprogram');

/** The navigation bar settings of a page (page json over app.json's `window`). */
export interface NavigationBar {
  title: string;
  /** CSS colour. */
  background: string;
  /** `black` or `white` text. */
  textStyle: 'black' | 'white';
  /** `custom` when the page draws its own bar. */
  style: 'default' | 'custom';
  /** Page background (outside the page's own views). */
  backgroundColor: string;
}

/** One item of app.json's tabBar.list. */
export interface TabItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

/** app.json's tabBar. */
export interface TabBarConfig {
  custom: boolean;
  color: string;
  selectedColor: string;
  backgroundColor: string;
  list: TabItem[];
}

/** A page to photograph. */
export interface PageSpec {
  /** Route as in app.json, e.g. `pages/home/index` or `packages/services/pages/order/index`. */
  route: string;
  /** Absolute path of the page's files without extension. */
  file: string;
  /** `main` or the subpackage root. */
  packageName: string;
  navigationBar: NavigationBar;
  /** Whether the page is a tab page (has the tab bar under it). */
  tab: boolean;
}

interface WindowJson {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: string;
  navigationStyle?: string;
  backgroundColor?: string;
}

/** The parts of app.json this module reads. */
export interface AppJson {
  pages?: string[];
  subpackages?: { root: string; pages: string[] }[];
  subPackages?: { root: string; pages: string[] }[];
  window?: WindowJson;
  tabBar?: Partial<TabBarConfig> & { list?: TabItem[] };
  [key: string]: unknown;
}

/** Reads `miniprogram/app.json` (or the one in `root`). */
export function readAppJson(root = MINIPROGRAM_DIR): AppJson {
  return JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
}

/** app.json's tab bar, or undefined when the app has none. */
export function tabBarOf(app: AppJson): TabBarConfig | undefined {
  const bar = app.tabBar;
  if (!bar?.list?.length) return undefined;
  return {
    custom: bar.custom === true,
    color: bar.color ?? '#7a7e83',
    selectedColor: bar.selectedColor ?? '#3cc51f',
    backgroundColor: bar.backgroundColor ?? '#ffffff',
    list: bar.list,
  };
}

function readJson(file: string): WindowJson {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WindowJson) : {};
}

/** The navigation bar of a page whose json is at `jsonFile`, over app.json's window settings. */
export function navigationBarOf(app: AppJson, jsonFile: string): NavigationBar {
  const merged: WindowJson = { ...app.window, ...readJson(jsonFile) };
  return {
    title: merged.navigationBarTitleText ?? '',
    background: merged.navigationBarBackgroundColor ?? '#000000',
    textStyle: merged.navigationBarTextStyle === 'black' ? 'black' : 'white',
    style: merged.navigationStyle === 'custom' ? 'custom' : 'default',
    backgroundColor: merged.backgroundColor ?? '#ffffff',
  };
}

/** Every page app.json lists, main package first, then each subpackage in order. */
export function appPages(root = MINIPROGRAM_DIR): PageSpec[] {
  const app = readAppJson(root);
  const tabs = new Set((tabBarOf(app)?.list ?? []).map((item) => item.pagePath.replace(/^\//, '')));
  const entries: { route: string; packageName: string }[] = (app.pages ?? []).map((route) => ({
    route,
    packageName: 'main',
  }));
  for (const sub of app.subpackages ?? app.subPackages ?? []) {
    const rootDir = sub.root.replace(/\/$/, '');
    for (const page of sub.pages) entries.push({ route: `${rootDir}/${page}`, packageName: rootDir });
  }
  return entries.map(({ route, packageName }) => {
    const file = path.join(root, route);
    return {
      route,
      file,
      packageName,
      navigationBar: navigationBarOf(app, `${file}.json`),
      tab: tabs.has(route),
    };
  });
}
