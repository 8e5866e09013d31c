/**
 * Applies a plan with Tencent's management library (@cloudbase/manager-node), unmodified. Every step reads the
 * current state first, so a second deploy updates what exists and creates no duplicates: collections are created
 * if missing, missing indexes added (a changed one dropped and re-created), rules set; functions created, or their
 * code and settings updated; timer triggers diffed by name and cron; the static hosting files uploaded (overwriting
 * the same paths) to a CloudBase environment — a local cloud serves build/hosting itself.
 */
import { dirname, join } from 'node:path';
import CloudBase from '@cloudbase/manager-node';
import type { CollectionSpec, IndexSpec } from '../../localcloud/store/schema';
import type { DeployPlan, FunctionPlan, HostingPlan, TriggerPlan } from './plan';
import type { DeployTarget } from './target';

/** What a deploy did, counted. */
export interface DeploySummary {
  collectionsCreated: number;
  indexesCreated: number;
  indexesReplaced: number;
  rulesSet: number;
  functionsCreated: number;
  functionsUpdated: number;
  triggersCreated: number;
  triggersDeleted: number;
  hostingFiles: number;
}

/** The management client for a target (the local cloud is the library's proxy). */
export function managerFor(target: DeployTarget): CloudBase {
  return new CloudBase({
    secretId: target.secretId,
    secretKey: target.secretKey,
    token: target.token,
    envId: target.envId,
    region: target.region,
    ...(target.localUrl ? { proxy: target.localUrl } : {}),
  });
}

/** Applies the plan; `log` gets one line per change. Throws at the first failure. */
export async function applyPlan(
  app: CloudBase,
  plan: DeployPlan,
  envId: string,
  log: (line: string) => void,
  options: { hosting: boolean } = { hosting: true },
): Promise<DeploySummary> {
  const summary: DeploySummary = {
    collectionsCreated: 0,
    indexesCreated: 0,
    indexesReplaced: 0,
    rulesSet: 0,
    functionsCreated: 0,
    functionsUpdated: 0,
    triggersCreated: 0,
    triggersDeleted: 0,
    hostingFiles: 0,
  };
  // Reads the environment first: wrong keys or a wrong environment stop the deploy before any change.
  await step('environment', () => app.currentEnvironment().lazyInit());
  for (const c of plan.collections) await deployCollection(app, c, envId, summary, log);
  // Functions are independent of each other: deploy them side by side (each waits for its own updates).
  await Promise.all(plan.functions.map((f) => deployFunction(app, f, summary, log)));
  if (options.hosting && plan.hosting) await deployHosting(app, plan.hosting, summary, log);
  return summary;
}

/** Uploads the hosting files; static website hosting must have been turned on once (console or enableService). */
async function deployHosting(
  app: CloudBase,
  h: HostingPlan,
  summary: DeploySummary,
  log: (line: string) => void,
): Promise<void> {
  const info = await step('static hosting', () => app.hosting.getInfo());
  if (!info[0] || info[0].Status !== 'online')
    throw new DeployError(
      'static hosting',
      undefined,
      'static website hosting is not on for this environment: turn it on in the console (静态网站托管 → 开通), then deploy again',
    );
  await step('static hosting', () =>
    // The files one by one (a folder's localPath would upload everything in it, listed or not).
    app.hosting.uploadFiles({ files: h.files.map((f) => ({ localPath: join(h.dir, f), cloudPath: f })) }),
  );
  summary.hostingFiles += h.files.length;
  log(`static hosting: ${h.files.length} files uploaded to https://${info[0].CdnDomain}/`);
}

