/**
 * `npm run deploy` end to end, run as a deployer runs it (a child process: tsx scripts/deploy.ts), against an
 * EMPTY local cloud (no database.json, no built functions): the unmodified @cloudbase/manager-node reaches the
 * local cloud as its proxy, the deploy creates every collection, index, rule, function and timer, and then the
 * demo community is seeded and used through the functions that were deployed. Also: the dry-run plan, the
 * refusals (no credentials, a missing or unusable setting, a wrong key) that deploy nothing, and a second deploy
 * that updates in place and repairs drifted timers.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '../../localcloud/cloud';
import { discoverFunctions } from '../../localcloud/host/functionConfig';
import { DEMO_BOOTSTRAP_ADMINS } from '../../seed/functionEnv';
import { seedAccount } from '../../seed/account';
import { SEED_FUNCTION_TIMEOUT_S } from '../../seed/demo';
import { seedServices } from '../../seed/services';
import { seedVolunteering } from '../../seed/volunteering';
import type { DatabaseSpec } from '../../localcloud/store/schema';
import { callerOf, type Caller } from '../support/demo';
import { startTestCloud } from '../support/localcloud';

const root = join(__dirname, '..', '..');
const spec = JSON.parse(readFileSync(join(root, 'cloudfunctions', 'database.json'), 'utf8')) as DatabaseSpec;
const built = discoverFunctions(join(root, 'build', 'cloudfunctions'));
const declaredTimers = [...built.values()]
  .flatMap((f) => (f.config.triggers ?? []).map((t) => `${f.name}/${t.name} ${t.config}`))
  .sort();

/** The deployer's settings (values only this test knows). */
const SETTINGS = {
  MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS,
  MULIN_CHECKIN_SECRET: 'checkin-secret-of-the-deploy-test',
  MULIN_CHARITY_SECRET: 'charity-secret-of-the-deploy-test',
  MULIN_TEMPLATE_ORDER_STATUS: 'tmpl-order-status-0001',
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the deploy command with exactly `env` on top of a clean environment (no credentials, no settings). */
function deploy(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(TENCENTCLOUD_|MULIN_|CLOUDBASE_|LOCALCLOUD_|TCB_|NODE_EXTRA_CA_CERTS$|https?_proxy$)/i.test(k),
    ),
  );
  const child = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/deploy.ts', '--no-build', ...args],
    {
      cwd: root,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 150_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

const emptyCloud = () => startTestCloud({ databaseSpec: null, functionsDir: null });
const nothingDeployed = (cloud: LocalCloud) => {
  expect(cloud.store.collectionNames()).toEqual([]);
  expect(cloud.host.names()).toEqual([]);
  expect(cloud.timers.list()).toEqual([]);
};

describe('--dry-run', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await emptyCloud();
  });
  afterAll(() => cloud.close());

  it('prints every collection, index, rule, function, setting and timer, secrets masked, and sends nothing', async () => {
    const run = await deploy(['--dry-run', '--local', cloud.baseUrl], SETTINGS);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`Deploy plan → the local cloud at ${cloud.baseUrl} (environment mulin-local)`);
    expect(out).toContain(`Database: ${spec.collections.length} collections`);
    for (const c of spec.collections) {
      expect(out).toContain(`  ${c.name}  rule ${JSON.stringify(c.rules)}`);
      for (const ix of c.indexes ?? [])
        expect(out).toContain(`index ${ix.name}${ix.unique ? ' (unique)' : ''}: `);
    }
    expect(out).toContain(`Functions: ${built.size}`);
    for (const f of built.values()) {
      expect(out).toContain(`  ${f.name}  from build/cloudfunctions/${f.name}`);
      expect(out).toContain(`timeout ${f.config.timeout} s, memory ${f.config.memorySize} MB`);
      for (const t of f.config.triggers ?? []) expect(out).toContain(`${t.name} "${t.config}"`);
    }
    expect(out).toContain('dependencies installed in the cloud: none; bundled: wx-server-sdk@4.0.2');
    expect(out).toContain(`MULIN_BOOTSTRAP_ADMINS=${DEMO_BOOTSTRAP_ADMINS}`);
    expect(out).toContain(
      `MULIN_CHECKIN_SECRET=<secret, ${SETTINGS.MULIN_CHECKIN_SECRET.length} characters>`,
    );
    expect(out).toContain(
      `MULIN_CHARITY_SECRET=<secret, ${SETTINGS.MULIN_CHARITY_SECRET.length} characters>`,
    );
    expect(out).not.toContain(SETTINGS.MULIN_CHECKIN_SECRET);
    expect(out).not.toContain(SETTINGS.MULIN_CHARITY_SECRET);
    expect(out.match(/MULIN_TEMPLATE_ORDER_STATUS=tmpl-order-status-0001/g)).toHaveLength(built.size);
    expect(out).toMatch(/Static hosting: \d+ files, \d+ KB from build\/hosting/);
    expect(out).toContain('  /bigscreen/index.html');
    expect(out).toContain('  /bigscreen-data → projects');
    expect(out).not.toContain('Nothing will be deployed');
    expect(out).toContain('Dry run: nothing was sent.');
    expect(cloud.manage.calls).toEqual([]);
    nothingDeployed(cloud);
  });

  it('lists what is missing without credentials or settings', async () => {
    const run = await deploy(['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Deploy plan → CloudBase environment (not set) in ap-shanghai');
    expect(run.stdout).toContain('Nothing will be deployed until these are fixed:');
    for (const name of ['MULIN_BOOTSTRAP_ADMINS', 'MULIN_CHECKIN_SECRET', 'MULIN_CHARITY_SECRET'])
      expect(run.stdout).toContain(`  - ${name} is not set`);
    expect(run.stdout).toContain('no MULIN_TEMPLATE_* is set');
    expect(run.stdout).toContain(
      'To deploy, also set: TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDBASE_ENV_ID (or --env <id>)',
    );
  });
});

