/**
 * miniprogram-simulate compiles every component's WXSS (postcss + csso) on every page load, and a picture run
 * loads pages a hundred times with the same TDesign components: the compiled CSS is remembered per source and
 * class prefix, which is all the result depends on.
 */

interface SimulateWxss {
  compile(wxss: string, options: { prefix?: string; less?: boolean }): string;
}

let installed = false;

/** Memoises simulate's WXSS compile (idempotent). */
export function installWxssCache(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as SimulateWxss;
  const compile = wxss.compile.bind(wxss);
  const cache = new Map<string, string>();
  wxss.compile = (source, options = {}) => {
    const key = `${options.prefix ?? ''}\0${options.less ? 1 : 0}\0${source}`;
    let css = cache.get(key);
    if (css === undefined) {
      css = compile(source, options);
      cache.set(key, css);
    }
    return css;
  };
}
