/**
 * The picture checks catch what they claim to, on fixture pages in test/pictures/fixtures (not in app.json):
 * a good TDesign page passes (with a cloud image, icons, built-ins, the real account function), and a page
 * that overflows, is blank, throws, or breaks the setData / node / depth budgets fails with a readable reason.
 * Also: a WXML file wcc refuses is named with its line, and the other files still compile.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MINIPROGRAM_DIR, navigationBarOf, readAppJson, type PageSpec } from '../../simulator/app-pages';
import { checkCompileScope } from '../../simulator/capture/compile-scope';
import { planShots, type Shot } from '../../preview/plan';
import type { PreviewState } from '../../preview/registry';
import type { ShotResult } from '../../preview/results';
import { PictureSession } from '../../preview/session';
import { makePng } from './png';

// The first picture may wait for the demo seed (half a minute or more when .tmp/seed-cache has none fresh).
jest.setTimeout(240_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const REPO_ROOT = path.resolve(__dirname, '../..');
const PHOTO = makePng(96, 64, (x, y) => [40 + x * 2, 120 + y, 200 - x]);

const STATES: Record<string, PreviewState[]> = {
  good: [
    {
      name: 'demo',
      user: 'demo-resident-wang',
      query: (demo) => {
        const photo = demo.cloud.storage.putFile('preview-fixtures/photo.png', PHOTO);
        const [temp] = demo.cloud.storage.tempFileUrls(
          [{ fileid: photo, max_age: 3600 }],
          demo.cloud.baseUrl,
        );
        return { photo, tempUrl: temp.tempFileURL };
      },
    },
    { name: 'offline', user: 'demo-resident-wang', cloud: 'offline' },
    {
      name: 'renamed',
      user: 'demo-resident-wang',
      setup: async (demo) => {
        await demo.ok('account', 'demo-resident-wang', 'updateProfile', { nickname: '秀英奶奶' });
      },
    },
  ],
  // These make no calls: no cloud needed.
  overflow: [{ name: 'demo', user: 'demo-resident-wang', cloud: 'offline' }],
  blank: [{ name: 'demo', user: 'demo-resident-wang', cloud: 'offline' }],
  throws: [{ name: 'demo', user: 'demo-resident-wang', cloud: 'offline' }],
  heavy: [{ name: 'demo', user: 'demo-resident-wang', cloud: 'offline' }],
  unfriendly: [{ name: 'demo', user: 'demo-resident-wang', cloud: 'offline' }],
};

function fixturePage(name: string): PageSpec {
  const file = path.join(FIXTURES, name, 'index');
  return {
    route: `fixtures/${name}/index`,
    file,
    packageName: 'main',
    navigationBar: navigationBarOf(readAppJson(), `${file}.json`),
    tab: false,
  };
}

const pages = Object.keys(STATES).map(fixturePage);
const plan = planShots(pages, (route) => ({ states: STATES[route.split('/')[1]], file: 'fixture' }));
const shot = (page: string, state: string, elder = false): Shot => {
  const found = plan.shots.find(
    (s) => s.page.route === `fixtures/${page}/index` && s.state.name === state && s.elder === elder,
  );
  if (!found) throw new Error(`no shot ${page} ${state}`);
  return found;
};

let outDir: string;
let session: PictureSession;
const result = (s: Shot): Promise<ShotResult> => session.shoot(s);

beforeAll(async () => {
  // MULIN_PICTURE_CHECKS_DIR keeps the pictures for a look (the folder is emptied first).
  outDir = process.env.MULIN_PICTURE_CHECKS_DIR ?? mkdtempSync(path.join(tmpdir(), 'mulin-picture-checks-'));
  session = await PictureSession.start({
    outDir,
    pages,
    compile: { rootPath: REPO_ROOT, dirs: [MINIPROGRAM_DIR, FIXTURES] },
  });
}, 120_000);

afterAll(async () => {
  await session?.finish();
  if (!process.env.MULIN_PICTURE_CHECKS_DIR) rmSync(outDir, { recursive: true, force: true });
}, 60_000);

describe('a good page', () => {
  it('passes, with its TDesign components, cloud image, icons and the user from the real function', async () => {
    const r = await result(shot('good', 'demo'));
    expect(r.problems).toEqual([]);
    expect(r.errors).toEqual([]);
    const html = readFileSync(path.join(outDir, r.html ?? ''), 'utf8');
    expect(html).toContain('你好，王奶奶');
    expect(html).toContain('<span class="mp-nav-title">图片检查</span>'); // from the page json
    expect(html).toContain('t-cell--t-cell__title-text');
    // The cloud:// file ID (t-image, image) and the temp URL (image) are all inlined.
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(3);
    expect(r.query.tempUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(html).toContain('-webkit-mask:url("data:image/svg+xml');
    expect(html).toContain('请输入称呼');
    // t-image got its load event: no loading mask left.
    expect(html).not.toMatch(/class="[^"]*t-image--t-image--loading/);
    expect(r.visibleImages).toBeGreaterThanOrEqual(5); // t-image, 2 images, heart icon, cell icons…
    expect(r.visibleText).toBeGreaterThan(10);
    expect(r.scrollWidth).toBe(750);
    expect(r.setData.calls).toBeGreaterThanOrEqual(1);
    expect(r.tree.nodes).toBeGreaterThan(20);
    expect(existsSync(path.join(outDir, r.png ?? 'none'))).toBe(true);
    const png = readFileSync(path.join(outDir, r.png ?? ''));
    expect(png.readUInt32BE(16)).toBe(750);
  });

  it('is photographed in elder mode too, with the elder class on its root', async () => {
    const r = await result(shot('good', 'demo', true));
    expect(r.problems).toEqual([]);
    expect(readFileSync(path.join(outDir, r.html ?? ''), 'utf8')).toContain('page--elder');
  });

  it('gets a seeded cloud of its own for a state with setup, which no other picture sees', async () => {
    const renamed = await result(shot('good', 'renamed'));
    expect(renamed.problems).toEqual([]);
    expect(readFileSync(path.join(outDir, renamed.html ?? ''), 'utf8')).toContain('你好，秀英奶奶');
    const shared = await session.shoot({ ...shot('good', 'demo'), id: 'good-demo-again' });
    expect(readFileSync(path.join(outDir, shared.html ?? ''), 'utf8')).toContain('你好，王奶奶');
  });

  it('still renders without network, and the failed call is a warning, not an error', async () => {
    const r = await result(shot('good', 'offline'));
    expect(r.problems).toEqual([]);
    expect(r.warnings.join('\n')).toContain('cloud account.login failed');
    // The page's wx.showToast is drawn over the picture, as the phone would show it.
    expect(readFileSync(path.join(outDir, r.html ?? ''), 'utf8')).toMatch(
      /<div class="mp-toast">网络不太顺畅，请稍后再试<\/div>/,
    );
  });
});

describe('a broken page fails with the reason', () => {
  it('overflowing 750 px, naming the element', async () => {
    const r = await result(shot('overflow', 'demo'));
    expect(r.warnings.join('\n')).not.toContain('tick from a page that is gone'); // the good page's timer was cleared
    expect(r.scrollWidth).toBe(900);
    expect(r.problems.join('\n')).toMatch(
      /overflows horizontally: 900 px wide > 750 px; sticking out: wx-view\.page--wide/,
    );
  });

  it('blank', async () => {
    const r = await result(shot('blank', 'demo'));
    expect(r.problems).toEqual(['blank: no visible text, image or icon in the page']);
  });

  it('throwing in onLoad', async () => {
    const r = await result(shot('throws', 'demo'));
    expect(r.problems.join('\n')).toMatch(
      /errors while rendering:\n {2}onLoad: Error: cannot read the order/,
    );
  });

  it('over the setData, node and depth budgets', async () => {
    const r = await result(shot('heavy', 'demo'));
    expect(r.setData.firstRenderBytes).toBeGreaterThan(32 * 1024);
    expect(r.tree.nodes).toBeGreaterThan(1100);
    expect(r.tree.depth).toBeGreaterThanOrEqual(31);
    const text = r.problems.join('\n');
    expect(text).toMatch(/first-render setData \d+\.\d KB > 32\.0 KB/);
    expect(text).toMatch(/\d+ WXML nodes \(WeChat audit: < 1000\)/);
    expect(text).toMatch(/WXML depth \d+ \(WeChat audit: < 30\)/);
  });
});

describe('what an elder cannot use, and developer wording', () => {
  it('fails an elder picture below the MIIT figures, naming each finding', async () => {
    const r = await result(shot('unfriendly', 'demo', true));
    const text = r.problems.join('\n');
    expect(r.readability?.smallestText).toBe(12); // 24 rpx on a 375 pt screen
    expect(text).toMatch(
      /MIIT text < 18 pt: 1 text\(s\), smallest 12 px: wx-view\.page--tiny "小字说明" 12 px/,
    );
    expect(text).toMatch(
      /MIIT contrast < 4\.5:1 \(3:1 large\): 1 text\(s\): wx-view\.page--faint "浅灰提示" 1\.7\d:1 \(#bbbbbb on #f3f3f3\)/,
    );
    expect(text).toMatch(/MIIT tap target < 44 pt: 1 target\(s\): wx-view\.page--link "查看"/);
    expect(text).toMatch(/MIIT main action < 60 pt high: wx-button\.[^ ]* "确认预约" 48 px/);
    // TDesign's own tap bindings (every t-icon, a cell nobody listens to) are not targets.
    expect(text).not.toMatch(/t-icon|t-cell/);
  });

  it('scans every picture’s text for ISO dates, hex strings, ids and English words', async () => {
    const r = await result(shot('unfriendly', 'demo'));
    const text = r.problems.join('\n');
    expect(text).toContain('ISO date in "下单时间 2026-12-01，编号 5f1d7c2a9e"');
    expect(text).toContain('hex string in "下单时间 2026-12-01，编号 5f1d7c2a9e"');
    expect(text).toContain('English "Order pending"');
    // Normal mode is not held to the elder figures.
    expect(text).not.toContain('MIIT');
  });

  it('passes a good page in elder mode', async () => {
    const r = await result(shot('good', 'demo', true));
    expect(r.readability?.smallTargetCount).toBe(0);
    expect(r.readability?.lowContrastCount).toBe(0);
  });
});

describe('WXML that does not compile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mulin-wcc-'));
    for (const [name, wxml] of [
      ['ok', '<view>好</view>'],
      ['bad', '<view>\n  <text>坏</view>\n'],
    ]) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'index.wxml'), wxml);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named with wcc’s line and column, and left out so the rest compiles', () => {
    const scope = checkCompileScope(dir, [dir]);
    expect(scope.wxmlList).toEqual(['ok/index.wxml']);
    expect([...scope.broken.keys()]).toEqual(['bad/index.wxml']);
    expect(scope.broken.get('bad/index.wxml')).toMatch(/bad\/index\.wxml:2:\d+/);
  });
});
