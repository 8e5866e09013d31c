/**
 * 家人绑定 against the real account function: an elder shows a code, a relative types it and asks, the elder
 * confirms, and either side unlinks — each step checked in the stored links.
 */
import {
  closePage,
  input,
  loadPage,
  type LoadedPage,
  setModalConfirm,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const FAMILY = 'packages/account/pages/family/index';
const ELDER = 'demo-resident-li';
const RELATIVE = 'demo-resident-chen';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(ELDER);
});
afterAll(() => demo.close());

const userId = (openid: string): string =>
  String(demo.cloud.store.docs('users').find((u) => u.openid === openid)?._id);
const linksBetween = (elder: string, relative: string) =>
  demo.cloud.store
    .docs('family_links')
    .filter((l) => l.elderId === userId(elder) && l.relativeId === userId(relative));

async function openFamily(openid: string): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(FAMILY);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

let code = '';

it('shows the elder a 6-digit code with the time it runs out', async () => {
  const page = await openFamily(ELDER);
  expect(textOf(page, '#no-links')).toBe('还没有绑定家人');
  await tap(page, '#create-code');
  await waitFor(() => page.data.myCode !== '');
  code = textOf(page, '#code');
  expect(code).toMatch(/^\d{6}$/);
  expect(textOf(page, '#my-code')).toMatch(/\d{2}:\d{2} 前有效/);
  await closePage(page);
});

it('tells a relative plainly when the code is wrong, and asks nothing', async () => {
  const page = await openFamily(RELATIVE);
  const wrong = code === '000000' ? '111111' : '000000';
  await input(page, '#code-input', wrong);
  await tap(page, '.relations__tag');
  expect(page.data.relation).toBe('子女');
  await tap(page, '#ask-button');
  await waitFor(() => !page.data.sending);
  expect(textOf(page, '#code-input')).toContain('绑定码不对或已过期');
  expect(linksBetween(ELDER, RELATIVE)).toHaveLength(0);
  await closePage(page);
});

it('lets the relative ask with the code, then shows the request as waiting', async () => {
  const page = await openFamily(RELATIVE);
  await input(page, '#code-input', code);
  await input(page, '#relation-input', '侄女');
  await tap(page, '#ask-button');
  await waitFor(() => page.data.outgoing.length === 1);
  expect(textOf(page, '#outgoing')).toContain('李爷爷');
  expect(linksBetween(ELDER, RELATIVE)).toEqual([
    expect.objectContaining({ status: 'pending', relation: '侄女' }),
  ]);
  await closePage(page);
});

it('lets the elder confirm, and the link becomes active', async () => {
  const page = await openFamily(ELDER);
  expect(textOf(page, '#incoming')).toContain('陈芳');
  expect(textOf(page, '#incoming')).toContain('想绑定您');
  await tap(page, '#accept-0');
  await waitFor(() => page.data.active.length === 1);
  expect(page.querySelector('#incoming')).toBeUndefined();
  expect(textOf(page, '#active')).toContain('陈芳');
  expect(linksBetween(ELDER, RELATIVE)).toEqual([expect.objectContaining({ status: 'active' })]);
  await closePage(page);
});

it('unlinks only after the user confirms', async () => {
  const page = await openFamily(ELDER);
  setModalConfirm(false);
  await tap(page, '#unlink-0');
  expect(linksBetween(ELDER, RELATIVE)).toEqual([expect.objectContaining({ status: 'active' })]);

  setModalConfirm(true);
  await tap(page, '#unlink-0');
  await waitFor(() => page.data.active.length === 0);
  expect(textOf(page, '#no-links')).toBe('还没有绑定家人');
  expect(linksBetween(ELDER, RELATIVE)).toEqual([expect.objectContaining({ status: 'revoked' })]);
  await closePage(page);
});
