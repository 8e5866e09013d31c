/** 开启新一期 / 修改设置 pictures: a street admin opening a round, editing one still collecting, a locked one. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const round = (title: string) => (demo: PreviewDemo) => ({
  id: String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === title)?._id),
});

export const states: PreviewState[] = [
  { name: '开启新一期', user: 'demo-admin-lukou' },
  { name: '修改（征集中）', user: 'demo-admin-lukou', query: round('禄口社区·暖心微项目') },
  { name: '已锁定', user: 'demo-admin-lukou', query: round('幸福禄口·微公益 2026 年第二期') },
];
