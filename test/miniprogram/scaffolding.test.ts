/**
 * The page scaffolding every remote page stands on — behaviors/remote-page.ts, behaviors/paged-list.ts,
 * components/page-state and components/list-more — through a fixture page (fixtures/scaffolding) against a
 * stand-in gateway whose answers each test scripts: loading, the first page, more and the end of the list; a
 * network failure offers 再试一次 and recovers; refusals offer no retry but who can help and the way out; an
 * answer overtaken by a newer load is dropped; a failed quiet reload or "more" leaves the list on screen.
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pageError } from '../../miniprogram/lib/page-state';
import { closePage, type LoadedPage, lastCall, loadPage, tap, waitFor, wxCalls } from '../../simulator/page';
import { textOf } from '../../simulator/text';

const FIXTURE = path.join(__dirname, 'fixtures/scaffolding/index');
const HARNESS = path.join(__dirname, 'fixtures/harness/index');

interface Request {
  name?: string;
  data?: { action?: string; tab?: string; offset?: number };
}

/** The stand-in gateway: each request waits for `respond`, which a test replaces. */
let respond: (request: Request) => unknown | Promise<unknown> = () => ({ result: { ok: true, data: null } });
const requests: Request[] = [];
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
      requests.push(request);
      void Promise.resolve(respond(request)).then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  globalThis.__mulinCloud = {
    gatewayUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    user: 'o-fixture',
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined); // call() logs each transport failure
});
afterEach(() => jest.restoreAllMocks());

/** A list of `total` rows of `tab`, answered 20 at a time from the request's offset. */
function list(request: Request, total: number): unknown {
  const offset = request.data?.offset ?? 0;
  const tab = request.data?.tab ?? 'a';
  const end = Math.min(offset + 20, total);
  const items = Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({
    id: `${tab}-${offset + i}`,
    title: `${tab.toUpperCase()} 第 ${offset + i + 1} 条`,
  }));
  return { result: { ok: true, data: { items, next: end < total ? end : null } } };
}

const refused = (code: string, message: string) => ({ result: { ok: false, error: { code, message } } });
/** What the gateway answers when the function never ran: wx.cloud rejects, call() says TRANSPORT_MESSAGE. */
const unreachable = { error: { errCode: -501000, errMsg: 'network unreachable' } };

let page: LoadedPage | undefined;
afterEach(async () => {
  if (page) await closePage(page);
  page = undefined;
});

type Row = { id: string; title: string };

/** What a `<page-state>` shows, part by part: message, help line, the button(s). */
const shown = (p: LoadedPage, host: string): string[] =>
  ['#message', '#help', '#retry', '#login', '#back', '#action']
    .map((part) => textOf(p, `${host} >>> ${part}`))
    .filter(Boolean);
const items = (p: LoadedPage) => p.data.items as Row[];

