/**
 * Assembles a picture's stand-alone HTML: the built-in tag styles, app.wxss, the page's and its components'
 * WXSS (TDesign's included, as simulate compiled them), the icon masks, then the phone frame — status bar,
 * navigation bar (title from the page json, or the one the page set), the page window, the tab bar — and any
 * native toast or modal still showing. `vh` in the page's styles means the page window, as on a phone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NavigationBar, TabBarConfig } from '../app-pages';
import { TAB_BAR_HEIGHT } from '../geometry';
import { FIXUPS_SCRIPT } from './fixups';
import type { ImageResolver } from './images';
import type { Overlay } from './wx-env';

const BUILTINS_CSS = readFileSync(path.join(__dirname, 'builtins.css'), 'utf8');
const FRAME_CSS = readFileSync(path.join(__dirname, 'frame.css'), 'utf8');

/** What goes into one picture. */
export interface DocumentParts {
  /** The document title (route and state). */
  heading: string;
  /** WXSS compiled by simulate: app.wxss first, then the page's load and the tab bar's. */
  wxss: string[];
  iconCss: string;
  pageHtml: string;
  navigationBar: NavigationBar;
  /** Title shown in the bar (the json's, or one set at run time). */
  title: string;
  /** Show a back arrow (pages that are not tabs are opened from another page). */
  back: boolean;
  windowHeight: number;
  /** The custom tab bar's HTML, for tab pages of an app with `tabBar.custom`. */
  customTabBarHtml?: string;
  /** The native tab bar to draw, with the current page, for tab pages of an app without a custom bar. */
  nativeTabBar?: { config: TabBarConfig; current: string; resolve: ImageResolver; miniprogramDir: string };
  overlays: Overlay[];
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `100vh` → the page window's height (the browser's viewport is the whole screen). */
export function rewriteVh(css: string): string {
  return css.replace(/(-?\d*\.?\d+)vh\b/g, 'calc($1 * var(--mp-vh))');
}

function statusAndNavigation(parts: DocumentParts): string {
  const bar = parts.navigationBar;
  if (bar.style === 'custom') return '';
  const colour = bar.textStyle === 'white' ? '#ffffff' : '#000000';
  const style = `background:${escapeHtml(bar.background)};color:${colour}`;
  const capsule = `<span class="mp-capsule${bar.textStyle === 'white' ? ' mp-capsule-dark' : ''}"><span class="mp-capsule-dots"></span><span class="mp-capsule-close"></span></span>`;
  return (
    `<div class="mp-status" style="${style}"><span>9:41</span><span class="mp-status-battery"></span></div>` +
    `<div class="mp-nav" style="${style}">${parts.back ? '<span class="mp-nav-back"></span>' : ''}` +
    `<span class="mp-nav-title">${escapeHtml(parts.title)}</span>${capsule}</div>`
  );
}

function nativeTabBar(tabs: NonNullable<DocumentParts['nativeTabBar']>): string {
  const { config, current, resolve, miniprogramDir } = tabs;
  const items = config.list.map((item) => {
    const selected = item.pagePath.replace(/^\//, '') === current;
    const iconPath = selected ? (item.selectedIconPath ?? item.iconPath) : item.iconPath;
    const icon = iconPath
      ? resolve(iconPath.startsWith('/') ? iconPath : `/${iconPath}`, miniprogramDir)
      : undefined;
    const colour = selected ? config.selectedColor : config.color;
    return (
      `<span class="mp-native-tab" style="color:${escapeHtml(colour)}">` +
      (icon ? `<img src="${icon.dataUri}" alt="">` : '') +
      `<span>${escapeHtml(item.text)}</span></span>`
    );
  });
  return `<div class="mp-native-tabbar" style="background:${escapeHtml(config.backgroundColor)};height:${TAB_BAR_HEIGHT}px">${items.join('')}</div>`;
}

function overlay(o: Overlay): string {
  if (o.kind === 'modal') {
    const buttons =
      (o.cancelText !== undefined ? `<span class="mp-modal-cancel">${escapeHtml(o.cancelText)}</span>` : '') +
      `<span>${escapeHtml(o.confirmText)}</span>`;
    return (
      `<div class="mp-overlay mp-overlay-mask"><div class="mp-overlay-screen"><div class="mp-modal">` +
      (o.title ? `<div class="mp-modal-title">${escapeHtml(o.title)}</div>` : '') +
      `<div class="mp-modal-content">${escapeHtml(o.content)}</div><div class="mp-modal-buttons">${buttons}</div></div></div></div>`
    );
  }
  const icon = o.kind === 'loading' ? '◌' : o.icon === 'error' ? '✕' : o.icon === 'none' ? '' : '✓';
  return (
    `<div class="mp-overlay"><div class="mp-overlay-screen"><div class="mp-toast">` +
    (icon ? `<span class="mp-toast-icon">${icon}</span>` : '') +
    `${escapeHtml(o.title)}</div></div></div>`
  );
}

/** The picture's HTML. */
export function buildDocument(parts: DocumentParts): string {
  const wxss = parts.wxss.map((css) => `<style data-mp-wxss>${rewriteVh(css)}</style>`).join('\n');
  const tabBar = parts.customTabBarHtml
    ? `<div class="mp-tabbar">${parts.customTabBarHtml}</div>`
    : parts.nativeTabBar
      ? `<div class="mp-tabbar">${nativeTabBar(parts.nativeTabBar)}</div>`
      : '';
  const vh = parts.windowHeight / 100;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(parts.heading)}</title>
<style>${BUILTINS_CSS}</style>
${wxss}
<style>${parts.iconCss}</style>
<style>${FRAME_CSS}</style>
<style>:root{--mp-vh:${vh}px;--mp-window-height:${parts.windowHeight}px;--mp-page-bg:${escapeHtml(parts.navigationBar.backgroundColor)}}</style>
</head><body>
${statusAndNavigation(parts)}<div class="mp-window">${parts.pageHtml}${parts.overlays.map(overlay).join('')}</div>${tabBar}
<script>${FIXUPS_SCRIPT}</script>
</body></html>
`;
}
