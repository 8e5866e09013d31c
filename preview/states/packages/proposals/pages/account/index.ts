/** 项目进展和账目 pictures: a round's projects, one project's timeline (as anyone, as its admin), a closed round. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const roundOf = (demo: PreviewDemo, title: string) =>
  String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === title)?._id);
const project = (roundTitle: string, title: string) => (demo: PreviewDemo) => {
  const roundId = roundOf(demo, roundTitle);
  const p = demo.cloud.store.docs('proposals').find((x) => x.roundId === roundId && x.title === title);
  return { roundId, proposalId: String(p?._id) };
};

export const states: PreviewState[] = [
  {
    name: '实施中的项目',
    user: 'demo-resident-li',
    query: (demo) => ({ roundId: roundOf(demo, '幸福禄口·微公益 2026 年第一期') }),
  },
  {
    name: '一个项目（居民）',
    user: 'demo-resident-chen',
    query: project('幸福禄口·微公益 2026 年第一期', '妇女健康瑜伽班'),
  },
  {
    name: '一个项目（管理员）',
    user: 'demo-admin-lukou',
    query: project('幸福禄口·微公益 2026 年第一期', '老楼楼道加装扶手'),
  },
  {
    name: '已结项',
    user: 'demo-resident-wang',
    query: project('幸福禄口·微公益 2025 年第一期', '儿童安全小课堂'),
    elder: true,
  },
];
