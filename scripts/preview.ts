/**
 * `npm run preview` (after the system packages and `npm run build`): every page of app.json in every declared
 * state, and in elder mode, photographed into `.preview/` — `pages/*.png` (750 px wide), each picture's
 * stand-alone HTML, `index.html` (the gallery) and `audit.json` — by running the picture test
 * (test/pictures/pages-1.test.ts, which takes every page then) with MULIN_PICTURES_DIR set; then the audit table and the package sizes.
 * Exits non-zero when a picture fails its checks or a package is over budget (everything is still written).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kb } from '../preview/budgets';
import { writeGallery } from '../preview/gallery';
import { packageSizes } from '../preview/packages';
import { auditTable, packageTable } from '../preview/report';
import type { AuditFile } from '../preview/results';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.preview');

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const jest = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), 'test/pictures/pages-1.test.ts', '--selectProjects', 'pictures'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, MULIN_PICTURES_DIR: OUT } },
  );
  const auditFile = path.join(OUT, 'audit.json');
  if (!existsSync(auditFile)) {
    console.error('the picture run wrote no audit.json (see the jest output above)');
    return 1;
  }
  const audit = JSON.parse(readFileSync(auditFile, 'utf8')) as AuditFile;

  const { packages, ms: compileMs } = await packageSizes(ROOT);
  audit.packages = packages;
  writeFileSync(auditFile, `${JSON.stringify(audit, null, 2)}\n`);
  writeGallery(OUT, audit);

  console.log('\n== page audit (also in .preview/audit.json)');
  console.log(auditTable(audit));
  for (const shot of audit.shots.filter((s) => s.problems.length > 0))
    console.log(
      `\n${shot.route} · ${shot.state}${shot.elder ? ' · 长辈模式' : ''}:\n${shot.problems.join('\n')}`,
    );
  if (audit.warnings.length) console.log(`\nwarnings:\n${audit.warnings.map((w) => `  ${w}`).join('\n')}`);
  console.log(`\n== package sizes as uploaded (miniprogram-ci, ${seconds(compileMs)})`);
  console.log(packageTable(packages));
  const failed = audit.shots.filter((s) => s.problems.length > 0).length;
  const over = packages.filter((p) => p.bytes > p.budgetBytes);
  console.log(
    `\n${audit.shots.length} pictures of ${new Set(audit.shots.map((s) => s.route)).size} pages in ${seconds(audit.ms)}` +
      `${failed ? `, ${failed} failing their checks` : ''}; total ${seconds(Date.now() - started)}.` +
      `\ngallery: ${path.join(OUT, 'index.html')}`,
  );
  for (const p of over)
    console.log(`package ${p.name} is over budget: ${kb(p.bytes)} > ${kb(p.budgetBytes)}`);
  return jest.status === 0 && over.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
