/**
 * The two steps of one picture. `captureStep` (jsdom, one at a time): pick the shot's cloud, run its setup and
 * query, open and serialise the page, write its HTML. `cameraStep` (Chromium, may overlap the next capture):
 * photograph and measure it, and judge the figures against the budgets.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_DIR, tabBarOf, type AppJson } from '../simulator/app-pages';
import { problemsOf } from './budgets';
import { miitProblems } from './miit';
import { wordingProblems } from './wording';
import type { Camera } from './camera/client';
import type { CameraFigures } from './camera/protocol';
import type { Readability } from './camera/protocol';
import type { CompileScope } from '../simulator/capture/compile-scope';
import { imageResolver } from '../simulator/capture/images';
import { capture, type Capture } from '../simulator/capture/shot';
import type { CloudPool, PreviewCloudHandle } from './demo-cloud';
import type { Shot } from './plan';
import type { ShotResult } from './results';

/** An unreachable gateway: calls fail as without network. */
const OFFLINE_GATEWAY = 'http://127.0.0.1:9';

/** What the steps share for a whole run. */
export interface StepContext {
  app: AppJson;
  scope: CompileScope;
  pool: CloudPool;
  camera: Camera;
  outDir: string;
  /** PNGs of every shot, or only of those that fail a check (the test: most of the camera's time is the PNG). */
  pictures: 'all' | 'failures';
  settleTimeoutMs: number;
}

/** A captured shot, waiting for the camera. */
export interface CapturedShot {
  shot: Shot;
  started: number;
  query: Record<string, string>;
  captured?: Capture;
  errors: string[];
  htmlFile: string;
  captureMs: number;
  /** The seed summary of the shot's cloud, if it used the demo seed. */
  seed?: string;
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** The cloud a shot runs against; `owned` ones are closed after its capture. */
async function cloudFor(
  shot: Shot,
  pool: CloudPool,
): Promise<{ handle?: PreviewCloudHandle; owned: boolean }> {
  const kind = shot.state.cloud ?? 'demo';
  if (kind === 'offline') return { owned: false };
  if (kind === 'unseeded') return { handle: await pool.fresh(false), owned: true };
  if (shot.state.setup) return { handle: await pool.fresh(true), owned: true };
  return { handle: await pool.demo(), owned: false };
}

/** Step 1 (jsdom; never two at once). Never throws for the page's own faults. */
export async function captureStep(shot: Shot, context: StepContext): Promise<CapturedShot> {
  const started = Date.now();
  const htmlFile = path.join(context.outDir, 'pages', `${shot.id}.html`);
  const step: CapturedShot = { shot, started, query: {}, errors: [], htmlFile, captureMs: 0 };
  let cloud: { handle?: PreviewCloudHandle; owned: boolean } = { owned: false };
  try {
    cloud = await cloudFor(shot, context.pool);
    const { handle } = cloud;
    if (handle?.summary !== 'unseeded') step.seed = handle?.summary;
    if (handle && shot.state.setup) await shot.state.setup(handle.demo);
    const q = shot.state.query;
    if (typeof q === 'function') {
      if (!handle) throw new Error('a query function needs a cloud (not `offline`)');
      step.query = await q(handle.demo);
    } else step.query = q ?? {};
    const customTabBar = path.join(MINIPROGRAM_DIR, 'custom-tab-bar', 'index');
    step.captured = await capture(
      {
        page: shot.page,
        heading: `${shot.page.route} · ${shot.state.name}${shot.elder ? ' · 长辈模式' : ''}`,
        query: step.query,
        user: shot.state.user,
        gatewayUrl: handle?.gatewayUrl ?? OFFLINE_GATEWAY,
        storage: shot.state.storage ?? {},
        elder: shot.elder,
        resolveImage: imageResolver(handle?.demo.cloud.storage, MINIPROGRAM_DIR),
      },
      {
        app: context.app,
        tabBar: tabBarOf(context.app),
        customTabBar: existsSync(`${customTabBar}.json`) ? customTabBar : undefined,
        scope: context.scope,
        miniprogramDir: MINIPROGRAM_DIR,
        settleTimeoutMs: context.settleTimeoutMs,
      },
    );
    writeFileSync(htmlFile, step.captured.html);
  } catch (err) {
    step.errors.push(`picture: ${errorText(err)}`);
  } finally {
    // Images are inlined in the HTML: the cloud is not needed by the camera.
    if (cloud.owned) await cloud.handle?.close();
  }
  step.captureMs = Date.now() - started;
  return step;
}

function withoutText(r: Readability): Omit<Readability, 'text'> {
  const { text: _text, ...rest } = r;
  return rest;
}

/** Step 2 (Chromium): photograph, measure, judge. */
export async function cameraStep(step: CapturedShot, context: StepContext): Promise<ShotResult> {
  const { shot, captured } = step;
  const errors = [...step.errors];
  let figures: CameraFigures | undefined;
  const png = path.join(context.outDir, 'pages', `${shot.id}.png`);
  let photographed = false;
  if (captured) {
    try {
      figures = await context.camera.shoot(step.htmlFile, context.pictures === 'all' ? png : undefined);
      photographed = context.pictures === 'all';
    } catch (err) {
      errors.push(`picture: ${errorText(err)}`);
    }
  }
  const result: ShotResult = {
    id: shot.id,
    route: shot.page.route,
    packageName: shot.page.packageName,
    state: shot.state.name,
    user: shot.state.user,
    role: shot.role,
    elder: shot.elder,
    declared: shot.declared,
    query: step.query,
    ...(photographed ? { png: `pages/${shot.id}.png` } : {}),
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
    ...(figures ? { readability: withoutText(figures.readability) } : {}),
    errors: [
      ...errors,
      ...(captured?.errors ?? []),
      ...(figures?.pageErrors ?? []).map((e) => `Chromium: ${e}`),
    ],
    warnings: captured?.warnings ?? [],
    problems: [],
    ms: Date.now() - step.started,
    captureMs: step.captureMs,
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
  if (figures) {
    const wording = wordingProblems(figures.readability.text);
    if (wording.length > 0) result.problems.push(`developer wording on screen: ${wording.join('; ')}`);
    if (shot.elder) result.problems.push(...miitProblems(figures.readability));
  }
  if (!photographed && captured && result.problems.length > 0) {
    // A failing picture is worth looking at: take it now.
    await context.camera.shoot(step.htmlFile, png).then(
      () => (result.png = `pages/${shot.id}.png`),
      () => undefined,
    );
  }
  return result;
}
