/** 提案 list pictures: voting with the votes left, the screening queue, the funded ones of a closed round. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const round =
  (title: string, extra: Record<string, string> = {}) =>
  (demo: PreviewDemo) => ({
    roundId: String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === title)?._id),
    ...extra,
  });

export const states: PreviewState[] = [
  { name: '投票中', user: 'demo-resident-wang', query: round('幸福禄口·微公益 2026 年第二期') },
  {
    name: '预审队列',
    user: 'demo-admin-dongshan',
    query: round('东山社区·微公益 第一期', { status: 'submitted' }),
  },
  {
    name: '获得资助',
    user: 'demo-resident-li',
    query: round('幸福禄口·微公益 2025 年第一期', { status: 'funded' }),
  },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline', query: { roundId: 'x' } },
];
