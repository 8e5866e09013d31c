/**
 * 提案详情 pictures: voting, screening by an admin, a funded project, its author's request to reduce it awaiting
 * the admin's decision, a draft of one's own.
 */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

const proposal = (roundTitle: string, title: string) => (demo: PreviewDemo) => {
  const roundId = String(demo.cloud.store.docs('proposal_rounds').find((r) => r.title === roundTitle)?._id);
  const proposalId = String(
    demo.cloud.store.docs('proposals').find((p) => p.roundId === roundId && p.title === title)?._id,
  );
  return { roundId, proposalId };
};

export const states: PreviewState[] = [
  {
    name: '可以投票',
    user: 'demo-resident-wang',
    query: proposal('幸福禄口·微公益 2026 年第二期', '高血压健康小屋'),
  },
  {
    name: '管理员预审',
    user: 'demo-admin-dongshan',
    query: proposal('东山社区·微公益 第一期', '老年书法班'),
  },
  {
    name: '获得资助（实施中）',
    user: 'demo-resident-wang',
    query: proposal('幸福禄口·微公益 2026 年第一期', '老楼楼道加装扶手'),
  },
  {
    name: '管理员审批缩减预算',
    user: 'demo-admin-lukou',
    setup: async (demo) => {
      await demo.ok('proposals', 'demo-resident-wang', 'requestChange', {
        ...proposal('幸福禄口·微公益 2026 年第一期', '老楼楼道加装扶手')(demo),
        idempotencyKey: 'preview-change-rails',
        kind: 'reduce',
        budget: 3200,
        reason: '物业师傅免费安装，人工费用不到原来那么多',
      });
    },
    query: proposal('幸福禄口·微公益 2026 年第一期', '老楼楼道加装扶手'),
    elder: true,
  },
  {
    name: '我的草稿',
    user: 'demo-resident-zhang',
    query: proposal('禄口社区·暖心微项目', '四点半课堂读书角'),
  },
  {
    name: '未通过',
    user: 'demo-resident-li',
    query: proposal('幸福禄口·微公益 2025 年第一期', '广场舞大音响'),
  },
];
