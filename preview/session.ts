/**
 * A picture run, inside the `pictures` jest project: plans the shots from app.json and the state registry and
 * takes them (shot-steps.ts) with one camera (one Chromium) and one shared demo cloud. Captures run one at a time
 * in jsdom; the camera works on a captured shot while the next is captured (`shoot(shot, next)` starts `next`
 * early). `finish()` writes `audit.json` and the `index.html` gallery.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appPages, MINIPROGRAM_DIR, readAppJson, type PageSpec } from '../simulator/app-pages';
import { startCamera, type Camera } from './camera/client';
import { checkCompileScope } from '../simulator/capture/compile-scope';
import { CloudPool } from './demo-cloud';
import { writeGallery } from './gallery';
import { planShots, type Plan, type Shot } from './plan';
import type { AuditFile, ShotResult } from './results';
import { cameraStep, captureStep, type StepContext } from './shot-steps';

/** How a run is set up. */
export interface SessionOptions {
  /** Where pictures, audit.json and index.html go (emptied first). */
  outDir: string;
  /** PNGs of every shot (default), or only of shots that fail a check. */
  pictures?: 'all' | 'failures';
  /** The pages to photograph; default: every page in app.json. */
  pages?: PageSpec[];
  /** WXML roots to compile for the pages; default: the mini program. Tests add fixture folders. */
  compile?: { rootPath: string; dirs: string[] };
  /**
   * How long a page's cloud calls may take to settle before the shot records that they never did. Default 50 s:
   * generous, because the pictures run in `npm test` on busy machines too, where slowness must not fail a page.
   */
  settleTimeoutMs?: number;
}

/** A running picture session. */
export class PictureSession {
  readonly plan: Plan;
  /** WXML files wcc refuses (root-relative path → wcc's message). */
  readonly brokenWxml: Map<string, string>;
  private readonly results = new Map<string, Promise<ShotResult>>();
  private readonly done = new Map<string, ShotResult>();
  private readonly started = Date.now();
  private captures: Promise<unknown> = Promise.resolve();
  private seedSummary = '';

  private constructor(
    private readonly context: StepContext,
    pages: PageSpec[],
  ) {
    this.plan = planShots(pages);
    this.brokenWxml = context.scope.broken;
  }

  /** Checks the WXML, starts the camera and empties the output folder. */
  static async start(options: SessionOptions): Promise<PictureSession> {
    const pages = options.pages ?? appPages();
    const compile = options.compile ?? { rootPath: MINIPROGRAM_DIR, dirs: [MINIPROGRAM_DIR] };
    const scope = checkCompileScope(compile.rootPath, compile.dirs);
    rmSync(options.outDir, { recursive: true, force: true });
    mkdirSync(path.join(options.outDir, 'pages'), { recursive: true });
    const camera: Camera = await startCamera();
    const context: StepContext = {
      app: readAppJson(),
      scope,
      pool: new CloudPool(),
      camera,
      outDir: options.outDir,
      pictures: options.pictures ?? 'all',
      settleTimeoutMs: options.settleTimeoutMs ?? 50_000,
    };
    return new PictureSession(context, pages);
  }

  private take(shot: Shot): Promise<ShotResult> {
    let result = this.results.get(shot.id);
    if (!result) {
      // Captures share the jsdom document and globals: each waits for the one before.
      const captured = this.captures.then(() => captureStep(shot, this.context));
      this.captures = captured.catch(() => undefined);
      result = captured.then(async (step) => {
        if (step.seed) this.seedSummary = step.seed;
        const done = await cameraStep(step, this.context);
        this.done.set(shot.id, done);
        return done;
      });
      this.results.set(shot.id, result);
    }
    return result;
  }

  /**
   * The result of `shot` (taken once; later calls return the same result). Never throws for the page's own
   * faults. `next`, when given, is captured right after, while the camera photographs `shot`.
   */
  shoot(shot: Shot, next?: Shot): Promise<ShotResult> {
    const result = this.take(shot);
    if (next) void this.take(next);
    return result;
  }

  /** Writes audit.json and index.html, stops the camera and the clouds, and returns what was written. */
  async finish(): Promise<AuditFile> {
    await Promise.allSettled([...this.results.values()]);
    const audit: AuditFile = {
      at: new Date().toISOString(),
      chromium: this.context.camera.chromium,
      seed: this.seedSummary,
      warnings: [
        ...this.plan.warnings,
        ...[...this.brokenWxml].map(([file, message]) => `${file}: WXML does not compile: ${message}`),
      ],
      // In the order the shots were asked for (the camera may finish two out of order).
      shots: [...this.results.keys()].flatMap((id) => this.done.get(id) ?? []),
      ms: Date.now() - this.started,
    };
    writeFileSync(path.join(this.context.outDir, 'audit.json'), `${JSON.stringify(audit, null, 2)}\n`);
    writeGallery(this.context.outDir, audit);
    await Promise.allSettled([this.context.camera.close(), this.context.pool.close()]);
    return audit;
  }
}
