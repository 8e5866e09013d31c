/**
 * When the mini program's npm build fails, the message names the package and says what to try — on a throwaway
 * project folder with its own package.json and node_modules, built by the real miniprogram-ci.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildMiniprogramNpm } from '../../scripts/build-miniprogram-npm';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'mulin-mp-npm-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project whose dependencies are `deps`, with `installed` packages (name → files) in its node_modules. */
function project(deps: Record<string, string>, installed: Record<string, Record<string, string>>): void {
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture', dependencies: deps }));
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
  for (const [name, files] of Object.entries(installed)) {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(root, 'node_modules', name, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

const pkg = (name: string) => JSON.stringify({ name, version: '1.2.3', main: 'index.js' });

it('builds a plain CommonJS dependency (the fixture itself works)', async () => {
  project(
    { 'fixture-ok': '1.2.3' },
    { 'fixture-ok': { 'package.json': pkg('fixture-ok'), 'index.js': 'module.exports = 1;' } },
  );
  await buildMiniprogramNpm(root);
  expect(existsSync(path.join(root, 'miniprogram', 'miniprogram_npm', 'fixture-ok', 'index.js'))).toBe(true);
});

it('names a package whose code does not parse, and what to try', async () => {
  project(
    { 'fixture-ok': '1.2.3', 'fixture-broken': '1.2.3' },
    {
      'fixture-ok': { 'package.json': pkg('fixture-ok'), 'index.js': 'module.exports = 1;' },
      'fixture-broken': { 'package.json': pkg('fixture-broken'), 'index.js': 'module.exports = {' },
    },
  );
  const error = await buildMiniprogramNpm(root).then(
    () => undefined,
    (err: Error) => err,
  );
  expect(error?.message).toMatch(
    /failed in package fixture-broken \(1\.2\.3 in package\.json, 1\.2\.3 installed\)/,
  );
  expect(error?.message).toContain('npm ci');
  expect(error?.message).toContain('build-miniprogram-npm.ts --force');
  expect(existsSync(path.join(root, 'miniprogram', 'miniprogram_npm'))).toBe(false);
});

it('names a dependency that is not installed, and what to try', async () => {
  project(
    { 'fixture-ok': '1.2.3', 'fixture-missing': '2.0.0' },
    {
      'fixture-ok': { 'package.json': pkg('fixture-ok'), 'index.js': 'module.exports = 1;' },
    },
  );
  const error = await buildMiniprogramNpm(root).then(
    () => undefined,
    (err: Error) => err,
  );
  expect(error?.message).toMatch(
    /made nothing for package fixture-missing \(2\.0\.0 in package\.json, not installed\)/,
  );
  expect(error?.message).toContain('npm ci');
  expect(error?.message).not.toContain('package fixture-ok');
});