async function deployCollection(
  app: CloudBase,
  c: CollectionSpec,
  envId: string,
  summary: DeploySummary,
  log: (line: string) => void,
): Promise<void> {
  const db = app.database;
  const created = await step(`collection ${c.name}`, () => db.createCollectionIfNotExists(c.name));
  if (created.IsCreated) {
    summary.collectionsCreated += 1;
    log(`collection ${c.name}: created`);
  }
  const table = await step(`collection ${c.name}`, () => db.describeCollection(c.name));
  const existing = new Map((table.Indexes ?? []).map((ix) => [ix.Name, ix]));
  for (const ix of c.indexes ?? []) {
    const current = existing.get(ix.name);
    if (current && sameIndex(current, ix)) continue;
    if (current) {
      await step(`index ${c.name}.${ix.name}`, () =>
        db.updateCollection(c.name, { DropIndexes: [{ IndexName: ix.name }] }),
      );
      summary.indexesReplaced += 1;
      log(`index ${c.name}.${ix.name}: keys changed, dropped`);
    } else summary.indexesCreated += 1;
    await step(`index ${c.name}.${ix.name}`, () =>
      db.updateCollection(c.name, {
        CreateIndexes: [
          {
            IndexName: ix.name,
            MgoKeySchema: {
              MgoIsUnique: ix.unique === true,
              MgoIndexKeys: Object.entries(ix.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
            },
          },
        ],
      }),
    );
    log(`index ${c.name}.${ix.name}: created`);
  }
  if (c.rules) {
    const rules = c.rules;
    await step(`rule of ${c.name}`, () =>
      app.commonService('tcb').call({
        Action: 'ModifySafeRule',
        Param: { EnvId: envId, CollectionName: c.name, AclTag: 'CUSTOM', Rule: JSON.stringify(rules) },
      }),
    );
    summary.rulesSet += 1;
  }
}

interface FunctionDetail {
  Triggers?: { Type?: string; TriggerName?: string; TriggerDesc?: string }[];
}

async function deployFunction(
  app: CloudBase,
  f: FunctionPlan,
  summary: DeploySummary,
  log: (line: string) => void,
): Promise<void> {
  const fns = app.functions;
  const func = {
    name: f.name,
    runtime: f.runtime,
    handler: f.handler,
    timeout: f.timeout,
    memorySize: f.memorySize,
    // The bundles carry their SDK (scripts/build.ts); install only if a folder ever declares dependencies.
    installDependency: Object.keys(f.dependencies).length > 0,
    envVariables: f.env,
    // The source map beside each bundle is for local stack traces only (scripts/build.ts).
    ignore: ['*.map'],
  };
  const code = { functionRootPath: dirname(f.dir), deployMode: 'zip' as const };
  const detail = await step(`function ${f.name}`, async () => {
    try {
      return (await fns.getFunctionDetail(f.name)) as FunctionDetail;
    } catch (err) {
      if ((err as { code?: string }).code === 'ResourceNotFound.Function') return undefined;
      throw err;
    }
  });
  if (!detail) {
    // Creates the function, waits until it is active, then creates its timers (the library's own sequence).
    await step(`function ${f.name}`, () =>
      fns.createFunction({ func: { ...func, triggers: timers(f.triggers) }, ...code }),
    );
    summary.functionsCreated += 1;
    summary.triggersCreated += f.triggers.length;
    log(`function ${f.name}: created${f.triggers.length > 0 ? ` with timers ${names(f.triggers)}` : ''}`);
    return;
  }
  await step(`code of ${f.name}`, () => fns.updateFunctionCode({ func, ...code }));
  await step(`function ${f.name}`, () => fns.waitFunctionActive(f.name));
  await step(`settings of ${f.name}`, () => fns.updateFunctionConfig(func));
  summary.functionsUpdated += 1;
  log(`function ${f.name}: code and settings updated`);

  const current = (detail.Triggers ?? []).filter((t) => t.Type === 'timer');
  const wanted = new Map(f.triggers.map((t) => [t.name, t.cron]));
  const keep = new Set<string>();
  for (const t of current) {
    if (t.TriggerName && wanted.get(t.TriggerName) === cronOf(t.TriggerDesc)) {
      keep.add(t.TriggerName);
      continue;
    }
    await step(`timer ${f.name}.${t.TriggerName}`, () => fns.deleteFunctionTrigger(f.name, t.TriggerName!));
    summary.triggersDeleted += 1;
    log(`timer ${f.name}.${t.TriggerName}: deleted (changed or no longer declared)`);
  }
  const missing = f.triggers.filter((t) => !keep.has(t.name));
  if (missing.length > 0) {
    await step(`timers of ${f.name}`, () => fns.createFunctionTriggers(f.name, timers(missing)));
    summary.triggersCreated += missing.length;
    log(`timers of ${f.name}: created ${names(missing)}`);
  }
}

const timers = (list: TriggerPlan[]) => list.map((t) => ({ name: t.name, type: 'timer', config: t.cron }));
const names = (list: TriggerPlan[]) => list.map((t) => t.name).join(', ');

/** A timer's cron from GetFunction: `{"cron":"…"}` on SCF, or the bare expression. */
function cronOf(desc: string | undefined): string | undefined {
  if (!desc) return undefined;
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    return parsed.cron;
  } catch {
    return desc;
  }
}

function sameIndex(
  current: { Unique?: boolean; Keys?: { Name?: string; Direction?: string }[] },
  ix: IndexSpec,
): boolean {
  // Directions come back as strings: "1", "-1", or "2dsphere" for a geo index.
  const keys = (current.Keys ?? []).map((k) => [
    k.Name,
    k.Direction === '2dsphere' ? '2dsphere' : Number(k.Direction),
  ]);
  return (
    (current.Unique === true) === (ix.unique === true) &&
    JSON.stringify(keys) === JSON.stringify(Object.entries(ix.keys))
  );
}

/** A failed step, named, with the platform's error code. */
export class DeployError extends Error {
  constructor(
    readonly stepName: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(`${stepName}: ${code ? `[${code}] ` : ''}${message}`);
    this.name = 'DeployError';
  }
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DeployError) throw err;
    const e = err as { code?: string; message?: string };
    throw new DeployError(name, e.code, e.message ?? String(err));
  }
}
