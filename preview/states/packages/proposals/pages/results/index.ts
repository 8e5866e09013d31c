/** 投票结果 pictures: awaiting publication (the admin's check), published, and a resident before publication. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const round = (title: string) => (demo: PreviewDemo) => ({
  roundId: String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === title)?._id),
});

export const states: PreviewState[] = [
  { name: '待公布（管理员）', user: 'demo-admin-moling', query: round('秣陵街道·邻里微心愿 第一期') },
  { name: '已公布', user: 'demo-resident-wang', query: round('幸福禄口·微公益 2025 年第一期'), elder: true },
  { name: '核对中（居民）', user: 'demo-resident-li', query: round('秣陵街道·邻里微心愿 第一期') },
];
