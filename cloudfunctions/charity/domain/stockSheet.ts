/**
 * 库存与对账 as a spreadsheet: one row per item with the page's figures (received, delivered, expected on hand,
 * on the shelf by status, the last count and when), the flags in the page's words, and the totals, the verdict
 * and how many donations' records disagree on top. Pure.
 */
import type { Report } from '../../common/exports/report';
import type { Cell } from '../../common/exports/xlsx';
import { dayClockText } from '../../../miniprogram/shared/calendar';
import { STOCK_FLAG_NAMES } from '../../../miniprogram/shared/choices';
import type { ReconciliationView, StockLine } from '../contract';

/** The columns, in the order of the page's card. */
export const STOCK_COLUMNS = [
  '物品',
  '单位',
  '收到',
  '送出',
  '库存（账面）',
  '按状态在架',
  '盘点数',
  '盘点时间',
  '对不上的地方',
] as const;

/** One item as a row (a count not yet taken is an empty cell). */
export function stockRow(l: StockLine): Cell[] {
  return [
    l.item,
    l.unit,
    l.received,
    l.delivered,
    l.expected,
    l.onShelf,
    l.counted ?? null,
    l.countedAt ? dayClockText(l.countedAt) : '未盘点',
    l.flags.map((f) => STOCK_FLAG_NAMES[f]).join('，'),
  ];
}

/** The report of one supermarket's reconciliation. */
export function stockReport(view: ReconciliationView, supermarketName: string, madeAt: Date): Report {
  const sum = (f: (l: StockLine) => number) => view.lines.reduce((n, l) => n + f(l), 0);
  return {
    what: '库存与对账',
    place: supermarketName,
    period: {},
    madeAt,
    facts: [
      ['对账结果', view.balanced ? '账实相符' : '有对不上的地方'],
      ['物品种类', view.lines.length],
      ['合计收到', sum((l) => l.received)],
      ['合计送出', sum((l) => l.delivered)],
      ['合计库存（账面）', sum((l) => l.expected)],
      ['对不上的物品', view.lines.filter((l) => l.flags.length > 0).length],
      ['记录对不上的捐赠', view.flaggedDonations.length],
    ],
    columns: STOCK_COLUMNS,
    rows: view.lines.map(stockRow),
  };
}
