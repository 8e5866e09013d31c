/**
 * The camera process: one Chromium (Debian's, driven by playwright-core; never a downloaded browser) with a
 * fresh profile, photographing picture HTML files on request from the parent (camera/client.ts) over IPC.
 * Offline: every http(s) request is refused, so a picture shows only what it carries. Ends when the parent
 * disconnects.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEVICE_SCALE, SCREEN_HEIGHT, SCREEN_WIDTH } from '../../simulator/geometry';
import { measurePicture } from './measure';
import { measureReadability } from './readability';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';
import { MIIT } from '../miit';
import type { CameraMessage, ShootRequest } from './protocol';

const SLOTS = 2;
/** Generous: Chromium shares the machine with the rest of `npm test`, and slowness must not fail a picture. */
const TIMEOUT_MS = 120_000;
const HINT =
  'run `bash scripts/ensure-system-packages.sh` (as root) to install chromium and fonts-wqy-microhei';

function send(message: CameraMessage): void {
  process.send?.(message);
}

/** The installed fonts that cover Chinese (fontconfig), or a reason there are none. */
function cjkFonts(): string {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function shoot(page: Page, request: ShootRequest): Promise<CameraMessage> {
  const started = Date.now();
  const pageErrors: string[] = [];
  const onError = (err: Error): void => {
    pageErrors.push(err.message);
  };
  page.on('pageerror', onError);
  try {
    await page.goto(pathToFileURL(request.htmlPath).href, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await page.waitForFunction(() => document.body.hasAttribute('data-mp-ready'), undefined, {
      timeout: TIMEOUT_MS,
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const measured = await page.evaluate(measurePicture, { limit: SCREEN_WIDTH, scale: DEVICE_SCALE });
    const readability = await page.evaluate(measureReadability, MIIT);
    if (request.pngPath)
      await page.screenshot({ path: request.pngPath, fullPage: true, timeout: TIMEOUT_MS });
    return {
      type: 'shot',
      id: request.id,
      figures: { ...measured, readability, pageErrors, ms: Date.now() - started },
    };
  } finally {
    page.off('pageerror', onError);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_EXECUTABLE)) throw new Error(`no Chromium at ${CHROMIUM_EXECUTABLE}: ${HINT}`);
  if (!cjkFonts()) throw new Error(`no font for Chinese text (fc-list :lang=zh is empty): ${HINT}`);
  const profile = mkdtempSync(path.join(tmpdir(), 'mulin-chromium-'));
  const running: { context?: BrowserContext } = {};
  const stop = async (): Promise<void> => {
    await running.context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: SCREEN_WIDTH, height: SCREEN_HEIGHT },
    deviceScaleFactor: DEVICE_SCALE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  running.context = context;
  await context.route(/^(https?|wss?):/, (route) => route.abort());
  // tsx (esbuild keepNames) wraps functions in __name(); functions passed to evaluate need it in the page too.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const idle: Page[] = [];
  const queue: ShootRequest[] = [];
  const first = context.pages()[0];
  if (first) idle.push(first);
  while (idle.length < SLOTS) idle.push(await context.newPage());

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const page = idle.pop() as Page;
      const request = queue.shift() as ShootRequest;
      shoot(page, request)
        .catch((err: unknown): CameraMessage => ({
          type: 'failed',
          id: request.id,
          message: err instanceof Error ? err.message : String(err),
        }))
        .then((message) => {
          send(message);
          idle.push(page);
          pump();
        });
    }
  };
  process.on('message', (message: ShootRequest) => {
    if (message?.type !== 'shoot') return;
    queue.push(message);
    pump();
  });
  send({ type: 'ready', chromium: context.browser()?.version() ?? 'chromium' });
}

main().catch((err: unknown) => {
  send({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  setTimeout(() => process.exit(1), 100);
});
