/**
 * Builds the package into dist/: `cli.js` (the `localcloud` command), `index.js` (the library) and `worker.js`
 * (what each function instance runs). Dependencies stay external (installed beside the package).
 */
import { build } from 'esbuild';
import { join } from 'node:path';

/** Builds dist/ (into `outDir` when given). */
export async function buildLocalCloud(outDir: string = join(__dirname, 'dist')): Promise<void> {
  await build({
    entryPoints: {
      cli: join(__dirname, 'cli.ts'),
      index: join(__dirname, 'index.ts'),
      worker: join(__dirname, 'host', 'worker.ts'),
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (require.main === module) {
  buildLocalCloud().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
