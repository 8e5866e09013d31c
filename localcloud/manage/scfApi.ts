/**
 * The `scf` (2018-04-16) actions a deploy makes: GetFunction, CreateFunction, UpdateFunctionCode,
 * UpdateFunctionConfiguration, BatchCreateTrigger, DeleteTrigger. Code arrives as a base64 zip (`Code.ZipFile`,
 * the library's `deployMode: 'zip'`); every change is handed to the function host and the timers at once, so the
 * next invocation runs what was just deployed.
 */
import { Cron } from 'croner';
import { ApiError, checkEnv, stringParam, type ApiHandler, type ApiParams } from './apiTypes';
import { PackageError, type DeployedFunction, type DeployedFunctions } from './deployedFunctions';

/** What the scf actions work on. */
export interface ScfDeps {
  envId: string;
  functions: DeployedFunctions;
  /** Called after a function's code or settings changed. */
  changed: (fn: DeployedFunction) => void;
  now: () => number;
}

const MEMORY_SIZES = [64, 128, 256, 512, 1024, 2048, 3072];

/** The scf handlers, by action. */
export function scfHandlers(deps: ScfDeps): Record<string, ApiHandler> {
  const { envId, functions } = deps;
  const stamp = () => new Date(deps.now()).toISOString().replace('T', ' ').slice(0, 19);
  const existing = (params: ApiParams): DeployedFunction => {
    checkEnv(params.Namespace, envId, 'Namespace');
    const name = stringParam(params, 'FunctionName');
    const fn = functions.get(name);
    if (!fn)
      throw new ApiError('ResourceNotFound.Function', `未找到指定的Function，请创建后再试。 (${name})`);
    return fn;
  };
  const save = (fn: DeployedFunction) => {
    fn.modTime = stamp();
    functions.save(fn);
    deps.changed(fn);
    return {};
  };
  const writeCode = async (name: string, params: ApiParams, handler: string, install: boolean) => {
    const code = params.Code as { ZipFile?: string; TempCosObjectName?: string } | undefined;
    if (!code?.ZipFile)
      throw new ApiError(
        'UnsupportedOperation',
        'the local cloud takes code as Code.ZipFile (deployMode "zip"), not through COS',
      );
    try {
      return await functions.writeCode(name, code.ZipFile, handler, install);
    } catch (err) {
      if (err instanceof PackageError) throw new ApiError(err.code, err.message);
      throw err;
    }
  };
  return {
    GetFunction: (params) => {
      const fn = existing(params);
      return {
        FunctionName: fn.name,
        Namespace: envId,
        Runtime: fn.runtime,
        Handler: fn.handler,
        Timeout: fn.timeout,
        MemorySize: fn.memorySize,
        Status: fn.status,
        StatusDesc: '',
        StatusReasons: fn.statusReasons,
        InstallDependency: fn.installDependency ? 'TRUE' : 'FALSE',
        Type: 'Event',
        CodeSize: fn.codeSize,
        CodeInfo: fn.codeSha256,
        Environment: { Variables: Object.entries(fn.env).map(([Key, Value]) => ({ Key, Value })) },
        Triggers: fn.triggers.map((t) => ({
          Type: 'timer',
          TriggerName: t.name,
          TriggerDesc: JSON.stringify({ cron: t.cron }),
          Enable: 1,
          AvailableStatus: 'Available',
          AddTime: t.addTime,
          ModTime: t.addTime,
        })),
        AddTime: fn.addTime,
        ModTime: fn.modTime,
      };
    },
    CreateFunction: async (params) => {
      checkEnv(params.Namespace, envId, 'Namespace');
      const name = stringParam(params, 'FunctionName');
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(name))
        throw new ApiError('InvalidParameterValue.FunctionName', `bad function name ${name}`);
      if (functions.get(name)) throw new ApiError('ResourceInUse.Function', `函数已经存在 (${name})`);
      const runtime = typeof params.Runtime === 'string' ? params.Runtime : 'Nodejs20.19';
      if (!/^Nodejs\d+\.\d+$/.test(runtime))
        throw new ApiError(
          'InvalidParameterValue.Runtime',
          `the local cloud runs Node.js functions, not ${runtime}`,
        );
      const handler = typeof params.Handler === 'string' ? params.Handler : 'index.main';
      const install = params.InstallDependency === 'TRUE';
      const settings = configuration(params, { timeout: 3, memorySize: 128 });
      const code = await writeCode(name, params, handler, install);
      const fn: DeployedFunction = {
        name,
        runtime,
        handler,
        timeout: settings.timeout,
        memorySize: settings.memorySize,
        installDependency: install,
        env: settings.env ?? {},
        triggers: [],
        ...code,
        status: 'Active',
        statusReasons: [],
        addTime: stamp(),
        modTime: stamp(),
      };
      return save(fn);
    },
    UpdateFunctionCode: async (params) => {
      const fn = existing(params);
      const handler = typeof params.Handler === 'string' ? params.Handler : fn.handler;
      const install =
        params.InstallDependency === undefined ? fn.installDependency : params.InstallDependency === 'TRUE';
      Object.assign(fn, await writeCode(fn.name, params, handler, install), {
        handler,
        installDependency: install,
      });
      return save(fn);
    },
    UpdateFunctionConfiguration: (params) => {
      const fn = existing(params);
      const settings = configuration(params, fn);
      fn.timeout = settings.timeout;
      fn.memorySize = settings.memorySize;
      // Environment variables are replaced as a whole, as on SCF.
      if (settings.env) fn.env = settings.env;
      return save(fn);
    },
    BatchCreateTrigger: (params) => {
      const fn = existing(params);
      let triggers: { TriggerName?: string; Type?: string; TriggerDesc?: string }[];
      try {
        triggers = JSON.parse(stringParam(params, 'Triggers')) as typeof triggers;
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('InvalidParameterValue.Triggers', 'Triggers is not a JSON array');
      }
      const added = triggers.map((t) => {
        if (t.Type !== 'timer')
          throw new ApiError(
            'InvalidParameterValue.Type',
            `the local cloud has timer triggers only, not ${t.Type}`,
          );
        if (!t.TriggerName)
          throw new ApiError('InvalidParameterValue.TriggerName', 'TriggerName is required');
        if (fn.triggers.some((x) => x.name === t.TriggerName))
          throw new ApiError('ResourceInUse.Trigger', `触发器已存在 (${t.TriggerName})`);
        return { name: t.TriggerName, cron: checkCron(t.TriggerDesc), addTime: stamp() };
      });
      fn.triggers.push(...added);
      save(fn);
      return { TriggerList: added.map((t) => ({ TriggerName: t.name, Type: 'timer' })) };
    },
    DeleteTrigger: (params) => {
      const fn = existing(params);
      const name = stringParam(params, 'TriggerName');
      if (!fn.triggers.some((t) => t.name === name))
        throw new ApiError('ResourceNotFound.Trigger', `触发器不存在 (${name})`);
      fn.triggers = fn.triggers.filter((t) => t.name !== name);
      return save(fn);
    },
  };
}

