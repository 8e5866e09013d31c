/**
 * One picture's jsdom half: open the page (load.ts), measure it (setData, WXML nodes), draw the built-in tags
 * into a copy of its DOM and assemble the stand-alone HTML the camera photographs.
 */
import path from 'node:path';
import type { AppJson, PageSpec, TabBarConfig } from '../app-pages';
import { windowHeight } from '../geometry';
import { annotateBuiltins, drawBuiltins } from './builtins';
import type { CompileScope } from './compile-scope';
import { buildDocument, rewriteVh } from './document';
import { iconCss } from './icons';
import type { ImageResolver } from './images';
import { loadShot } from './load';
import { annotateTapTargets } from './taps';
import { rpxToPx } from './rpx';
import type { SetDataFigures } from './set-data';
import { treeFigures, type TreeFigures } from './tree';

/** Everything a capture needs besides the shot itself. */
export interface CaptureContext {
  app: AppJson;
  tabBar?: TabBarConfig;
  /** `…/custom-tab-bar/index` when the app has a custom tab bar. */
  customTabBar?: string;
  scope: CompileScope;
  miniprogramDir: string;
  settleTimeoutMs: number;
}

/** What to capture. */
export interface CaptureRequest {
  page: PageSpec;
  heading: string;
  query: Record<string, string>;
  user: string;
  gatewayUrl: string;
  storage: Record<string, unknown>;
  elder: boolean;
  resolveImage: ImageResolver;
}

/** The jsdom half's result. */
export interface Capture {
  html: string;
  setData: SetDataFigures;
  tree: TreeFigures;
  errors: string[];
  warnings: string[];
}

/** The parts of simulate's wxss module (internal, untyped) used to compile app.wxss. */
interface SimulateWxss {
  getContent(filePath: string): string;
  compile(wxss: string, options: { prefix: string }): string;
}

/** app.wxss scoped as simulate scopes a component's classes (`page` for pages), with phone rpx. */
function appWxss(miniprogramDir: string, prefix: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as SimulateWxss;
  return rpxToPx(wxss.compile(wxss.getContent(path.join(miniprogramDir, 'app.wxss')), { prefix }));
}

/** Opens, measures and serialises one page in one state. */
export async function capture(request: CaptureRequest, context: CaptureContext): Promise<Capture> {
  const { page } = request;
  const customTabBar = page.tab && context.tabBar?.custom ? context.customTabBar : undefined;
  const loaded = await loadShot({
    page,
    query: request.query,
    user: request.user,
    gatewayUrl: request.gatewayUrl,
    storage: request.storage,
    elder: request.elder,
    app: context.app,
    scope: context.scope,
    customTabBar,
    settleTimeoutMs: context.settleTimeoutMs,
    resolveImage: request.resolveImage,
  });
  try {
    const roots = [loaded.pageDom, ...(loaded.tabBarDom ? [loaded.tabBarDom] : [])];
    for (const root of roots) {
      annotateBuiltins(root);
      annotateTapTargets(root);
    }
    const tree = treeFigures(loaded.pageDom);
    const copies = roots.map((root) => {
      const copy = root.cloneNode(true) as Element;
      drawBuiltins(copy, request.resolveImage, page.file);
      for (const el of Array.from(copy.querySelectorAll('[style]')))
        el.setAttribute('style', rewriteVh(el.getAttribute('style') ?? ''));
      return copy;
    });
    const icons = iconCss(copies);
    for (const name of icons.missing)
      loaded.warnings.push(`icon "${name}" is not in tdesign-icons-svg: drawn as a dashed box`);
    // Pages always take app.wxss; components only when they opt in (shared-styles.ts).
    const wxss = [
      ...['page', ...loaded.sharedPrefixes.filter((p) => p !== 'page')].map((p) =>
        appWxss(context.miniprogramDir, p),
      ),
      ...loaded.styleIds.map((id) => document.getElementById(id)?.textContent ?? ''),
    ];
    const navigationBar = page.navigationBar;
    const html = buildDocument({
      heading: request.heading,
      wxss,
      iconCss: icons.css,
      pageHtml: copies[0].outerHTML,
      navigationBar,
      title: loaded.title ?? navigationBar.title,
      back: !page.tab,
      windowHeight: windowHeight({ navigationBar: navigationBar.style === 'default', tabBar: page.tab }),
      customTabBarHtml: customTabBar ? copies[1]?.outerHTML : undefined,
      nativeTabBar:
        page.tab && context.tabBar && !context.tabBar.custom
          ? {
              config: context.tabBar,
              current: page.route,
              resolve: request.resolveImage,
              miniprogramDir: path.resolve(context.miniprogramDir),
            }
          : undefined,
      overlays: loaded.overlays,
    });
    return { html, setData: loaded.setData, tree, errors: loaded.errors, warnings: loaded.warnings };
  } finally {
    loaded.close();
  }
}
