/**
 * 机构满意度 as a spreadsheet: one row per organization with the page's figures (rates as percentages, numbers
 * that stay numbers), and the page's summary — period, totals, the sample the rates come from — on top. Pure.
 */
import type { Report } from '../../common/exports/report';
import type { Cell } from '../../common/exports/xlsx';
import type { ProviderStat } from '../contract';

const percent = (r: number | null): Cell => (r === null ? null : Math.round(r * 1000) / 10);

/** The columns, in the order of the page's figures. */
export const STATS_COLUMNS = [
  '服务机构',
  '完成服务（次）',
  '回访（份）',
  '平均评分（星）',
  '满意率（%）',
  '投诉率（%）',
  '进行中',
  '待跟进',
] as const;

/** One organization as a row. */
export function statRow(s: ProviderStat): Cell[] {
  return [
    s.orgName,
    s.completed,
    s.surveyed,
    s.avgRating,
    percent(s.satisfaction),
    percent(s.complaintRate),
    s.open,
    s.escalated,
  ];
}

/** The report of the organizations in `place`. */
export function statsReport(stats: readonly ProviderStat[], place: string, madeAt: Date): Report {
  const sum = (f: (s: ProviderStat) => number) => stats.reduce((n, s) => n + f(s), 0);
  return {
    what: '机构满意度',
    place,
    period: {},
    madeAt,
    facts: [
      ['统计范围', '开通以来的全部订单'],
      ['服务机构（家）', stats.length],
      ['合计完成服务（次）', sum((s) => s.completed)],
      ['回访样本（份）', sum((s) => s.surveyed)],
      ['说明', '平均评分、满意率（4–5 星）和投诉率按回访计算；没有回访的机构留空'],
    ],
    columns: STATS_COLUMNS,
    rows: stats.map(statRow),
  };
}
