/**
 * What `npm run deploy` puts into a CloudBase environment, worked out before anything is sent: the collections
 * with their indexes and security rules (cloudfunctions/database.json), and every built function
 * (build/cloudfunctions/<name>/) with its runtime, timeout, memory, environment variables (values from the
 * deployer's environment, never from the repository) and timer triggers (its config.json); the static hosting
 * files (build/hosting/: the street's big screen) and the HTTP access paths the functions answer (config.json
 * `httpPath`, set up once in the console). A plan with problems (a setting missing or unusable, a function not
 * built) is refused whole.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FUNCTION_SETTINGS, TEMPLATE_PREFIX } from '../../cloudfunctions/deploySettings';
import { discoverFunctions } from '../../localcloud/host/functionConfig';
import { loadDatabaseSpec, type CollectionSpec } from '../../localcloud/store/schema';
import { functionNames } from '../build';

/** The runtime every function is deployed on (the bundles target Node.js 16 and later). */
export const RUNTIME = 'Nodejs18.15';
/** Every bundle exports `main` from index.js. */
export const HANDLER = 'index.main';

/** One timer trigger: CloudBase's 7-field cron, Beijing time. */
export interface TriggerPlan {
  name: string;
  cron: string;
}

/** One function as it will be deployed. */
export interface FunctionPlan {
  name: string;
  /** The built folder that is zipped and uploaded. */
  dir: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  /** Dependencies the cloud installs from the folder's package.json (none: scripts/build.ts bundles them). */
  dependencies: Record<string, string>;
  /** Packages bundled into index.js, with their versions (`mulin.bundles` of the folder's package.json). */
  bundled: Record<string, string>;
  env: Record<string, string>;
  /** Names in `env` whose values are never printed. */
  secretNames: string[];
  triggers: TriggerPlan[];
  openapi: string[];
  /** The HTTP access path it answers (config.json `httpPath`), if any. */
  httpPath?: string;
}

/** The static hosting upload: every file under `dir`, at the same path on the hosting. */
export interface HostingPlan {
  dir: string;
  /** Paths relative to `dir` (= the paths on the hosting). */
  files: string[];
  bytes: number;
}

/** The whole plan. */
export interface DeployPlan {
  collections: CollectionSpec[];
  functions: FunctionPlan[];
  /** Static hosting (静态网站托管): null when nothing is built for it. */
  hosting: HostingPlan | null;
  /** Reasons to deploy nothing. */
  problems: string[];
  /** Things the deployer should know that do not stop the deploy. */
  warnings: string[];
}

/** Works the plan out from the repository's declarations, the built functions and the deployer's environment. */
export function planDeploy(root: string, env: NodeJS.ProcessEnv): DeployPlan {
  const problems: string[] = [];
  const warnings: string[] = [];
  const collections = loadDatabaseSpec(join(root, 'cloudfunctions', 'database.json')).collections;
  const built = discoverFunctions(join(root, 'build', 'cloudfunctions'));
  for (const name of functionNames())
    if (!built.has(name))
      problems.push(`function ${name} is not built: run npm run build (or drop --no-build)`);

  const templates = Object.keys(env)
    .filter((k) => k.startsWith(TEMPLATE_PREFIX) && env[k])
    .sort();
  const functions = [...built.values()].map((def): FunctionPlan => {
    const pkg = JSON.parse(readFileSync(join(def.dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      mulin?: { bundles?: Record<string, string> };
    };
    const fnEnv: Record<string, string> = {};
    const secretNames: string[] = [];
    for (const setting of FUNCTION_SETTINGS[def.name] ?? []) {
      const value = env[setting.name];
      if (setting.secret) secretNames.push(setting.name);
      if (!value) {
        problems.push(`${setting.name} is not set (${def.name}: ${setting.about})`);
        continue;
      }
      const problem = setting.problem(value);
      if (problem) problems.push(`${setting.name} is unusable: ${problem} (${def.name}: ${setting.about})`);
      else fnEnv[setting.name] = value;
    }
    const openapi = def.config.permissions?.openapi ?? [];
    if (openapi.includes('subscribeMessage.send')) for (const t of templates) fnEnv[t] = env[t]!;
    return {
      name: def.name,
      dir: def.dir,
      runtime: RUNTIME,
      handler: HANDLER,
      timeout: def.config.timeout ?? 3,
      memorySize: def.config.memorySize ?? 256,
      dependencies: pkg.dependencies ?? {},
      bundled: pkg.mulin?.bundles ?? {},
      env: fnEnv,
      secretNames,
      triggers: (def.config.triggers ?? []).map((t) => ({ name: t.name, cron: t.config })),
      openapi,
      ...(def.config.httpPath ? { httpPath: def.config.httpPath } : {}),
    };
  });
  if (templates.length === 0 && functions.some((f) => f.openapi.includes('subscribeMessage.send')))
    warnings.push(
      `no ${TEMPLATE_PREFIX}* is set: subscription messages go out with placeholder template ids, which WeChat refuses`,
    );
  const hosting = planHosting(join(root, 'build', 'hosting'));
  if (!hosting)
    warnings.push(
      'the big screen is not built (build/hosting/): run npm run build to upload it to static hosting',
    );
  return { collections, functions, hosting, problems, warnings };
}

/** Every file under `dir` (build/hosting/), or null when there is none. */
function planHosting(dir: string): HostingPlan | null {
  if (!existsSync(dir)) return null;
  const files: string[] = [];
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files.push(relative(dir, p).split('\\').join('/'));
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return files.length > 0 ? { dir, files: files.sort(), bytes } : null;
}
