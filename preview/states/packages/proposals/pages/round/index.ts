/** 这一期 pictures: a round in each phase as the person it matters to. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const round = (title: string) => (demo: PreviewDemo) => ({
  id: String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === title)?._id),
});

export const states: PreviewState[] = [
  { name: '投票中', user: 'demo-resident-wang', query: round('幸福禄口·微公益 2026 年第二期') },
  { name: '征集中', user: 'demo-resident-zhang', query: round('禄口社区·暖心微项目') },
  { name: '预审（管理员）', user: 'demo-admin-dongshan', query: round('东山社区·微公益 第一期') },
  { name: '待公布（管理员）', user: 'demo-admin-moling', query: round('秣陵街道·邻里微心愿 第一期') },
  { name: '实施中', user: 'demo-resident-zhang', query: round('幸福禄口·微公益 2026 年第一期') },
  { name: '已结项', user: 'demo-resident-li', query: round('幸福禄口·微公益 2025 年第一期'), elder: true },
  { name: '即将开始', user: 'demo-volunteer-zhao', query: round('殷巷社区·微公益 第一期') },
];
