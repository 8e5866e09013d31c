/**
 * What the call editor offers (pure data): the indicators an admin picks from — each bound to a source the system
 * already records where one exists — and the default payment terms and score sheet (江宁's 30/40/30 and the
 * 专家评分表's four headings).
 */
import type { ActionInput } from '../../../lib/api';

type CallInput = ActionInput<'projects', 'publishCall'>;
type Template = CallInput['indicatorTemplates'][number];

/** Indicators to choose from. */
export const INDICATOR_CHOICES: Template[] = [
  {
    key: 'orders',
    label: '完成服务订单',
    kind: 'quantity',
    source: { kind: 'services.ordersCompleted' },
    unit: '单',
    minTarget: 100,
  },
  {
    key: 'satisfaction',
    label: '回访满意度',
    kind: 'quality',
    source: { kind: 'services.satisfaction' },
    unit: '%',
    minTarget: 90,
  },
  {
    key: 'hours',
    label: '志愿服务时长',
    kind: 'quantity',
    source: { kind: 'volunteering.hours' },
    unit: '小时',
    minTarget: 200,
  },
  {
    key: 'recruits',
    label: '招募志愿者',
    kind: 'quantity',
    source: { kind: 'volunteering.recruits' },
    unit: '人',
    minTarget: 30,
  },
  {
    key: 'donations',
    label: '送达捐赠物品',
    kind: 'quantity',
    source: { kind: 'charity.donationsDelivered' },
    unit: '件',
    minTarget: 50,
  },
  {
    key: 'funded',
    label: '孵化微公益项目',
    kind: 'quantity',
    source: { kind: 'proposals.funded' },
    unit: '个',
    minTarget: 3,
  },
  {
    key: 'sessions',
    label: '开展活动场次（机构填报）',
    kind: 'quantity',
    source: { kind: 'report' },
    unit: '场',
    minTarget: 12,
  },
];

/** 30 % on signing, 40 % at mid-term ≥ 合格, 30 % at final ≥ 合格. */
export const DEFAULT_TERMS: CallInput['paymentTerms'] = [
  { key: 'sign', label: '签约后首付', percent: 30, condition: { kind: 'signed' } },
  {
    key: 'mid',
    label: '中期评估后',
    percent: 40,
    condition: { kind: 'evaluation', stage: 'mid', minGrade: '合格' },
  },
  {
    key: 'final',
    label: '终期评估后',
    percent: 30,
    condition: { kind: 'evaluation', stage: 'final', minGrade: '合格' },
  },
];

/** The score sheet's headings and weights. */
export const DEFAULT_SHEET: CallInput['scoreSheet'] = [
  { key: 'need', label: '需求契合度', weight: 25, max: 10 },
  { key: 'plan', label: '方案可行性', weight: 35, max: 10 },
  { key: 'team', label: '团队能力', weight: 20, max: 10 },
  { key: 'budget', label: '预算合理性', weight: 20, max: 10 },
];
