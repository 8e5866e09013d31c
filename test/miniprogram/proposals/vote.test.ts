/**
 * 投票 against the real proposals function: a resident sees the proposals of a round in voting, opens one,
 * 投一票支持 and sees the votes they have left; the list marks what they support; taking a vote back asks first;
 * with the votes used up, another vote is refused in plain words and nothing is written; a resident of another
 * street sees why they cannot vote and no button.
 */
import { closePage, fire, loadPage, setModalConfirm, tap, waitFor, wxCalls } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';
import { roundInVoting } from '../../cloud/proposals/helpers';

const P = 'packages/proposals/pages';
const WANG = 'demo-resident-wang';

let demo: DemoCloud;
let roundId: string;
let ids: string[];

beforeAll(async () => {
  demo = await startPageCloud(WANG);
  ({ roundId, ids } = await roundInVoting(
    demo,
    [
      { openid: 'demo-resident-zhang', title: '村巷卡通指示牌' },
      { openid: 'demo-staff-xinyuan-1', title: '妇女瑜伽班' },
      { openid: 'demo-staff-xinyuan-2', title: '老人智能手机课' },
    ],
    { approvalLimit: 2 },
  ));
});
afterAll(() => demo.close());

const ballot = () =>
  demo.cloud.store.docs('proposal_ballots').find((b) => b.roundId === roundId) as
    { proposalIds: string[]; count: number } | undefined;

async function openProposal(openid: string, proposalId: string) {
  switchUser(openid);
  const page = await loadPage(`${P}/proposal/index`, { roundId, proposalId });
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('votes with one tap and shows the votes left', async () => {
  const page = await openProposal(WANG, ids[0]!);
  expect(textOf(page, '#title')).toBe('村巷卡通指示牌');
  expect(textOf(page, '#quota')).toBe('您还能投 2 票（共 2 票）');
  expect(textOf(page, '#vote-button')).toBe('投一票支持');
  await tap(page, '#vote-button');
  await waitFor(() => page.data.v.voted);
  expect(textOf(page, '#voted')).toBe('您已支持这个提案');
  expect(textOf(page, '#quota')).toBe('您还能投 1 票（共 2 票）');
  expect(textOf(page, '#votes')).toBe('1 票');
  expect(page.querySelector('#vote-button')).toBeUndefined();
  expect(ballot()).toMatchObject({ proposalIds: [ids[0]], count: 1 });
  await closePage(page);
});

it('lists the round with the votes left and marks what the voter supports', async () => {
  switchUser(WANG);
  const page = await loadPage(`${P}/proposals/index`, { roundId });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#quota')).toBe('您还能投 1 票（共 2 票）');
  expect(page.data.items).toHaveLength(3);
  const supported = page.data.items.findIndex((c: { id: string }) => c.id === ids[0]);
  expect(textOf(page, `#voted-${supported}`)).toBe('我已投');
  expect(textOf(page, `#votes-${supported}`)).toBe('1 票');
  // Most voted first.
  await fire(page, '#sort', 'change', { value: 'votes' });
  await waitFor(() => page.data.status === 'ready' && page.data.sort === 'votes');
  expect(page.data.items[0].id).toBe(ids[0]);
  await closePage(page);
});

it('takes a vote back only after the voter confirms', async () => {
  const page = await openProposal(WANG, ids[0]!);
  setModalConfirm(false);
  await tap(page, '#unvote-button');
  expect(ballot()).toMatchObject({ count: 1 });
  setModalConfirm(true);
  await tap(page, '#unvote-button');
  await waitFor(() => !page.data.v.voted);
  expect(ballot()).toMatchObject({ proposalIds: [], count: 0 });
  expect(textOf(page, '#quota')).toBe('您还能投 2 票（共 2 票）');
  await closePage(page);
});

it('refuses a vote beyond the quota in plain words and writes nothing', async () => {
  await demo.ok('proposals', WANG, 'vote', { roundId, proposalId: ids[0] });
  await demo.ok('proposals', WANG, 'vote', { roundId, proposalId: ids[1] });
  const page = await openProposal(WANG, ids[2]!);
  expect(textOf(page, '#quota')).toBe('您的 2 票已经投完了');
  // The button still shows (a vote may be taken back elsewhere first); the function refuses.
  const before = JSON.stringify(ballot());
  const modals = wxCalls('showModal').length;
  await tap(page, '#vote-button');
  await waitFor(() => wxCalls('showModal').length === modals + 1);
  expect(wxCalls('showModal').at(-1)).toMatchObject({
    args: expect.objectContaining({ content: expect.stringContaining('每人最多支持 2 个提案') }),
  });
  expect(JSON.stringify(ballot())).toBe(before);
  await closePage(page);
});

it('shows a resident of another street why they cannot vote, and no button', async () => {
  const page = await openProposal('demo-resident-li', ids[0]!);
  expect(page.querySelector('#vote-button')).toBeUndefined();
  expect(textOf(page, '#vote-block')).toBe('只有禄口街道的居民可以参与这一期');
  await closePage(page);
});

it('opens the round from a link naming it id or roundId, with the votes left and the way to vote', async () => {
  switchUser(WANG);
  for (const query of [{ id: roundId }, { roundId }] as Record<string, string>[]) {
    const page = await loadPage(`${P}/round/index`, query);
    await waitFor(() => page.data.status === 'ready');
    expect(textOf(page, '#phase')).toBe('居民投票');
    expect(textOf(page, '#primary')).toBe('去投票');
    await closePage(page);
  }
});
