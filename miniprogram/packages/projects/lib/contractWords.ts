/**
 * Words and numbers the contract pages share: money in yuan, the contract's status and standing, the parties, the
 * indicator sources in plain words (types from the function's contract, `import type` only).
 */
import type { ActionResult } from '../../../../cloudfunctions/manifest';

/** A contract as its page gets it. */
export type ContractDetail = ActionResult<'projects', 'contractDetail'>;
/** A contract in the list. */
export type ContractListItem = ActionResult<'projects', 'contractList'>['items'][number];
/** The street's dashboard. */
export type DashboardReply = ActionResult<'projects', 'dashboard'>;
/** An organization's credit. */
export type CreditReply = ActionResult<'projects', 'orgCredit'>;

/** 18 万元, 5,400 元, 12.5 元. */
export function yuanText(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000) return `${Math.round(yuan / 100) / 100} 万元`;
  return `${yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
}

export const STATUS_TEXT: Record<ContractListItem['status'], string> = {
  signing: '签署中',
  active: '履约中',
  completed: '已结项',
  terminated: '已终止',
};

export const STANDING_TEXT: Record<string, string> = {
  on_track: '进度正常',
  at_risk: '进度滞后',
  late: '逾期未完成',
  signing: '签署中',
};

export const PARTY_TEXT: Record<'buyer' | 'provider' | 'supervisor', string> = {
  buyer: '购买方',
  provider: '承接方',
  supervisor: '监管方',
};

export const SOURCE_TEXT: Record<string, string> = {
  'services.ordersCompleted': '按完成的服务订单统计',
  'services.satisfaction': '按回访评价统计（4 星及以上为满意）',
  'volunteering.recruits': '按志愿活动报名人数统计',
  'volunteering.hours': '按核实的志愿服务时长统计',
  'charity.donationsDelivered': '按送达受助人的爱心物资统计',
  'proposals.funded': '按立项的微公益项目统计',
  report: '由承接机构每月报送',
};

export const STAGE_TEXT = { mid: '中期评估', final: '终期评估' } as const;

/** A percentage bar's width (0–100) from a 0–1 share. */
export const barWidth = (share: number) => Math.max(0, Math.min(100, Math.round(share * 100)));

/** The budget lines against their spending, as bars (the contract page and the spending page). */
export function budgetRows(budget: ContractDetail['budget']) {
  return budget.map((b) => ({
    key: b.lineKey,
    label: b.label,
    figure: `已用 ${yuanText(b.spentFen)} / 预算 ${yuanText(b.budgetFen)}`,
    width: barWidth(b.budgetFen === 0 ? 0 : b.spentFen / b.budgetFen),
    over: b.spentFen > b.budgetFen,
  }));
}
