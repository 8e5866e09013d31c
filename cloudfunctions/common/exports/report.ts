/**
 * An admin's export as a sheet: a header block — what it is and for which place, the period in plain Chinese
 * dates, when it was made, then totals and sample sizes — a blank row, the column headers in Chinese and the
 * rows (numbers stay numbers). Pure: the calendar gives the dates in Beijing time.
 */
import { dayClockText, fullDayText } from '../../../miniprogram/shared/calendar';
import type { Cell, SheetRows } from './xlsx';

/** The period a report covers: `[from, to)`, or everything up to when it was made (`from` left out). */
export interface ReportPeriod {
  from?: Date;
  to?: Date;
}

/** One report, as the page shows it. */
export interface Report {
  /** What the rows are, e.g. `人员名单`, `机构满意度`. */
  what: string;
  /** For which place or organization, e.g. `禄口街道`. */
  place: string;
  period: ReportPeriod;
  /** When it was made (ctx.now). */
  madeAt: Date;
  /** Totals, sample sizes and filters, as label and value (a number stays a number). */
  facts: readonly (readonly [string, Cell])[];
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** `2026年5月1日至2026年5月31日`; `开通以来至2026年6月1日` without a start. */
export function periodText(period: ReportPeriod, madeAt: Date): string {
  // `to` is exclusive: the last day shown is the one before it.
  const last = period.to ? new Date(period.to.getTime() - 1) : madeAt;
  const start = period.from ? fullDayText(period.from) : '开通以来';
  return `${start}至${fullDayText(last)}`;
}

// A CJK character is about two Latin ones wide.
const widthOf = (v: Cell) => [...String(v ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** The report as one sheet's rows; the file name is `<what>_<place>_<date made>`. */
export function reportSheet(report: Report): SheetRows & { fileName: string } {
  const title = `${report.what}（${report.place}）`;
  const header: Cell[][] = [
    [title],
    ['统计时段', periodText(report.period, report.madeAt)],
    ['导出时间', dayClockText(report.madeAt)],
    ...report.facts.map(([label, value]) => [label, value]),
  ];
  const columnsAt = header.length + 1;
  const rows: Cell[][] = [...header, [], [...report.columns], ...report.rows.map((r) => [...r])];
  const widths = report.columns.map(
    (c, i) => Math.max(widthOf(c), ...report.rows.slice(0, 200).map((r) => widthOf(r[i] ?? null))) + 2,
  );
  // The header block's labels sit in the first column: keep them readable even when the table's is narrow.
  widths[0] = Math.max(widths[0] ?? 0, 10);
  return {
    name: report.what,
    rows,
    bold: [0, columnsAt],
    widths,
    fileName: `${report.what}_${report.place}_${fullDayText(report.madeAt)}`,
  };
}
