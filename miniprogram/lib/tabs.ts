/**
 * The tab bar's tabs, read from app.json's `tabBar.list` at run time, so adding a tab is one app.json entry
 * (plus its page). WeChat exposes the compiled app.json as the global `__wxConfig`; page paths there may carry
 * an `.html` suffix. Icons are TDesign icon names chosen by page path.
 */

/** One tab as the tab bar shows it. */
export interface Tab {
  /** A name for ids and tests: the page's folder, e.g. `home` for `pages/home/index`. */
  id: string;
  /** Page path without a leading slash, e.g. `pages/home/index`. */
  pagePath: string;
  /** The label under the icon. */
  text: string;
  /** TDesign icon name. */
  icon: string;
}

/** Icons of the app's tab pages, declared ahead so a new tab needs no edit here; others get {@link DEFAULT_ICON}. */
const ICONS: Record<string, string> = {
  'pages/home/index': 'home',
  'pages/services/index': 'service',
  'pages/community/index': 'heart',
  'pages/mine/index': 'user',
};

/** Icon of a tab page missing from {@link ICONS}. */
const DEFAULT_ICON = 'app';

/** Used only when the runtime does not expose app.json (never on a phone so far): the tabs of the first release. */
const FALLBACK: { pagePath: string; text: string }[] = [
  { pagePath: 'pages/home/index', text: '首页' },
  { pagePath: 'pages/mine/index', text: '我的' },
];

interface WxConfig {
  tabBar?: { list?: { pagePath?: string; text?: string }[] };
}

declare const __wxConfig: WxConfig | undefined;

/** Normalises a page path or route: no leading slash, no `.html`, no query. */
export function normalizeRoute(route: string): string {
  return route
    .split('?')[0]
    .replace(/^\//, '')
    .replace(/\.html$/, '');
}

/** The tabs of app.json's tabBar.list, in order. */
export function tabsFromAppJson(): Tab[] {
  const list = typeof __wxConfig === 'object' && __wxConfig?.tabBar?.list ? __wxConfig.tabBar.list : FALLBACK;
  return list
    .filter((item) => typeof item.pagePath === 'string' && item.pagePath !== '')
    .map((item) => {
      const pagePath = normalizeRoute(item.pagePath as string);
      const id = pagePath.split('/').slice(-2, -1)[0] ?? pagePath;
      return { id, pagePath, text: item.text ?? '', icon: ICONS[pagePath] ?? DEFAULT_ICON };
    });
}
