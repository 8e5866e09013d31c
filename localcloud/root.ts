/** Finds the project root (the folder whose package.json is this project's), from source or from build/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root above `from`. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'mulin')
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`project root not found above ${from}`);
    dir = up;
  }
}