describe('refusals deploy nothing', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await emptyCloud();
  });
  afterAll(() => cloud.close());

  it('without credentials for a CloudBase environment', async () => {
    const run = await deploy([], SETTINGS);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing deployed to CloudBase environment (not set)');
    expect(run.stderr).toContain(
      'Missing credentials (set them in the environment): TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDBASE_ENV_ID',
    );
  });

  it('while a setting is missing or unusable', async () => {
    const { MULIN_CHECKIN_SECRET: _unset, ...rest } = SETTINGS;
    void _unset;
    const run = await deploy(['--local', cloud.baseUrl], { ...rest, MULIN_CHARITY_SECRET: 'too-short' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('MULIN_CHECKIN_SECRET is not set (volunteering:');
    expect(run.stderr).toContain('MULIN_CHARITY_SECRET is unusable: shorter than 16 characters (charity:');
    expect(cloud.manage.calls).toEqual([]);
    nothingDeployed(cloud);
  });

  it('when the local cloud refuses the key', async () => {
    const run = await deploy(['--local', cloud.baseUrl], {
      ...SETTINGS,
      LOCALCLOUD_SECRETKEY: 'not-the-key',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deploy failed at environment: [AuthFailure.SignatureFailure]');
    expect(cloud.manage.calls).toEqual([
      { service: 'tcb', action: 'DescribeEnvInfo', error: 'AuthFailure.SignatureFailure' },
    ]);
    nothingDeployed(cloud);
  });
});

describe('deploying into an empty local cloud', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await emptyCloud();
  });
  afterAll(() => cloud.close());

  const timersNow = () => cloud.timers.list().map((t) => `${t.functionName}/${t.triggerName} ${t.cron}`);
  const call: Caller['ok'] = (fn, openid, action, ...input) =>
    callerOf(cloud).ok(fn, openid, action, ...input);

  it('creates every collection, index, rule, function and timer', async () => {
    const run = await deploy(['--local', cloud.baseUrl], SETTINGS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const indexCount = spec.collections.reduce((n, c) => n + (c.indexes?.length ?? 0), 0);
    const timerCount = declaredTimers.length;
    expect(run.stdout).toContain(
      `${spec.collections.length} collections and ${indexCount} indexes created, ${spec.collections.length} rules set, ` +
        `${built.size} functions created, 0 updated, ${timerCount} timers created, 0 deleted`,
    );

    // The database: what database.json declares, in the store the functions use.
    expect(cloud.store.collectionNames().sort()).toEqual(spec.collections.map((c) => c.name).sort());
    for (const c of spec.collections) {
      expect(cloud.manage.catalog.indexes(c.name)).toEqual(c.indexes ?? []);
      expect(cloud.manage.catalog.rule(c.name)).toEqual({ aclTag: 'CUSTOM', rule: JSON.stringify(c.rules) });
    }
    cloud.store.insert('users', [{ _id: 'u1', openid: 'same' }]);
    expect(() => cloud.store.insert('users', [{ _id: 'u2', openid: 'same' }])).toThrow(/duplicate key/);
    cloud.store.remove('users', {}, true);

    // The functions: the uploaded code, with the settings and environment the deploy gave them.
    expect(cloud.host.names().sort()).toEqual([...built.keys()].sort());
    for (const f of built.values()) {
      const def = cloud.host.definition(f.name)!;
      expect(def.bundlePath.startsWith(join(root, 'build'))).toBe(false);
      expect(readFileSync(def.bundlePath, 'utf8')).toBe(readFileSync(f.bundlePath, 'utf8'));
      // The source map stays behind (local stack traces only); the bundle carries none inline.
      expect(existsSync(`${f.bundlePath}.map`)).toBe(true);
      expect(existsSync(`${def.bundlePath}.map`)).toBe(false);
      expect(readFileSync(def.bundlePath, 'utf8')).not.toContain('sourceMappingURL=data:');
      expect(def.config.timeout).toBe(f.config.timeout);
      expect(def.config.memorySize).toBe(f.config.memorySize);
      expect(def.config.permissions).toEqual(f.config.permissions);
      expect(cloud.manage.functions.get(f.name)).toMatchObject({
        runtime: 'Nodejs18.15',
        handler: 'index.main',
      });
    }
    expect(cloud.host.definition('account')!.env).toEqual({
      MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS,
      MULIN_TEMPLATE_ORDER_STATUS: SETTINGS.MULIN_TEMPLATE_ORDER_STATUS,
    });
    expect(cloud.host.definition('volunteering')!.env).toEqual({
      MULIN_CHECKIN_SECRET: SETTINGS.MULIN_CHECKIN_SECRET,
      MULIN_TEMPLATE_ORDER_STATUS: SETTINGS.MULIN_TEMPLATE_ORDER_STATUS,
    });
    expect(cloud.host.definition('charity')!.env).toMatchObject({
      MULIN_CHARITY_SECRET: SETTINGS.MULIN_CHARITY_SECRET,
    });
    expect(timersNow().sort()).toEqual(declaredTimers);

    // Only the lookups of things not there yet failed.
    const errors = new Set(cloud.manage.calls.filter((c) => c.error).map((c) => `${c.action} ${c.error}`));
    expect(errors).toEqual(
      new Set(['DescribeTable ResourceNotFound.TableNotExist', 'GetFunction ResourceNotFound.Function']),
    );
  }, 180_000);

  it('serves the demo community through the deployed functions', async () => {
    // The parts of the demo this test uses, seeded through the deployed functions (the whole demo is seeded and
    // checked part by part in test/cloud/*/seed.test.ts; seeding all of it here again took a minute).
    const previous = cloud.host.setMinTimeout(SEED_FUNCTION_TIMEOUT_S);
    try {
      const account = await seedAccount(cloud);
      await seedServices(cloud, account);
      await seedVolunteering(cloud, account);
    } finally {
      cloud.host.setMinTimeout(previous);
    }
    expect(cloud.store.count('users', {})).toBeGreaterThan(10);

    const me = await call('account', 'demo-admin-jiangning', 'login');
    expect(me.isAdmin).toBe(true);
    const menu = await call('services', 'demo-resident-wang', 'menu');
    expect(menu.categories!.map((c) => c.category)).toEqual([
      '助餐',
      '助浴',
      '助洁',
      '助医',
      '康复护理',
      '心理慰藉',
    ]);
    expect(menu.items.items.map((i) => i.name)).toContain('上门理发');
    // The seed checked volunteers in with codes under the deployed secret: verified hours exist.
    expect(cloud.store.count('volunteer_hours', {})).toBeGreaterThan(0);
    // A deployed timer runs the deployed code.
    const fired = await cloud.timers.fire('services', 'rematch');
    expect(fired.ok).toBe(true);
  }, 180_000);

  it('deploys again in place: updates, no duplicates, drifted timers repaired, data kept', async () => {
    // Drift in the cloud: one timer's schedule changed by hand, one stray timer added.
    const services = cloud.manage.functions.get('services')!;
    services.triggers = services.triggers.map((t) =>
      t.name === 'rematch' ? { ...t, cron: '0 0 * * * * *' } : t,
    );
    services.triggers.push({ name: 'stray', cron: '0 0 1 * * * *', addTime: services.addTime });
    cloud.manage.functions.save(services);
    cloud.host.define(cloud.manage.functions.definition(services));
    cloud.timers.reload();
    const users = cloud.store.count('users', {});

    const run = await deploy(['--local', cloud.baseUrl], SETTINGS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `0 collections and 0 indexes created, ${spec.collections.length} rules set, 0 functions created, ` +
        `${built.size} updated, 1 timers created, 2 deleted`,
    );
    expect(run.stdout).toContain('timer services.rematch: deleted (changed or no longer declared)');
    expect(run.stdout).toContain('timer services.stray: deleted (changed or no longer declared)');
    expect(run.stdout).toContain('timers of services: created rematch');
    expect(timersNow().sort()).toEqual(declaredTimers);
    expect(cloud.store.collectionNames()).toHaveLength(spec.collections.length);
    expect(cloud.host.names()).toHaveLength(built.size);
    expect(cloud.store.count('users', {})).toBe(users);
    const menu = await call('services', 'demo-resident-wang', 'menu');
    expect(menu.items.items.map((i) => i.name)).toContain('上门理发');
  }, 180_000);
});

