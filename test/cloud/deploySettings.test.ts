/**
 * Every secret a function reads from its environment is in the deploy settings (localcloud/seed/functionEnv.ts,
 * README: deploy), so `npm start`, the tests and a real deployment all set it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_SECRETS } from '../../localcloud/seed/functionEnv';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

it('declares every MULIN_*_SECRET the functions read', () => {
  const read = new Set<string>();
  for (const file of sources(join(__dirname, '..', '..', 'cloudfunctions'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bMULIN_[A-Z0-9_]*SECRET\b/g)) read.add(m[0]);
  }
  expect(read.size).toBeGreaterThan(0);
  expect([...read].sort()).toEqual([...FUNCTION_SECRETS].sort());
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  for (const name of FUNCTION_SECRETS) expect(readme).toContain(name);
});
