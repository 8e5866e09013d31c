/**
 * Functions deployed into the local cloud through the management API, kept on disk as CloudBase keeps them:
 * `<dir>/<name>/code/` is the uploaded package unzipped (with its declared dependencies made resolvable, the local
 * counterpart of "install dependencies in the cloud"), `<dir>/<name>/function.json` the configuration the deploy
 * set (runtime, handler, timeout, memory, environment variables, timer triggers). The function host runs exactly
 * that code with exactly that configuration.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type JSZip from 'jszip';
import type { FunctionConfig, FunctionDef } from '../host/functionConfig';

/** One timer trigger as created by BatchCreateTrigger. */
export interface DeployedTrigger {
  name: string;
  /** CloudBase's 7-field cron. */
  cron: string;
  addTime: string;
}

/** What the platform knows about one deployed function. */
export interface DeployedFunction {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  env: Record<string, string>;
  triggers: DeployedTrigger[];
  codeSha256: string;
  codeSize: number;
  status: 'Active' | 'CreateFailed';
  statusReasons: { ErrorCode: string; ErrorMessage: string }[];
  addTime: string;
  modTime: string;
}

/** Why a package cannot run. */
export class PackageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The deployed functions of one local cloud. */
export class DeployedFunctions {
  private readonly functions = new Map<string, DeployedFunction>();

  constructor(
    private readonly dir: string,
    /** Where the packages a function may depend on are installed (a node_modules folder). */
    private readonly modulesDir: string,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, 'function.json');
      if (existsSync(file))
        this.functions.set(name, JSON.parse(readFileSync(file, 'utf8')) as DeployedFunction);
    }
  }

  /** Every deployed function. */
  list(): DeployedFunction[] {
    return [...this.functions.values()];
  }

  /** One function, if deployed. */
  get(name: string): DeployedFunction | undefined {
    return this.functions.get(name);
  }

  /** Records a function's configuration (after any change). */
  save(fn: DeployedFunction): void {
    this.functions.set(fn.name, fn);
    mkdirSync(join(this.dir, fn.name), { recursive: true });
    writeFileSync(join(this.dir, fn.name, 'function.json'), JSON.stringify(fn, null, 2));
  }

  /**
   * Unpacks a zip (base64) as the function's code, replacing the previous code in one rename, and links the
   * dependencies its package.json pins when `installDependency` is set. Throws {@link PackageError}.
   */
  async writeCode(
    name: string,
    zipBase64: string,
    handler: string,
    installDependency: boolean,
  ): Promise<{ codeSha256: string; codeSize: number }> {
    const zipBytes = Buffer.from(zipBase64, 'base64');
    const { default: Zip } = await import('jszip');
    let zip: JSZip;
    try {
      zip = await Zip.loadAsync(zipBytes);
    } catch (err) {
      throw new PackageError(
        'InvalidParameterValue.ZipFile',
        `the code package is not a zip: ${String(err)}`,
      );
    }
    const fnDir = join(this.dir, name);
    const staging = join(fnDir, `code.tmp-${randomBytes(4).toString('hex')}`);
    mkdirSync(staging, { recursive: true });
    try {
      for (const entry of Object.values(zip.files)) {
        const rel = normalize(entry.name);
        if (isAbsolute(rel) || rel.split(sep).includes('..'))
          throw new PackageError(
            'InvalidParameterValue.ZipFile',
            `unsafe path in the package: ${entry.name}`,
          );
        const target = join(staging, rel);
        if (entry.dir) mkdirSync(target, { recursive: true });
        else {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, await entry.async('nodebuffer'));
        }
      }
      checkHandler(staging, handler);
      if (installDependency) this.installDependencies(staging);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    const codeDir = join(fnDir, 'code');
    const old = `${codeDir}.old-${randomBytes(4).toString('hex')}`;
    if (existsSync(codeDir)) renameSync(codeDir, old);
    renameSync(staging, codeDir);
    rmSync(old, { recursive: true, force: true });
    return { codeSha256: createHash('sha256').update(zipBytes).digest('hex'), codeSize: zipBytes.length };
  }

  /** What the function host runs: the unpacked code, the deployed settings, the package's open-API permissions. */
  definition(fn: DeployedFunction): FunctionDef {
    const codeDir = join(this.dir, fn.name, 'code');
    const packageConfig = readJson<FunctionConfig>(join(codeDir, 'config.json')) ?? {};
    return {
      name: fn.name,
      dir: codeDir,
      bundlePath: join(codeDir, `${handlerFile(fn.handler)}.js`),
      config: {
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        permissions: packageConfig.permissions,
        triggers: fn.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.cron })),
      },
      env: fn.env,
    };
  }

  /**
   * The local counterpart of installing dependencies in the cloud: each package.json dependency must be installed
   * here at exactly the pinned version, and is linked into the function's node_modules.
   */
  private installDependencies(codeDir: string): void {
    const pkg = readJson<{ dependencies?: Record<string, string> }>(join(codeDir, 'package.json'));
    for (const [dep, wanted] of Object.entries(pkg?.dependencies ?? {})) {
      const installed = readJson<{ version?: string }>(join(this.modulesDir, dep, 'package.json'));
      if (!installed)
        throw new PackageError(
          'InstallDependencyFailed',
          `dependency ${dep} is not installed in the local cloud`,
        );
      if (wanted !== installed.version && wanted !== '*' && wanted !== 'latest')
        throw new PackageError(
          'InstallDependencyFailed',
          `dependency ${dep}@${wanted}: the local cloud has ${dep}@${installed.version}`,
        );
      const link = join(codeDir, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(this.modulesDir, dep), link, 'dir');
    }
  }
}

/** `index.main` → `index` (the file; the worker calls its `main`). */
function handlerFile(handler: string): string {
  return handler.slice(0, handler.lastIndexOf('.'));
}

function checkHandler(codeDir: string, handler: string): void {
  const m = /^([A-Za-z0-9_\-/]+)\.([A-Za-z_$][\w$]*)$/.exec(handler);
  if (!m) throw new PackageError('InvalidParameterValue.Handler', `bad handler ${handler}`);
  if (m[2] !== 'main')
    throw new PackageError(
      'InvalidParameterValue.Handler',
      `the local cloud runs handlers named main, not ${m[2]}`,
    );
  if (!existsSync(join(codeDir, `${m[1]}.js`)))
    throw new PackageError(
      'InvalidParameterValue.Handler',
      `the package has no ${m[1]}.js for handler ${handler}`,
    );
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}
