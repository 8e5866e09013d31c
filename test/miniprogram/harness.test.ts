/**
 * Self-test of the page harness (simulator/): TDesign really renders in simulate, taps and typing
 * reach it through virtualHost, `wx.cloud` is bridged over HTTP to a gateway (here a stand-in server this file
 * starts), the wx stubs behave as documented, and elder mode both toggles live and scales the compiled styles.
 */
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { call } from '../../miniprogram/lib/api';
import { ELDER_MODE_STORAGE_KEY, isElderMode, setElderMode } from '../../miniprogram/lib/elder-mode';
import {
  asUser,
  closePage,
  cloudCalls,
  domByClass,
  input,
  type LoadedPage,
  lastCall,
  loadPage,
  queueScan,
  setPrivacyAgreed,
  storage,
  tap,
  waitFor,
  wxCalls,
} from '../../simulator/page';
import type { PrivacyListener } from '../../simulator/state';
import { compileWxss, customProperties } from '../../simulator/wxss';

const FIXTURE = path.join(__dirname, 'fixtures/harness/index');
const TD_THEME = path.resolve(
  __dirname,
  '../../miniprogram/miniprogram_npm/tdesign-miniprogram/common/style/theme/_font.wxss',
);

interface GatewayRequest {
  url: string;
  body: {
    name?: string;
    data?: Record<string, unknown>;
    user?: string;
    cloudPath?: string;
    content?: string;
  };
}

/** Stand-in for the local cloud gateway: records each request and answers with `respond`. */
const requests: GatewayRequest[] = [];
let respond: (request: GatewayRequest) => unknown = () => ({ result: { ok: true, data: null } });
let server: http.Server;
let gatewayUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        url: req.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      } as GatewayRequest;
      requests.push(request);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(respond(request)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.__mulinCloud = { gatewayUrl };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('TDesign in miniprogram-simulate', () => {
  let page: LoadedPage;

  beforeAll(async () => {
    page = await loadPage(FIXTURE, { greeting: '您好' });
  });

  it('renders real TDesign components, not empty unknown tags', () => {
    expect(domByClass(page, 't-button')).toHaveLength(2);
    expect(domByClass(page, 't-button--primary')).toHaveLength(1);
    expect(domByClass(page, 't-cell')).toHaveLength(1);
    expect(domByClass(page, 't-cell-group')).toHaveLength(1);
    expect(domByClass(page, 't-input')).toHaveLength(1);
    // onLoad(query) ran and its data reached a TDesign property.
    expect(domByClass(page, 't-cell__title-text')[0].textContent).toBe('您好');
  });

  it('launches the app first and keeps the page stack', () => {
    expect(wxCalls('cloud.init')).toHaveLength(1);
    expect(getApp()).toHaveProperty('globalData');
    expect(getCurrentPages()).toContain(page.instance);
  });

  it('types into a t-input', async () => {
    await input(page, '#name', '张三');
    expect(page.data.name).toBe('张三');
  });

  it('taps a t-button whose handler calls a function through the gateway', async () => {
    respond = () => ({
      result: { ok: true, data: { id: 'profile-1' } },
      requestId: 'req-1',
      stats: { dbRoundTrips: 2, durationMs: 4 },
    });
    asUser('o-resident-1');
    const key = page.data.requestKey as string;

    await tap(page, '#save');
    await waitFor(() => page.data.status === '已保存');

    expect(requests.at(-1)).toEqual({
      url: '/gateway/call',
      body: {
        name: 'account',
        user: 'o-resident-1',
        data: {
          action: 'registerElder',
          realName: '张三',
          birthYear: 1940,
          communityId: 'jn-lukou-lukou',
          address: '花园路12号',
          idempotencyKey: key,
        },
      },
    });
    expect(page.data.result).toBe('profile-1');
    expect(page.data.requestKey).not.toBe(key); // a new key only after success
    expect(cloudCalls().at(-1)).toMatchObject({ name: 'account', user: 'o-resident-1', requestId: 'req-1' });
    expect(cloudCalls().at(-1)?.stats?.dbRoundTrips).toBe(2);
  });

  it('shows an error reply and retries with the same idempotency key', async () => {
    respond = () => ({ result: { ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } } });
    await tap(page, '#save');
    await waitFor(() => page.data.status === 'FORBIDDEN');
    await tap(page, '#save');
    await waitFor(() => requests.length >= 2 && page.data.status === 'FORBIDDEN');

    const [first, second] = requests.slice(-2).map((r) => r.body.data?.idempotencyKey);
    expect(first).toBe(second);
    expect(page.data.result).toBe('没有权限');
  });
});

