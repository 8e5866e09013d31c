/**
 * 爱心积分月报 as a spreadsheet: one row per month with the page's figures (issued, spent, given, expired, held at
 * the month's end), newest first as on the page, with the period's totals on top. Pure.
 */
import type { Report } from '../../common/exports/report';
import type { Cell } from '../../common/exports/xlsx';
import { startOfMonth } from '../../../miniprogram/shared/calendar';
import type { PointsMonth, PointsReportView } from '../contract';

/** The columns, as the page's lines read. */
export const POINTS_COLUMNS = ['月份', '发放', '兑换', '赠出', '过期', '月末结余'] as const;

/** One month as a row. */
export function pointsRow(m: PointsMonth): Cell[] {
  return [m.monthText, m.issued, m.spent, m.given, m.expired, m.outstanding];
}

/** The report of a street's months (the view's months, newest first). */
export function pointsReportSheet(view: PointsReportView, streetName: string, madeAt: Date): Report {
  const sum = (f: (m: PointsMonth) => number) => view.months.reduce((n, m) => n + f(m), 0);
  const oldest = view.months[view.months.length - 1];
  return {
    what: '爱心积分月报',
    place: streetName,
    period: oldest ? { from: startOfMonth(oldest.month) } : {},
    madeAt,
    facts: [
      ['月数', view.months.length],
      ['合计发放', sum((m) => m.issued)],
      ['合计兑换', sum((m) => m.spent)],
      ['合计赠出', sum((m) => m.given)],
      ['合计过期', sum((m) => m.expired)],
      ['当前结余', view.months[0]?.outstanding ?? 0],
      ['说明', '积分由确认的志愿服务时长按街道规则发放；月末结余是大家手里还没用的积分'],
    ],
    columns: POINTS_COLUMNS,
    rows: view.months.map(pointsRow),
  };
}
