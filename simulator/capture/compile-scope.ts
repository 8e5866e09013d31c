/**
 * What miniprogram-simulate compiles with wcc (WeChat's WXML compiler) for a page. wcc compiles every WXML file
 * under a root at once and stops at the first error, so one broken file would take every page down with it.
 * The scope is checked once: a file wcc refuses is reported with wcc's message (file:line:column) and left out,
 * and the check runs again, until the rest compiles. Pages then load with the files that compile.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A root and the WXML/WXS files under it that compile. */
export interface CompileScope {
  rootPath: string;
  wxmlList: string[];
  wxsList: string[];
  /** Root-relative WXML file → wcc's error, for each file left out. */
  broken: Map<string, string>;
}

interface MiniprogramCompiler {
  wxmlToJs(rootPath: string, options: { wxmlList: string[]; wxsList: string[]; maxBuffer?: number }): string;
}

/** Large enough for wcc's output when every TDesign template is compiled. */
export const WCC_MAX_BUFFER = 256 * 1024 * 1024;
const MAX_BROKEN = 50;

function listFiles(rootPath: string, dir: string, ext: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(rootPath, full, ext, out);
    else if (entry.name.endsWith(ext)) out.push(path.relative(rootPath, full).split(path.sep).join('/'));
  }
  return out;
}

/** The file a wcc error names, e.g. `pages/home/index.wxml` from `编译 .wxml 文件错误：pages/home/index.wxml:3:5: …`. */
export function fileOfWccError(message: string, candidates: string[]): string | undefined {
  const named = /([\w@./-]+\.wxml):\d+:\d+/.exec(message)?.[1]?.replace(/^\.\//, '');
  if (named && candidates.includes(named)) return named;
  return candidates.find((file) => message.includes(file));
}

/**
 * Checks the WXML under `dirs` (all inside `rootPath`) and returns the scope to load pages with.
 * Throws only when wcc fails without naming a file it was given.
 */
export function checkCompileScope(rootPath: string, dirs: string[]): CompileScope {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as MiniprogramCompiler;
  const wxsList = dirs.flatMap((dir) => listFiles(rootPath, dir, '.wxs'));
  let wxmlList = dirs.flatMap((dir) => listFiles(rootPath, dir, '.wxml'));
  const broken = new Map<string, string>();
  for (;;) {
    try {
      compiler.wxmlToJs(rootPath, { wxmlList, wxsList, maxBuffer: WCC_MAX_BUFFER });
      return { rootPath, wxmlList, wxsList, broken };
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).trim();
      const file = fileOfWccError(message, wxmlList);
      if (!file || broken.size >= MAX_BROKEN) throw err;
      broken.set(file, message);
      wxmlList = wxmlList.filter((f) => f !== file);
    }
  }
}
