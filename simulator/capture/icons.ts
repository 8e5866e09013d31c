/**
 * TDesign icons for pictures. t-icon draws glyphs of a web font loaded from a CDN (unreachable here), so each
 * icon a page uses is redrawn as a CSS mask of the same icon from the `tdesign-icons-svg` package, painted in the
 * icon's own colour. The package lacks some of the newest icons: those are drawn as a dashed box and reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// miniprogram-api-typings redeclares `require` without `resolve`; Node's has it.
const nodeRequire = require as unknown as NodeJS.Require;
const SVG_DIR = path.join(path.dirname(nodeRequire.resolve('tdesign-icons-svg/package.json')), 'src');

/** A class token naming an icon, after simulate's class prefix: `t-icon--t-icon-home` → `home`. */
const ICON_CLASS = /(?:^|--)t-icon-([a-z0-9][a-z0-9-]*)$/;
const NOT_ICONS = new Set(['base', 'class', 'image']);

/** The icon's SVG as a mask-ready data URI, or undefined when the package does not have it. */
export function iconMask(name: string): string | undefined {
  const file = path.join(SVG_DIR, `${name}.svg`);
  if (!existsSync(file)) return undefined;
  const svg = readFileSync(file, 'utf8')
    // The package writes `view-box`; without a real viewBox the 24-unit drawing would be cropped, not scaled.
    .replace(/\sview-box=/, ' viewBox=')
    .replace(/\s(width|height)="1em"/g, ' $1="24"');
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The icon class tokens used under `root`, with the icon each names. */
export function iconClasses(root: Element): Map<string, string> {
  const found = new Map<string, string>();
  for (const el of Array.from(root.querySelectorAll('[class*="t-icon-"]'))) {
    for (const token of Array.from(el.classList)) {
      const name = ICON_CLASS.exec(token)?.[1];
      if (name && !NOT_ICONS.has(name)) found.set(token, name);
    }
  }
  return found;
}

function cssEscape(token: string): string {
  return token.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/** CSS replacing the font glyphs of the icons used under `roots`, and the names the package lacks. */
export function iconCss(roots: Element[]): { css: string; missing: string[] } {
  const rules: string[] = [];
  const missing = new Set<string>();
  const classes = new Map<string, string>();
  for (const root of roots) for (const [token, name] of iconClasses(root)) classes.set(token, name);
  for (const [token, name] of classes) {
    const mask = iconMask(name);
    const selector = `.${cssEscape(token)}::before`;
    if (!mask) {
      missing.add(name);
      rules.push(
        `${selector}{content:'';display:inline-block;width:1em;height:1em;box-sizing:border-box;border:2px dashed currentColor;border-radius:4px}`,
      );
      continue;
    }
    rules.push(
      `${selector}{content:'';display:inline-block;width:1em;height:1em;vertical-align:top;background-color:currentColor;` +
        `-webkit-mask:url("${mask}") center/100% 100% no-repeat;mask:url("${mask}") center/100% 100% no-repeat}`,
    );
  }
  return { css: rules.join('\n'), missing: [...missing].sort() };
}