describe('a paged remote page', () => {
  it('shows 正在加载… until the first page, then the list, more on 再看 20 条, and the end', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    respond = async (request) => {
      await held;
      return list(request, 45);
    };
    page = await loadPage(FIXTURE, { title: '第一页' });
    expect(page.data.status).toBe('loading');
    expect(textOf(page, '#loading')).toBe('正在加载…');
    release();
    await waitFor(() => page!.data.status === 'ready');
    expect(page.data.title).toBe('第一页'); // the query reached loadPage
    expect(items(page)).toHaveLength(20);
    expect(textOf(page, '#more')).toBe('再看 20 条');

    await tap(page, '#more >>> #more-button');
    await waitFor(() => items(page!).length === 40);
    expect(textOf(page, '#line-39')).toBe('A 第 40 条');
    await tap(page, '#more >>> #more-button');
    await waitFor(() => items(page!).length === 45);
    expect(page.data.next).toBeNull();
    expect(textOf(page, '#more')).toBe('没有更多了');
    expect(requests.slice(-3).map((r) => r.data?.offset)).toEqual([0, 20, 40]);
  });

  it('shows the page’s own empty words and next step', async () => {
    respond = (request) => list(request, 0);
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'ready');
    expect(shown(page, '#empty')).toEqual(['这里还没有东西', '去看看']);
    await tap(page, '#empty >>> #action');
    expect(lastCall('navigateTo')).toMatchObject({ url: '/pages/services/index' });
  });

  it('offers 再试一次 when the network failed, and shows the list once it works', async () => {
    respond = () => unreachable;
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'error');
    expect(page.data.error).toMatchObject({ kind: 'offline', retry: true });
    expect(shown(page, '#error')).toEqual(['网络不太顺畅，请稍后再试', '再试一次']);

    respond = (request) => list(request, 3);
    await tap(page, '#error >>> #retry');
    await waitFor(() => page!.data.status === 'ready');
    expect(items(page).map((r) => r.id)).toEqual(['a-0', 'a-1', 'a-2']);
    expect(page.data.error).toBeNull();
  });

  it('answers a refusal with who can help and 返回, never 再试一次', async () => {
    respond = () => refused('FORBIDDEN', '只有管理员可以执行此操作');
    const before = await loadPage(HARNESS); // a page to go back to
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'error');
    expect(shown(page, '#error')).toEqual([
      '只有管理员可以执行此操作',
      '如有疑问，请联系社区工作人员',
      '返回',
    ]);
    expect(page.querySelector('#error >>> #retry')).toBeFalsy();
    await tap(page, '#error >>> #back');
    expect(wxCalls('navigateBack')).toHaveLength(1);
    await closePage(before);
  });

  it('sends a page opened on its own 回首页, and one that names nothing 返回 without retry', async () => {
    respond = () => refused('NOT_FOUND', '订单不存在');
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'error');
    // The fixture is the only page open (each test closes its own).
    expect(shown(page, '#error')).toEqual(['订单不存在', '回首页']);
    await tap(page, '#error >>> #back');
    expect(lastCall('reLaunch')).toMatchObject({ url: '/pages/home/index' });
  });

  it('offers 去登录 to a caller who is not logged in, logs in and loads again', async () => {
    respond = (request) =>
      request.data?.action === 'login'
        ? { result: { ok: true, data: { isNew: false, nickname: '王奶奶', roles: [], placeNames: [] } } }
        : refused('UNAUTHENTICATED', '请先登录');
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'error');
    expect(shown(page, '#error')).toEqual(['请先登录', '去登录']);

    respond = (request) =>
      request.data?.action === 'login'
        ? { result: { ok: true, data: { isNew: false, nickname: '王奶奶', roles: [], placeNames: [] } } }
        : list(request, 2);
    await tap(page, '#error >>> #login');
    await waitFor(() => page!.data.status === 'ready');
    expect(requests.slice(-2).map((r) => `${r.name}.${r.data?.action}`)).toEqual([
      'account.login',
      'services.fixtureList',
    ]);
  });

  it('drops the answer of a load overtaken by a newer one', async () => {
    respond = (request) => list(request, 3);
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'ready');

    let releaseA!: () => void;
    const heldA = new Promise<void>((resolve) => (releaseA = resolve));
    respond = async (request) => {
      if (request.data?.tab === 'a') await heldA;
      return list(request, 3);
    };
    await tap(page, '#tab-a'); // slow
    await tap(page, '#tab-b'); // fast
    await waitFor(() => page!.data.status === 'ready' && page!.data.tab === 'b');
    releaseA();
    await waitFor(() => requests.filter((r) => r.data?.tab === 'a').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(items(page).map((r) => r.id)).toEqual(['b-0', 'b-1', 'b-2']);
  });

  it('keeps the list on screen when a quiet reload or more fails, and says so', async () => {
    respond = (request) => list(request, 30);
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'ready');

    respond = () => unreachable;
    const toasts = wxCalls('showToast').length;
    (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
    await waitFor(() => wxCalls('showToast').length === toasts + 1);
    expect(page.data.status).toBe('ready');
    expect(items(page)).toHaveLength(20);

    await tap(page, '#more >>> #more-button');
    await waitFor(() => wxCalls('showToast').length === toasts + 2);
    expect(lastCall('showToast')).toMatchObject({ title: '网络不太顺畅，请稍后再试' });
    expect(page.data).toMatchObject({ status: 'ready', loadingMore: false, next: 20 });
    expect(items(page)).toHaveLength(20);
  });

  it('draws a failure over data that has expired (a check-in code whose window turned)', async () => {
    respond = (request) => list(request, 2);
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'ready');
    respond = () => unreachable;
    const reload = (
      page.instance as unknown as {
        reload(query?: object, how?: { expired?: boolean }): Promise<boolean>;
      }
    ).reload.bind(page.instance);
    expect(await reload(undefined, { expired: true })).toBe(false);
    expect(page.data.status).toBe('error');
    expect(shown(page, '#error')).toEqual(['网络不太顺畅，请稍后再试', '再试一次']);
  });

  it('draws a refusal over the page when loading again finds it refused', async () => {
    respond = (request) => list(request, 2);
    page = await loadPage(FIXTURE);
    await waitFor(() => page!.data.status === 'ready');
    respond = () => refused('FORBIDDEN', '您的志愿者身份已由管理员解除，如有疑问请联系社区');
    await tap(page, '#tab-b');
    await waitFor(() => page!.data.status === 'error');
    // The message names who can help already: no second line.
    expect(shown(page, '#error')).toEqual(['您的志愿者身份已由管理员解除，如有疑问请联系社区', '回首页']);
  });
});

describe('pageError', () => {
  it('tells the kinds apart and offers retry only where it can work', () => {
    const kinds = (
      ['INTERNAL', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'UNAUTHENTICATED'] as const
    ).map((code) => [code, pageError({ code, message: 'x' })]);
    expect(
      kinds.map(([code, e]) => `${code}:${(e as { kind: string }).kind}:${(e as { retry: boolean }).retry}`),
    ).toEqual([
      'INTERNAL:failed:true',
      'CONFLICT:failed:true',
      'FORBIDDEN:refused:false',
      'NOT_FOUND:missing:false',
      'INVALID_INPUT:missing:false',
      'UNAUTHENTICATED:login:false',
    ]);
    expect(
      pageError({ code: 'FORBIDDEN', message: '您还不是工作人员。请街道管理员把您的机构设为运营机构。' })
        .help,
    ).toBe('');
    expect(pageError({ code: 'FORBIDDEN', message: 'x' }, '请找社区的李老师').help).toBe('请找社区的李老师');
  });
});
