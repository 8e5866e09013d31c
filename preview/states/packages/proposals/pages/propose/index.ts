/** 提提案 pictures: a new proposal's first step, a draft taken up again, a resident who cannot take part. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const roundOf = (demo: PreviewDemo, title: string) =>
  String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === title)?._id);

export const states: PreviewState[] = [
  {
    name: '新提案',
    user: 'demo-resident-wang',
    query: (demo) => ({ roundId: roundOf(demo, '禄口社区·暖心微项目') }),
  },
  {
    name: '接着写草稿',
    user: 'demo-resident-zhang',
    query: (demo) => {
      const roundId = roundOf(demo, '禄口社区·暖心微项目');
      const draft = demo.cloud.store
        .docs('proposals')
        .find((p) => p.roundId === roundId && p.status === 'draft');
      return { roundId, proposalId: String(draft?._id) };
    },
  },
  {
    name: '不能参加',
    user: 'demo-resident-li',
    query: (demo) => ({ roundId: roundOf(demo, '禄口社区·暖心微项目') }),
  },
];