/** Timeout, memory and environment from a create or update call, checked as SCF checks them. */
function configuration(
  params: ApiParams,
  current: { timeout: number; memorySize: number },
): { timeout: number; memorySize: number; env?: Record<string, string> } {
  const timeout = params.Timeout === undefined ? current.timeout : Number(params.Timeout);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 900)
    throw new ApiError(
      'InvalidParameterValue.Timeout',
      `Timeout must be 1–900 seconds, not ${String(params.Timeout)}`,
    );
  const memorySize = params.MemorySize === undefined ? current.memorySize : Number(params.MemorySize);
  if (!MEMORY_SIZES.includes(memorySize))
    throw new ApiError(
      'InvalidParameterValue.MemorySize',
      `MemorySize ${String(params.MemorySize)} is not offered`,
    );
  const vars = (params.Environment as { Variables?: { Key?: string; Value?: string }[] } | undefined)
    ?.Variables;
  if (!vars) return { timeout, memorySize };
  const env: Record<string, string> = {};
  for (const v of vars) {
    if (!v.Key || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.Key))
      throw new ApiError('InvalidParameterValue.Environment', `bad variable name ${String(v.Key)}`);
    env[v.Key] = String(v.Value ?? '');
  }
  return { timeout, memorySize, env };
}

/** A timer's cron: CloudBase's seven fields (second minute hour day month weekday year). */
function checkCron(desc: string | undefined): string {
  const cron = (desc ?? '').trim();
  try {
    if (cron.split(/\s+/).length !== 7) throw new Error('seven fields are required');
    new Cron(cron, { paused: true });
  } catch (err) {
    throw new ApiError('InvalidParameterValue.TriggerDesc', `bad cron "${cron}": ${(err as Error).message}`);
  }
  return cron;
}
