/**
 * Builds the street's big screen (bigscreen/) into build/hosting/bigscreen/: main.ts bundled with ECharts by
 * esbuild (nothing fetched from the net when it runs), beside index.html, screen.css and config.js. build/hosting/
 * is what CloudBase static hosting serves (`npm run deploy` uploads it) and what the local cloud serves at /.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
/** The static hosting root; the big screen is its `bigscreen/` folder. */
export const HOSTING_DIR = join(root, 'build', 'hosting');
const STATIC_FILES = ['index.html', 'screen.css', 'config.js'];

/** Builds the page into a fresh folder and swaps it in (a running local cloud never serves half of it). */
export async function buildBigScreen(): Promise<void> {
  const final = join(HOSTING_DIR, 'bigscreen');
  const out = `${final}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'bigscreen', 'main.ts')],
    outfile: join(out, 'main.js'),
    bundle: true,
    platform: 'browser',
    // The street office's screen PC: any browser of the last five years.
    target: 'es2020',
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const f of STATIC_FILES) copyFileSync(join(root, 'bigscreen', f), join(out, f));
  const old = `${final}.old-${process.pid}`;
  if (existsSync(final)) renameSync(final, old);
  renameSync(out, final);
  rmSync(old, { recursive: true, force: true });
}
