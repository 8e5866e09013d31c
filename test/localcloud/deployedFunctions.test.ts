/**
 * Packages the management API refuses before anything runs (localcloud/manage/deployedFunctions.ts): a zip that
 * writes outside its folder, a dependency the local cloud does not have at the pinned version, a handler that is
 * not there; and a good package replaces the code in place with its dependency linked.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DeployedFunctions, PackageError } from '../../localcloud/manage/deployedFunctions';

const modulesDir = join(__dirname, '..', '..', 'node_modules');
const sdkVersion = (
  JSON.parse(readFileSync(join(modulesDir, 'wx-server-sdk', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

let dir: string;
let functions: DeployedFunctions;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mulin-deployed-'));
  functions = new DeployedFunctions(dir, modulesDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function zip(files: Record<string, string>): Promise<string> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return (await z.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

const pkg = (version: string) => JSON.stringify({ dependencies: { 'wx-server-sdk': version } });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: unknown) => (err instanceof PackageError ? err.code : String(err)),
  );

it('unpacks a good package and links its pinned dependency', async () => {
  const code = await zip({ 'index.js': 'exports.main = () => 1;', 'package.json': pkg(sdkVersion) });
  const first = await functions.writeCode('fn', code, 'index.main', true);
  expect(first.codeSize).toBe(Buffer.from(code, 'base64').length);
  const link = join(dir, 'fn', 'code', 'node_modules', 'wx-server-sdk');
  expect(realpathSync(link)).toBe(realpathSync(join(modulesDir, 'wx-server-sdk')));
  const second = await functions.writeCode(
    'fn',
    await zip({ 'index.js': 'exports.main = () => 2;' }),
    'index.main',
    false,
  );
  expect(second.codeSha256).not.toBe(first.codeSha256);
  expect(readFileSync(join(dir, 'fn', 'code', 'index.js'), 'utf8')).toBe('exports.main = () => 2;');
  expect(existsSync(link)).toBe(false);
});

it('refuses a zip that writes outside its folder', async () => {
  const code = await zip({ 'index.js': 'exports.main = () => 1;', '../escape.js': 'x' });
  expect(await refusal(functions.writeCode('fn', code, 'index.main', false))).toBe(
    'InvalidParameterValue.ZipFile',
  );
  expect(existsSync(join(dir, 'escape.js'))).toBe(false);
  expect(existsSync(join(dir, 'fn', 'code'))).toBe(false);
});

it('refuses a dependency the local cloud does not have at the pinned version', async () => {
  const code = await zip({ 'index.js': 'exports.main = () => 1;', 'package.json': pkg('0.0.1') });
  expect(await refusal(functions.writeCode('fn', code, 'index.main', true))).toBe('InstallDependencyFailed');
  expect(existsSync(join(dir, 'fn', 'code'))).toBe(false);
});

it('refuses a handler the package does not have, and anything that is not a zip', async () => {
  const code = await zip({ 'main.js': 'exports.main = () => 1;' });
  expect(await refusal(functions.writeCode('fn', code, 'index.main', false))).toBe(
    'InvalidParameterValue.Handler',
  );
  expect(await refusal(functions.writeCode('fn', code, 'main.handler', false))).toBe(
    'InvalidParameterValue.Handler',
  );
  expect(
    await refusal(
      functions.writeCode('fn', Buffer.from('not a zip').toString('base64'), 'index.main', false),
    ),
  ).toBe('InvalidParameterValue.ZipFile');
});