describe('wx.cloud bridge', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined); // call() logs each transport failure
  });
  afterEach(() => jest.restoreAllMocks());

  it('rejects like wx when the function fails, and call() turns that into INTERNAL', async () => {
    respond = () => ({ error: { errCode: -504002, errMsg: 'functions execute fail' } });
    await expect(wx.cloud.callFunction({ name: 'account', data: { action: 'boom' } })).rejects.toMatchObject({
      errCode: -504002,
      errMsg: 'cloud.callFunction:fail functions execute fail',
    });
    const reply = await call('account', 'login');
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(cloudCalls().at(-1)?.error?.errCode).toBe(-504002);
  });

  it('turns an unreachable gateway and a reply without envelope into INTERNAL', async () => {
    globalThis.__mulinCloud = { gatewayUrl: 'http://127.0.0.1:1' };
    try {
      expect(await call('services', 'menu')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      globalThis.__mulinCloud = { gatewayUrl };
    }
    respond = () => ({ result: 'not an envelope' });
    expect(await call('services', 'menu')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('keeps action last so a payload cannot replace it', async () => {
    respond = () => ({ result: { ok: true, data: 1 } });
    // An input built at run time may carry anything, an `action` too; the typed one cannot.
    const built = { action: 'deleteEverything' } as object;
    await call('services', 'menu', { offset: 20, ...built });
    expect(requests.at(-1)?.body.data).toEqual({ action: 'menu', offset: 20 });
  });

  it('supports the callback style', async () => {
    respond = () => ({ result: { ok: true, data: 'cb' } });
    const res = await new Promise((resolve, reject) => {
      wx.cloud.callFunction({ name: 'account', data: { action: 'ping' }, success: resolve, fail: reject });
    });
    expect(res).toMatchObject({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: 'cb' } });
  });

  it('uploads a picked photo', async () => {
    respond = (request) => ({ fileID: `cloud://local-env/${request.body.cloudPath}` });
    const picked = await wx.chooseMedia({ count: 1, mediaType: ['image'] });
    const res = await wx.cloud.uploadFile({
      cloudPath: 'proposals/p1.png',
      filePath: picked.tempFiles[0].tempFilePath,
    });

    expect(res.fileID).toBe('cloud://local-env/proposals/p1.png');
    const sent = requests.at(-1);
    expect(sent?.url).toBe('/gateway/upload');
    expect(
      Buffer.from(sent?.body.content ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});

describe('wx stubs', () => {
  it('records navigation and refuses pages app.json does not list', async () => {
    await expect(wx.navigateTo({ url: '/pages/nowhere/index?id=1' })).rejects.toMatchObject({
      errMsg: 'navigateTo:fail page "pages/nowhere/index" is not found',
    });
    expect(lastCall('navigateTo')).toEqual({ url: '/pages/nowhere/index?id=1' });
  });

  it('keeps storage as JSON copies, fresh for each test file', () => {
    expect(wx.getStorageSync('missing')).toBe('');
    const value = { a: [1, 2] };
    wx.setStorageSync('k', value);
    value.a.push(3);
    expect(wx.getStorageSync('k')).toEqual({ a: [1, 2] });
  });

  it('answers scans that a test queued, then reports a cancelled scan', async () => {
    queueScan('mulin://checkin/activity-1');
    expect((await wx.scanCode({})).result).toBe('mulin://checkin/activity-1');
    await expect(wx.scanCode({})).rejects.toMatchObject({ errMsg: 'scanCode:fail cancel' });
  });

  it('asks the page through onNeedPrivacyAuthorization when the user has not agreed', async () => {
    setPrivacyAgreed(false);
    await expect(wx.requirePrivacyAuthorize({})).rejects.toMatchObject({ errno: 104 });
    const listener: PrivacyListener = (resolve) => {
      resolve({ event: 'exposureAuthorization' }); // the page's own popup is showing
      resolve({ event: 'agree', buttonId: 'agree-btn' });
    };
    // miniprogram-api-typings types the listener's `resolve` as a result object, not a function.
    wx.onNeedPrivacyAuthorization(
      listener as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback,
    );
    await expect(wx.requirePrivacyAuthorize({})).resolves.toMatchObject({
      errMsg: 'requirePrivacyAuthorize:ok',
    });
  });

  it('refuses getLocation unless app.json declares it in requiredPrivateInfos', async () => {
    const declared = (
      JSON.parse(readFileSync(path.resolve(__dirname, '../../miniprogram/app.json'), 'utf8')) as {
        requiredPrivateInfos?: string[];
      }
    ).requiredPrivateInfos?.includes('getLocation');
    const located = wx.getLocation({ type: 'gcj02' });
    if (declared) await expect(located).resolves.toMatchObject({ latitude: 31.2304 });
    else
      await expect(located).rejects.toMatchObject({
        errMsg: expect.stringContaining('requiredPrivateInfos'),
      });
  });

  it('accepts subscription requests by default', async () => {
    const res = await wx.requestSubscribeMessage({ tmplIds: ['tpl-order'] });
    expect(res).toMatchObject({ 'tpl-order': 'accept' });
  });
});

describe('elder mode', () => {
  let page: LoadedPage;

  beforeAll(async () => {
    page = await loadPage(FIXTURE);
  });

  afterAll(() => setElderMode(false));

  it('toggles the page root class live and remembers the setting', async () => {
    expect(page.data.elderClass).toBe('');
    expect(domByClass(page, 'elder')).toHaveLength(0);

    await tap(page, '#elder');

    expect(isElderMode()).toBe(true);
    expect(page.data.elderClass).toBe('elder');
    const root = domByClass(page, 'elder');
    expect(root).toHaveLength(1);
    expect(domByClass(page, 'page')).toEqual(root);
    expect(storage().get(ELDER_MODE_STORAGE_KEY)).toBe(true);
  });

  it('starts a later page in elder mode, updates every live page, and forgets closed ones', async () => {
    const second = await loadPage(FIXTURE); // also proves a second load re-registers TDesign
    expect(second.data.elderClass).toBe('elder');
    expect(domByClass(second, 't-button')).toHaveLength(2);

    await tap(second, '#elder');
    expect(page.data.elderClass).toBe('');
    expect(second.data.elderClass).toBe('');

    await closePage(second);
    setElderMode(true);
    expect(page.data.elderClass).toBe('elder');
    expect(second.data.elderClass).toBe('');
  });

  describe('compiled styles (wcsc)', () => {
    let normal: Map<string, string>;
    let elder: Map<string, string>;
    let derived: Map<string, string>;

    beforeAll(() => {
      const css = compileWxss('app.wxss');
      normal = customProperties(css, 'body');
      elder = customProperties(css, '.elder');
      derived = customProperties(css, 'body, .elder');
    });

    const px = (value: string | undefined): number => {
      const match = /^(-?\d+(?:\.\d+)?)px$/.exec(value ?? '');
      if (!match) throw new Error(`not a px length: ${value}`);
      return Number(match[1]);
    };
    const tdTheme = readFileSync(TD_THEME, 'utf8');
    const tdScale = [...tdTheme.matchAll(/(--td-(?:font-size|line-height)-[\w-]+):(\d+)rpx/g)].map(
      ([, name, rpx]) => [name, Number(rpx)] as const,
    );

    it('keeps TDesign sizes as they are in normal mode', () => {
      expect(tdScale.length).toBeGreaterThan(30);
      for (const [name, rpx] of tdScale) expect([name, px(normal.get(name))]).toEqual([name, rpx / 2]);
    });

    it('multiplies every type size by at least 1.5 under .elder, TDesign scale included', () => {
      const sizes = [
        ...tdScale.map(([name]) => name),
        ...[...normal.keys()].filter((n) => n.startsWith('--mulin-font-size')),
      ];
      for (const name of sizes) {
        const ratio = px(elder.get(name)) / px(normal.get(name));
        expect([name, ratio >= 1.5]).toEqual([name, true]);
      }
    });

    it('recomputes TDesign composite fonts inside .elder', () => {
      const composites = [
        ...new Set([...tdTheme.matchAll(/(--td-font-[\w-]+):[^;]*var\(/g)].map((m) => m[1])),
      ];
      expect(composites.length).toBeGreaterThan(20);
      for (const name of composites) expect([name, derived.has(name)]).toEqual([name, true]);
    });

    it('raises text contrast', () => {
      const contrast = (hex: string | undefined): number => {
        const channels = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
        if (!channels) throw new Error(`not a hex colour: ${hex}`);
        const lum = channels
          .slice(1)
          .map((c) => Number.parseInt(c, 16) / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        const l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
        return 1.05 / (l + 0.05); // against white
      };
      for (const name of [
        '--mulin-color-text',
        '--mulin-color-text-secondary',
        '--mulin-color-text-placeholder',
      ]) {
        expect(contrast(elder.get(name))).toBeGreaterThan(contrast(normal.get(name)));
      }
      expect(contrast(elder.get('--mulin-color-text-secondary'))).toBeGreaterThanOrEqual(7); // WCAG AAA
      expect(contrast(elder.get('--mulin-color-text-placeholder'))).toBeGreaterThanOrEqual(4.5); // WCAG AA
      expect(contrast(elder.get('--mulin-color-brand'))).toBeGreaterThanOrEqual(7);
    });

    it('only overrides TDesign variables that TDesign reads', () => {
      const npm = path.dirname(path.dirname(path.dirname(path.dirname(TD_THEME))));
      const used = new Set<string>();
      const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith('.wxss')) {
            for (const m of readFileSync(full, 'utf8').matchAll(/(--td-[\w-]+)/g)) used.add(m[1]);
          }
        }
      };
      walk(npm);
      const ours = [...elder.keys(), ...derived.keys(), ...normal.keys()].filter((n) =>
        n.startsWith('--td-'),
      );
      expect(ours.filter((name) => !used.has(name))).toEqual([]);
    });
  });
});
