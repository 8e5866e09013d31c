/**
 * `__wxConfig`, the global through which WeChat exposes the compiled app.json at run time (the custom tab bar
 * reads its tabs from it). Installed from miniprogram/app.json for every page test, page paths with `.html` as
 * WeChat reports them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT } from './wx-stubs';

interface AppJson {
  pages?: string[];
  tabBar?: { list?: { pagePath: string; text?: string }[] } & Record<string, unknown>;
}

/** Sets `globalThis.__wxConfig` from app.json as it is now. */
export function installWxConfig(): void {
  const app = JSON.parse(readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
  const tabBar = app.tabBar
    ? { ...app.tabBar, list: (app.tabBar.list ?? []).map((t) => ({ ...t, pagePath: `${t.pagePath}.html` })) }
    : undefined;
  (globalThis as unknown as Record<string, unknown>).__wxConfig = { pages: app.pages ?? [], tabBar };
}