describe('how the unmodified library reaches the local cloud', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await emptyCloud();
  });
  afterAll(() => cloud.close());

  it('answers tcb at TCB_BASE_URL, the one endpoint override the library has', async () => {
    const saved = { TCB_BASE_URL: process.env.TCB_BASE_URL, http_proxy: process.env.http_proxy };
    process.env.TCB_BASE_URL = `${cloud.baseUrl}/manage/tcb`;
    delete process.env.http_proxy;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const CloudBase = require('@cloudbase/manager-node') as typeof import('@cloudbase/manager-node');
      const app = new CloudBase({ secretId: 'local', secretKey: 'local', envId: 'mulin-local' });
      expect((await app.env.getEnvInfo()).EnvInfo.EnvId).toBe('mulin-local');
      expect((await app.database.createCollectionIfNotExists('notes')).IsCreated).toBe(true);
      expect(cloud.store.collectionNames()).toEqual(['notes']);
      const wrong = new CloudBase({ secretId: 'local', secretKey: 'wrong', envId: 'mulin-local' });
      await expect(wrong.env.getEnvInfo()).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('tunnels through the proxy only for a process that trusts the local authority', async () => {
    const script = `
      const CloudBase = require('@cloudbase/manager-node');
      const app = new CloudBase({ secretId: 'local', secretKey: 'local', envId: 'mulin-local', proxy: ${JSON.stringify(cloud.baseUrl)} });
      app.env.getEnvInfo().then((r) => console.log('ok ' + r.EnvInfo.EnvId), (e) => console.log('refused ' + e.message));`;
    const run = (env: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['-e', script], {
          cwd: root,
          env: { PATH: process.env.PATH!, ...env },
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.once('close', () => resolve(out.trim()));
      });
    const before = cloud.manage.calls.length;
    const dir = mkdtempSync(join(tmpdir(), 'mulin-ca-'));
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, await (await fetch(`${cloud.baseUrl}/manage/ca.pem`)).text());
    try {
      expect(await run({})).toMatch(/^refused .*unable to verify the first certificate/);
      expect(await run({ NODE_EXTRA_CA_CERTS: caFile })).toBe('ok mulin-local');
      // The refused tunnel never reached the API; the trusted one made exactly its one call.
      expect(cloud.manage.calls.slice(before)).toEqual([{ service: 'tcb', action: 'DescribeEnvInfo' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
