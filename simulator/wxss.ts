/**
 * Compiles WXSS with WeChat's own compiler (wcsc, shipped in miniprogram-compiler) and reads custom properties
 * out of the result, so style tests check what a phone would get: imports inlined, `page` mapped to `body`,
 * rpx converted to px (at a 375 px wide screen, 1 rpx = 0.5 px).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT } from './wx-stubs';

interface MiniprogramCompiler {
  wxssToJs(rootPath: string, options: { wxssList: string[] }): string;
}

function wxssFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) wxssFiles(full, out);
    else if (entry.name.endsWith('.wxss'))
      out.push(path.relative(MINIPROGRAM_ROOT, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * The CSS that wcsc produces for one WXSS file of the mini program (e.g. `app.wxss`), as injected into a page.
 * Throws wcsc's message when the WXSS does not compile.
 */
export function compileWxss(file: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as MiniprogramCompiler;
  const js = compiler.wxssToJs(MINIPROGRAM_ROOT, { wxssList: wxssFiles(MINIPROGRAM_ROOT) });
  // The generated program returns a lookup of per-file functions that append a <style> to document.head.
  const lookup = new Function(js)() as (file: string) => (() => void) | undefined;
  const inject = lookup(file) ?? lookup(`./${file}`);
  if (!inject) throw new Error(`wcsc produced nothing for ${file}`);
  const before = new Set(document.head.querySelectorAll('style'));
  inject();
  const added = [...document.head.querySelectorAll('style')].filter((style) => !before.has(style));
  const css = added.map((style) => style.textContent ?? '').join('\n');
  for (const style of added) style.remove();
  return css;
}

/**
 * Custom properties declared by the rule whose selector list is exactly `selector` (e.g. `.elder`, or
 * `body, .elder`), with wcsc's debug annotations (`;wxcs_…`) dropped. Later declarations win.
 */
export function customProperties(css: string, selector: string): Map<string, string> {
  const wanted = selector.replace(/\s+/g, '');
  const props = new Map<string, string>();
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (match[1].replace(/\s+/g, '') !== wanted) continue;
    for (const declaration of match[2].split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const name = declaration.slice(0, colon).trim();
      if (name.startsWith('--')) props.set(name, declaration.slice(colon + 1).trim());
    }
  }
  return props;
}
