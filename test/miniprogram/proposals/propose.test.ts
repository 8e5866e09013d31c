/**
 * 提提案 against the real proposals function: a resident goes through the four steps (each 下一步 saves the draft),
 * submits, and lands on the proposal; a step left blank sends them back to it with the missing parts marked and
 * nothing submitted; an edit of a submitted proposal keeps it submitted; a resident of another street is told
 * they cannot take part, and nothing is written.
 */
import { closePage, input, lastCall, loadPage, tap, waitFor, wxCalls } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';
import { makeRound } from '../../cloud/proposals/helpers';

const FORM = 'packages/proposals/pages/propose/index';
const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';

let demo: DemoCloud;
let roundId: string;

beforeAll(async () => {
  demo = await startPageCloud(WANG);
  roundId = (await makeRound(demo)).id;
});
afterAll(() => demo.close());

const proposals = () =>
  demo.cloud.store.docs('proposals').filter((p) => p.roundId === roundId) as unknown as {
    _id: string;
    authorId: string;
    status: string;
    title: string;
    budget: number;
    months?: number;
    budgetLines: { item: string; amount: number }[];
    coProposers: string[];
    photos: string[];
  }[];

async function open(openid: string, query: Record<string, string> = {}) {
  switchUser(openid);
  const page = await loadPage(FORM, { roundId, ...query });
  await waitFor(() => page.data.status !== 'loading');
  return page;
}

it('walks through the four steps, saving a draft at each, and submits', async () => {
  const page = await open(WANG);
  expect(textOf(page, '#rules')).toContain('每个提案 2,000 元—10,000 元');
  await input(page, '#title', '老楼楼道加装扶手');
  await input(page, '#summary', '给没有电梯的老楼装扶手，老人上下楼稳当些。');
  await tap(page, '#next');
  await waitFor(() => page.data.step === 1);
  // The first save made the draft.
  expect(proposals()).toEqual([expect.objectContaining({ status: 'draft', title: '老楼楼道加装扶手' })]);
  expect(textOf(page, '#saved')).toBe('草稿已保存');

  await input(page, '#details', '花园路 12 号三个单元一到六楼装不锈钢扶手，请物业师傅施工，两个月完成。');
  await input(page, '#months', '2');
  await input(page, '#who', '老楼住户，特别是高龄老人');
  await input(page, '#count', '90');
  await tap(page, '#next');
  await waitFor(() => page.data.step === 2);
  expect(proposals()[0]).toMatchObject({ months: 2 });

  await input(page, '#line-item-0', '不锈钢扶手材料');
  await input(page, '#line-amount-0', '2600');
  await tap(page, '#add-line');
  await input(page, '#line-item-1', '安装人工');
  await input(page, '#line-amount-1', '1400');
  expect(textOf(page, '#total')).toBe('合计 4,000 元');
  await tap(page, '#next');
  await waitFor(() => page.data.step === 3);
  expect(proposals()[0]).toMatchObject({
    budget: 4000,
    budgetLines: [
      { item: '不锈钢扶手材料', amount: 2600 },
      { item: '安装人工', amount: 1400 },
    ],
  });

  await tap(page, '#add-photo');
  await waitFor(() => page.data.photos.length === 1);
  await input(page, '#co', '李秀兰、赵建国');
  expect(textOf(page, '#finish')).toBe('提交提案');
  await tap(page, '#finish');
  await waitFor(() => wxCalls('redirectTo').length === 1);
  expect(wxCalls('requestSubscribeMessage')).toHaveLength(1);
  const [p] = proposals();
  expect(p).toMatchObject({ status: 'submitted', coProposers: ['李秀兰', '赵建国'] });
  expect(p!.photos).toHaveLength(1);
  expect(p!.photos[0]).toMatch(/^cloud:\/\//);
  expect(lastCall('redirectTo')).toMatchObject({
    url: `/packages/proposals/pages/proposal/index?roundId=${roundId}&proposalId=${p!._id}`,
  });
  await closePage(page);
});

it('sends the proposer back to a step left blank, marking what is missing, and submits nothing', async () => {
  const page = await open(ZHANG);
  await input(page, '#title', '四点半课堂读书角');
  await input(page, '#summary', '放学后孩子有个安静地方写作业。');
  await tap(page, '#next');
  await waitFor(() => page.data.step === 1);
  await tap(page, '#next'); // nothing filled in on "怎么做"
  await waitFor(() => page.data.step === 2);
  await input(page, '#line-item-0', '图书');
  await input(page, '#line-amount-0', '3000');
  await tap(page, '#next');
  await waitFor(() => page.data.step === 3);
  await tap(page, '#finish');
  await waitFor(() => page.data.step === 1);
  expect(textOf(page, '#banner')).toBe('还差一点：请把标红的地方补上再提交');
  expect(textOf(page, '#details-error')).toContain('写清楚怎么做');
  expect(textOf(page, '#beneficiaries-error')).toContain('服务对象');
  const mine = proposals().find((x) => x.title === '四点半课堂读书角')!;
  expect(mine.status).toBe('draft');
  await closePage(page);
});

it('edits a submitted proposal in place while collecting lasts: it stays submitted', async () => {
  const p = proposals().find((x) => x.title === '老楼楼道加装扶手')!;
  const page = await open(WANG, { proposalId: p._id });
  expect(page.data.title).toBe('老楼楼道加装扶手');
  await input(page, '#title', '老楼楼道加装不锈钢扶手');
  for (let step = 0; step < 3; step++) {
    await tap(page, '#next');
    await waitFor(() => page.data.step === step + 1);
  }
  expect(textOf(page, '#finish')).toBe('保存修改');
  await tap(page, '#finish');
  await waitFor(() => wxCalls('redirectTo').length === 2);
  expect(proposals().find((x) => x._id === p._id)).toMatchObject({
    status: 'submitted',
    title: '老楼楼道加装不锈钢扶手',
  });
  await closePage(page);
});

it('tells a resident of another street that they cannot take part, and writes nothing', async () => {
  const before = proposals().length;
  const page = await open('demo-resident-li');
  expect(page.data.status).toBe('error');
  expect(textOf(page, '#error')).toContain('只有禄口街道的居民可以参与这一期');
  expect(proposals()).toHaveLength(before);
  await closePage(page);
});
