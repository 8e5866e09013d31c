/** Where this package is installed: its files (the built worker, the word list) are found from here. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's own name, as its package.json spells it. */
const NAME = 'localcloud';

let found: string | undefined;

/** The folder holding this package's package.json (above `dist/` when bundled, the source folder otherwise). */
export function packageDir(): string {
  if (found) return found;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === NAME)
      return (found = dir);
    if (dirname(dir) === dir) throw new Error(`the ${NAME} package.json was not found above ${__dirname}`);
  }
}
