/**
 * `npm run deploy`: puts the whole backend into a CloudBase environment with Tencent's management library —
 * collections, indexes and security rules from cloudfunctions/database.json; every function with its settings,
 * environment variables and timer triggers; the static hosting files, i.e. the big screen (see deploy/plan.ts).
 * Credentials and settings come from the deployer's environment, never from the repository (deploy/target.ts,
 * cloudfunctions/deploySettings.ts).
 *
 *   npm run deploy                      build the functions, then deploy to $CLOUDBASE_ENV_ID
 *   npm run deploy -- --dry-run         print the plan; nothing is sent anywhere, no credentials needed
 *   npm run deploy -- --local [url]     deploy into a local cloud (npm run serve -- --empty), same path
 *   flags: --env <id>, --region <r>, --no-build (deploy what build/cloudfunctions holds)
 *
 * Exit codes: 0 done (or dry run), 1 the platform refused a step, 2 nothing deployed (missing credentials,
 * settings or builds; bad flags).
 */
// First, before the management library loads: its temporary zips must not be shared with another deploy.
import './deploy/privateTmp';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBigScreen } from './bigscreen';
import { buildFunctions } from './build';
import { applyPlan, DeployError, managerFor } from './deploy/apply';
import { formatPlan } from './deploy/formatPlan';
import { planDeploy } from './deploy/plan';
import { resolveTarget, type DeployTarget } from './deploy/target';

const root = join(__dirname, '..');

interface Flags {
  dryRun: boolean;
  build: boolean;
  local?: string | true;
  env?: string;
  region?: string;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { dryRun: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dry-run') flags.dryRun = true;
    else if (a === '--no-build') flags.build = false;
    else if (a === '--local') flags.local = argv[i + 1] && !argv[i + 1]!.startsWith('--') ? value() : true;
    else if (a === '--env') flags.env = value();
    else if (a === '--region') flags.region = value();
    else throw new Error(`unknown flag ${a}`);
  }
  return flags;
}

/**
 * The management library verifies TLS against the trusted authorities, read once at process start; a local
 * cloud's authority is added by running this deploy again with NODE_EXTRA_CA_CERTS pointing at it.
 */
async function trustLocalCloud(target: DeployTarget): Promise<number | undefined> {
  const res = await fetch(`${target.localUrl}/manage/ca.pem`).catch((err: unknown) => {
    throw new Error(
      `no local cloud at ${target.localUrl}: ${(err as Error).message} (start it: npm run serve -- --empty)`,
    );
  });
  if (!res.ok) throw new Error(`${target.localUrl} does not serve a management API (${res.status})`);
  const pem = await res.text();
  if (process.env.MULIN_DEPLOY_CA === pem) return undefined;
  const caFile = join(mkdtempSync(join(tmpdir(), 'mulin-deploy-')), 'localcloud-ca.pem');
  writeFileSync(caFile, pem);
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, MULIN_DEPLOY_CA: pem },
  });
  return child.status ?? 1;
}

async function main(): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    console.error(`deploy: ${(err as Error).message}`);
    return 2;
  }
  const resolved = resolveTarget(flags, process.env);
  if (flags.build && !process.env.MULIN_DEPLOY_CA) {
    await Promise.all([buildFunctions(), buildBigScreen()]);
    console.log('built the functions into build/cloudfunctions/ and the big screen into build/hosting/');
  }
  const plan = planDeploy(root, process.env);
  const label = resolved.ok ? resolved.target.label : resolved.label;

  if (flags.dryRun) {
    console.log(formatPlan(plan, label));
    if (!resolved.ok) console.log(`\nTo deploy, also set: ${resolved.missing.join(', ')}`);
    console.log('\nDry run: nothing was sent.');
    return 0;
  }
  if (!resolved.ok || plan.problems.length > 0) {
    console.error(`deploy: nothing deployed to ${label}.`);
    if (!resolved.ok)
      console.error(`Missing credentials (set them in the environment): ${resolved.missing.join(', ')}`);
    for (const p of plan.problems) console.error(`  - ${p}`);
    return 2;
  }
  const target = resolved.target;
  if (target.kind === 'local') {
    const code = await trustLocalCloud(target);
    if (code !== undefined) return code;
  }
  console.log(formatPlan(plan, label));
  console.log('');
  try {
    const summary = await applyPlan(
      managerFor(target),
      plan,
      target.envId,
      (line) => console.log(`  ${line}`),
      { hosting: target.kind === 'cloud' },
    );
    console.log(
      `deployed to ${label}: ${summary.collectionsCreated} collections and ${summary.indexesCreated} indexes created` +
        `${summary.indexesReplaced ? `, ${summary.indexesReplaced} indexes replaced` : ''}, ${summary.rulesSet} rules set, ` +
        `${summary.functionsCreated} functions created, ${summary.functionsUpdated} updated, ` +
        `${summary.triggersCreated} timers created, ${summary.triggersDeleted} deleted` +
        (summary.hostingFiles ? `, ${summary.hostingFiles} static hosting files uploaded` : ''),
    );
    return 0;
  } catch (err) {
    if (err instanceof DeployError) {
      console.error(`deploy failed at ${err.message}`);
      if (err.code?.startsWith('AuthFailure')) console.error('Check the credentials in the environment.');
      return 1;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`deploy: ${(err as Error)?.message ?? String(err)}`);
    process.exit(1);
  },
);
