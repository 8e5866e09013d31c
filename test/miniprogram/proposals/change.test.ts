/**
 * 提案详情 against the real proposals function: the author of a funded project asks to reduce its budget (a missing
 * reason is said and nothing is written), the request shows as waiting; the round's admin finds it on 本期 and
 * approves it on the proposal, which then says what went back to the round.
 */
import { input, loadPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';
import { insertResidents, roundInVoting, toWork } from '../../cloud/proposals/helpers';

const PROPOSAL = 'packages/proposals/pages/proposal/index';
const ROUND = 'packages/proposals/pages/round/index';
const WANG = 'demo-resident-wang';
const ADMIN = 'demo-admin-lukou';

let demo: DemoCloud;
let roundId: string;
let proposalId: string;

beforeAll(async () => {
  demo = await startPageCloud(WANG);
  const made = await roundInVoting(demo, [{ openid: WANG, title: '楼道读书角', budget: 3000 }]);
  roundId = made.roundId;
  proposalId = made.ids[0]!;
  const [voter] = insertResidents(demo, 'pg', 1);
  await demo.ok('proposals', voter!, 'vote', { roundId, proposalId });
  await toWork(demo, roundId, made.t0);
});
afterAll(() => demo.close());

const changes = () =>
  (demo.cloud.store.docs('proposal_rounds').find((r) => r._id === roundId)?.changes ?? []) as {
    status: string;
  }[];

async function open(openid: string, route: string, query: Record<string, string>) {
  switchUser(openid);
  const page = await loadPage(route, query);
  await waitFor(() => page.data.status !== 'loading');
  return page;
}

it('the author asks to reduce the budget; the admin approves from the round; the returned money is shown', async () => {
  const page = await open(WANG, PROPOSAL, { roundId, proposalId });
  expect({
    status: page.data.status,
    change: (page.data.v as { change?: unknown } | null)?.change,
  }).toMatchObject({
    status: 'ready',
    change: { canRequest: true },
  });
  await tap(page, '#ask-change');
  await tap(page, '#kind-reduce');
  await input(page, '#f-new-budget', '2000');
  await tap(page, '#send-change');
  expect(textOf(page, '#ask-error')).toContain('请写明理由');
  expect(changes()).toEqual([]);
  await input(page, '#f-reason', '书架是居民捐的，材料费省下了');
  await tap(page, '#send-change');
  await waitFor(() => changes().length === 1);
  await waitFor(() => textOf(page, '#change-latest') !== '');
  expect(textOf(page, '#change-latest')).toBe('预算缩减为 2000 元：等待管理员审批');
  expect((page.data.v as { change: { canRequest: boolean } }).change.canRequest).toBe(false);

  const round = await open(ADMIN, ROUND, { id: roundId });
  expect(textOf(round, '#change-0')).toContain('楼道读书角（预算缩减为 2000 元）');
  const admin = await open(ADMIN, PROPOSAL, { roundId, proposalId });
  await tap(admin, '#approve-change');
  await waitFor(() => changes()[0]?.status === 'approved');
  await waitFor(() => textOf(admin, '#change-returned') !== '');
  expect(textOf(admin, '#change-returned')).toBe('退回本期微公益：1,000 元');
  expect(textOf(admin, '#budget')).toBe('3,000 元');
});
