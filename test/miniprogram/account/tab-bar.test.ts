/** The custom tab bar: tabs from app.json, the current tab, switching, elder mode. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setElderMode } from '../../../miniprogram/lib/elder-mode';
import { domByClass, lastCall, loadPage, type LoadedPage, tap } from '../../../simulator/page';
import { textsOf } from '../../../simulator/text';

const TAB_BAR = 'custom-tab-bar/index';
const appJson = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../miniprogram/app.json'), 'utf8'),
) as { tabBar: { custom: boolean; list: { pagePath: string; text: string }[] } };

let bar: LoadedPage;
beforeAll(async () => {
  bar = await loadPage(TAB_BAR);
});
afterAll(() => setElderMode(false));

type TabBar = { select(route: string): void };

it('is the custom tab bar and shows exactly the tabs app.json lists, in order', () => {
  expect(appJson.tabBar.custom).toBe(true);
  expect(textsOf(bar, '.tab')).toEqual(appJson.tabBar.list.map((t) => t.text));
  expect(bar.data.tabs).toEqual(
    appJson.tabBar.list.map((t) => expect.objectContaining({ pagePath: t.pagePath, text: t.text })),
  );
});

it('marks the tab of the page on screen', async () => {
  (bar.instance as unknown as TabBar).select('pages/mine/index');
  await Promise.resolve();
  const checked = domByClass(bar, 't-tab-bar-item__content--checked');
  expect(checked).toHaveLength(1);
  expect(checked[0].textContent?.trim()).toBe('我的');
});

it('switches tab when another one is tapped', async () => {
  await tap(bar, '#tab-home', '[class*="t-tab-bar-item__content"]');
  expect(lastCall('switchTab')).toEqual({ url: '/pages/home/index' });
});

it('follows elder mode', () => {
  expect(domByClass(bar, 'elder')).toHaveLength(0);
  setElderMode(true);
  expect(domByClass(bar, 'elder')).toEqual(domByClass(bar, 'tab-bar'));
});
