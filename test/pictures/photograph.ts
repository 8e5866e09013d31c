/**
 * The page pictures, in shards (pages-1.test.ts and pages-2.test.ts each take one, so jest's workers share them evenly).
 *
 * Every page in miniprogram/app.json (main package and subpackages, read when the test starts, so pages added
 * later are covered without an edit here), in every state declared in preview/states/<route>.ts (or the default
 * state), in normal and elder mode: rendered with the demo community's data from an in-process local cloud and
 * photographed in Chromium. A picture fails when the page errors while rendering, is blank, overflows 750 px,
 * or is over the first-render setData (32 KB), WXML node (< 1000) or depth (< 30) budgets; when its text shows
 * developer wording (ISO dates, hex strings, ids, English words: preview/wording.ts); and, in elder mode, when it
 * misses MIIT's 适老化 figures (text ≥ 18 pt, contrast ≥ 4.5:1, tap targets ≥ 44 pt, main actions ≥ 60 pt:
 * preview/miit.ts), measured in the same Chromium load as the rest.
 *
 * Pictures of failing pages go to a temporary folder that is kept (and named in the output) when something
 * fails; `npm run preview` runs this file with MULIN_PICTURES_DIR=.preview to keep every picture and the gallery.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appPages, type PageSpec } from '../../simulator/app-pages';
import { planShots, type Shot } from '../../preview/plan';
import { STATES_DIR } from '../../preview/registry';
import { PictureSession } from '../../preview/session';

// The first picture may wait for the demo seed (half a minute or more when .tmp/seed-cache has none fresh).
jest.setTimeout(240_000);

/**
 * The pages of shard `index` (1-based) of `count`: app.json order cut into runs of about equal shot counts, so a
 * page added anywhere moves at most one boundary.
 */
export function shardPages(index: number, count: number): PageSpec[] {
  const all = appPages();
  const shots = all.map((page) => planShots([page]).shots.length);
  const total = shots.reduce((a, b) => a + b, 0);
  let before = 0;
  return all.filter((_page, i) => {
    const shard = Math.min(count, Math.floor((before * count) / total) + 1);
    before += shots[i];
    return shard === index;
  });
}

/** Photographs the pages of shard `index` of `count`; shard 1 also checks the plan and the WXML of the app. */
export function photographShard(index: number, count: number): void {
  // `npm run preview` keeps every picture in one folder and gallery: shard 1 then takes every page.
  const keep = process.env.MULIN_PICTURES_DIR;
  if (keep && index > 1) {
    it.skip('photographed by shard 1 (MULIN_PICTURES_DIR keeps one gallery)', () => undefined);
    return;
  }
  const pages = keep ? appPages() : shardPages(index, count);
  const plan = planShots(pages);
  const byPage = new Map<string, Shot[]>();
  for (const shot of plan.shots) byPage.set(shot.page.route, [...(byPage.get(shot.page.route) ?? []), shot]);

  const outDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'mulin-pictures-'));
  let session: PictureSession | undefined;
  let failed = 0;

  beforeAll(async () => {
    // The test photographs only failing pages (half the camera's time is the PNG); the preview keeps them all.
    session = await PictureSession.start({ outDir, pages, pictures: keep ? 'all' : 'failures' });
  });

  afterAll(async () => {
    const audit = await session?.finish();
    if (audit?.warnings.length) console.warn(audit.warnings.join('\n'));
    if (failed > 0) console.warn(`pictures and audit.json of this run: ${path.join(outDir, 'index.html')}`);
    else if (!keep) rmSync(outDir, { recursive: true, force: true });
  });

  if (index === 1) {
    it('finds the pages in app.json and a plan for each', () => {
      const everyPage = appPages();
      expect(
        new Set([...Array(count)].flatMap((_x, i) => shardPages(i + 1, count).map((p) => p.route))),
      ).toEqual(new Set(everyPage.map((p) => p.route)));
      expect(plan.shots.length).toBeGreaterThanOrEqual(pages.length);
      for (const page of pages) expect(byPage.get(page.route)?.length).toBeGreaterThan(0);
    });

    it('reads every states declaration, and each names a page in app.json', () => {
      expect(plan.warnings.filter((w) => !w.includes('no states declared'))).toEqual([]);
      const declared = (dir: string): string[] =>
        existsSync(dir)
          ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
              entry.isDirectory()
                ? declared(path.join(dir, entry.name))
                : entry.name.endsWith('.ts')
                  ? [
                      path
                        .relative(STATES_DIR, path.join(dir, entry.name))
                        .replace(/\.ts$/, '')
                        .split(path.sep)
                        .join('/'),
                    ]
                  : [],
            )
          : [];
      const routes = new Set(appPages().map((p) => p.route));
      expect(declared(STATES_DIR).filter((route) => !routes.has(route))).toEqual([]);
    });

    it('compiles every WXML file of the mini program', () => {
      expect([...(session?.brokenWxml ?? new Map<string, string>())]).toEqual([]);
    });
  }

  // describe.each refuses an empty table (an app.json without pages yet).
  if (byPage.size > 0)
    describe.each([...byPage])('%s', (route, shots) => {
      it.each(
        shots.map((shot) => [
          `${shot.state.name}${shot.elder ? '（长辈模式）' : ''} as ${shot.state.user}`,
          shot,
        ]),
      )('%s', async (_name, shot) => {
        if (!session) throw new Error('the picture session did not start');
        // The next picture is captured while Chromium photographs this one.
        const next = plan.shots[plan.shots.indexOf(shot as Shot) + 1];
        const result = await session.shoot(shot as Shot, next);
        if (result.problems.length > 0) {
          failed += 1;
          const picture = path.join(outDir, result.png ?? result.html ?? '');
          throw new Error(
            `${route} · ${result.state}${result.elder ? ' · elder' : ''}:\n${result.problems.join('\n')}\n(picture: ${picture})`,
          );
        }
      });
    });
}
