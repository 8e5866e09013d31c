/**
 * A picture run, inside the `pictures` jest project: plans the shots from app.json and the state registry,
 * and for each shot picks its cloud (shared demo, fresh, unseeded or offline), runs its setup, captures the page
 * in jsdom, has the camera photograph and measure it, and checks it against the budgets. `finish()` writes
 * `audit.json` and the `index.html` gallery. One camera (one Chromium) and one shared demo cloud per run.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appPages, MINIPROGRAM_DIR, readAppJson, tabBarOf, type AppJson, type PageSpec } from './app-pages';
import { problemsOf } from './budgets';
import { startCamera, type Camera } from './camera/client';
import type { CameraFigures } from './camera/protocol';
import { checkCompileScope, type CompileScope } from './capture/compile-scope';
import { imageResolver } from './capture/images';
import { capture, type Capture } from './capture/shot';
import { CloudPool, type PreviewCloudHandle } from './demo-cloud';
import { writeGallery } from './gallery';
import { planShots, type Plan, type Shot } from './plan';
import type { AuditFile, ShotResult } from './results';

/** How a run is set up. */
export interface SessionOptions {
  /** Where pictures, audit.json and index.html go (emptied first). */
  outDir: string;
  /** Write PNGs (false: measure only). */
  pictures?: boolean;
  /** The pages to photograph; default: every page in app.json. */
  pages?: PageSpec[];
  /** WXML roots to compile for the pages; default: the mini program. Tests add fixture folders. */
  compile?: { rootPath: string; dirs: string[] };
  /** Default 15 s. */
  settleTimeoutMs?: number;
}

/** An unreachable gateway: calls fail as without network. */
const OFFLINE_GATEWAY = 'http://127.0.0.1:9';

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** A running picture session. */
export class PictureSession {
  readonly plan: Plan;
  /** WXML files wcc refuses (root-relative path → wcc's message). */
  readonly brokenWxml: Map<string, string>;
  private readonly results: ShotResult[] = [];
  private readonly pool = new CloudPool();
  private readonly started = Date.now();
  private seedSummary = '';

  private constructor(
    private readonly options: Required<Omit<SessionOptions, 'pages' | 'compile'>>,
    private readonly app: AppJson,
    private readonly scope: CompileScope,
    private readonly camera: Camera,
    pages: PageSpec[],
  ) {
    this.plan = planShots(pages);
    this.brokenWxml = scope.broken;
  }

  /** Starts the camera and prepares the output folder. */
  static async start(options: SessionOptions): Promise<PictureSession> {
    const pages = options.pages ?? appPages();
    const compile = options.compile ?? { rootPath: MINIPROGRAM_DIR, dirs: [MINIPROGRAM_DIR] };
    const scope = checkCompileScope(compile.rootPath, compile.dirs);
    rmSync(options.outDir, { recursive: true, force: true });
    mkdirSync(path.join(options.outDir, 'pages'), { recursive: true });
    const camera = await startCamera();
    return new PictureSession(
      {
        outDir: options.outDir,
        pictures: options.pictures ?? true,
        settleTimeoutMs: options.settleTimeoutMs ?? 15_000,
      },
      readAppJson(),
      scope,
      camera,
      pages,
    );
  }

  /** The cloud a shot runs against; `owned` ones are closed after the shot. */
  private async cloudFor(shot: Shot): Promise<{ handle?: PreviewCloudHandle; owned: boolean }> {
    const kind = shot.state.cloud ?? 'demo';
    if (kind === 'offline') return { owned: false };
    if (kind === 'unseeded') return { handle: await this.pool.fresh(false), owned: true };
    if (shot.state.setup) return { handle: await this.pool.fresh(true), owned: true };
    const handle = await this.pool.demo();
    this.seedSummary = handle.summary;
    return { handle, owned: false };
  }

