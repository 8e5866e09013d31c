/**
 * Every setting a function reads from its environment is declared for that function in
 * cloudfunctions/deploySettings.ts, so `npm run deploy` asks the deployer for it and `npm start`, the tests and
 * the pictures set it (seed/functionEnv.ts); every secret is explained in the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_SETTINGS, TEMPLATE_PREFIX } from '../../cloudfunctions/deploySettings';
import { FUNCTION_SECRETS } from '../../seed/functionEnv';

const cloudfunctions = join(__dirname, '..', '..', 'cloudfunctions');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** MULIN_* names read in a folder's sources (templates aside: the deploy passes those to every sender). */
function settingsRead(dir: string): string[] {
  const read = new Set<string>();
  for (const file of sources(dir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bprocess\.env\.(MULIN_[A-Z0-9_]+)\b/g))
      if (!m[1]!.startsWith(TEMPLATE_PREFIX)) read.add(m[1]!);
  }
  return [...read].sort();
}

it('declares, per function, every MULIN_* setting the function reads', () => {
  const functions = readdirSync(cloudfunctions, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'common')
    .map((e) => e.name);
  expect(functions.length).toBeGreaterThan(0);
  expect(settingsRead(join(cloudfunctions, 'common'))).toEqual([]);
  for (const fn of functions) {
    const declared = (FUNCTION_SETTINGS[fn] ?? []).map((s) => s.name).sort();
    expect({ fn, read: settingsRead(join(cloudfunctions, fn)) }).toEqual({ fn, read: declared });
  }
  expect(Object.keys(FUNCTION_SETTINGS).every((fn) => functions.includes(fn))).toBe(true);
});

it('gives every secret to the demo and explains it in the README', () => {
  expect([...FUNCTION_SECRETS].sort()).toEqual(['MULIN_CHARITY_SECRET', 'MULIN_CHECKIN_SECRET']);
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  for (const name of Object.values(FUNCTION_SETTINGS).flatMap((s) => s.map((x) => x.name)))
    expect(readme).toContain(name);
});

it('refuses unusable values', () => {
  const all = Object.values(FUNCTION_SETTINGS).flat();
  const byName = (name: string) => all.find((s) => s.name === name)!;
  expect(byName('MULIN_BOOTSTRAP_ADMINS').problem('someone')).toBe('not of the form <openid>@<placeId>');
  expect(byName('MULIN_BOOTSTRAP_ADMINS').problem('o-1@jn')).toBeUndefined();
  expect(byName('MULIN_CHECKIN_SECRET').problem('short')).toBe('shorter than 16 characters');
  expect(byName('MULIN_CHARITY_SECRET').problem('x'.repeat(16))).toBeUndefined();
});