  /** Captures, photographs and checks one shot. Never throws for the page's own faults. */
  async shoot(shot: Shot): Promise<ShotResult> {
    const started = Date.now();
    const errors: string[] = [];
    const { handle, owned } = await this.cloudFor(shot);
    let query: Record<string, string> = {};
    let captured: Capture | undefined;
    let figures: CameraFigures | undefined;
    let captureMs = 0;
    const htmlFile = path.join(this.options.outDir, 'pages', `${shot.id}.html`);
    const pngFile = path.join(this.options.outDir, 'pages', `${shot.id}.png`);
    try {
      if (handle && shot.state.setup) await shot.state.setup(handle.demo);
      const q = shot.state.query;
      if (typeof q === 'function') {
        if (!handle) throw new Error('a query function needs a cloud (not `offline`)');
        query = await q(handle.demo);
      } else query = q ?? {};
      const app = this.app;
      captured = await capture(
        {
          page: shot.page,
          heading: `${shot.page.route} · ${shot.state.name}${shot.elder ? ' · 长辈模式' : ''}`,
          query,
          user: shot.state.user,
          gatewayUrl: handle?.gatewayUrl ?? OFFLINE_GATEWAY,
          storage: shot.state.storage ?? {},
          elder: shot.elder,
          resolveImage: imageResolver(handle?.demo.cloud.storage, MINIPROGRAM_DIR),
        },
        {
          app,
          tabBar: tabBarOf(app),
          customTabBar: existsSync(path.join(MINIPROGRAM_DIR, 'custom-tab-bar', 'index.json'))
            ? path.join(MINIPROGRAM_DIR, 'custom-tab-bar', 'index')
            : undefined,
          scope: this.scope,
          miniprogramDir: MINIPROGRAM_DIR,
          settleTimeoutMs: this.options.settleTimeoutMs,
        },
      );
      writeFileSync(htmlFile, captured.html);
      captureMs = Date.now() - started;
      figures = await this.camera.shoot(htmlFile, this.options.pictures ? pngFile : undefined);
    } catch (err) {
      errors.push(`picture: ${errorText(err)}`);
    } finally {
      if (owned) await handle?.close();
    }
    const allErrors = [
      ...errors,
      ...(captured?.errors ?? []),
      ...(figures?.pageErrors ?? []).map((e) => `Chromium: ${e}`),
    ];
    const result: ShotResult = {
      id: shot.id,
      route: shot.page.route,
      packageName: shot.page.packageName,
      state: shot.state.name,
      user: shot.state.user,
      role: shot.role,
      elder: shot.elder,
      declared: shot.declared,
      query,
      ...(figures && this.options.pictures ? { png: `pages/${shot.id}.png` } : {}),
      ...(captured ? { html: `pages/${shot.id}.html` } : {}),
      setData: captured?.setData ?? {
        firstRenderBytes: 0,
        initialBytes: 0,
        calls: 0,
        largestBytes: 0,
        componentCalls: 0,
      },
      tree: captured?.tree ?? { nodes: 0, depth: 0, maxChildren: 0 },
      scrollWidth: figures?.scrollWidth ?? 0,
      scrollHeight: figures?.scrollHeight ?? 0,
      overflowing: figures?.overflowing ?? [],
      visibleText: figures?.visibleText ?? 0,
      visibleImages: figures?.visibleImages ?? 0,
      errors: allErrors,
      warnings: captured?.warnings ?? [],
      problems: [],
      ms: Date.now() - started,
      captureMs,
      cameraMs: figures?.ms ?? 0,
    };
    result.problems = problemsOf({
      errors: result.errors,
      firstRenderBytes: result.setData.firstRenderBytes,
      nodes: result.tree.nodes,
      depth: result.tree.depth,
      scrollWidth: result.scrollWidth,
      overflowing: result.overflowing,
      visibleText: result.visibleText,
      visibleImages: result.visibleImages,
    });
    this.results.push(result);
    return result;
  }

  /** Writes audit.json and index.html, stops the camera and the clouds, and returns what was written. */
  async finish(): Promise<AuditFile> {
    const audit: AuditFile = {
      at: new Date().toISOString(),
      chromium: this.camera.chromium,
      seed: this.seedSummary,
      warnings: [
        ...this.plan.warnings,
        ...[...this.brokenWxml].map(([file, message]) => `${file}: WXML does not compile: ${message}`),
      ],
      shots: [...this.results],
      ms: Date.now() - this.started,
    };
    writeFileSync(path.join(this.options.outDir, 'audit.json'), `${JSON.stringify(audit, null, 2)}\n`);
    writeGallery(this.options.outDir, audit);
    await Promise.allSettled([this.camera.close(), this.pool.close()]);
    return audit;
  }
}
