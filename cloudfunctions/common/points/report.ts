/** A street's monthly points report from the ledger's sums (pure). */
import { monthText } from '../../../miniprogram/shared/calendar';
import type { EntryKind } from './documents';

/** The sum of one kind's deltas in one month. */
export interface KindSum {
  month: string;
  kind: EntryKind;
  total: number;
}

/** A month of the report. */
export interface MonthFigures {
  month: string;
  monthText: string;
  issued: number;
  spent: number;
  given: number;
  expired: number;
  outstanding: number;
}

/**
 * The months' figures, newest first. Issued: earned and adjusted (a compensation for hours taken back counts
 * against it); spent: spends net of refunds; given: gifts out net of gifts in (zero when both sides are in the
 * street); outstanding: everything held at the month's end, from `before` (the sum of all deltas before the first
 * month).
 */
export function monthlyReport(
  sums: readonly KindSum[],
  months: readonly string[],
  before: number,
): MonthFigures[] {
  let held = before;
  const out: MonthFigures[] = [];
  for (const month of months) {
    const of = (...kinds: EntryKind[]) =>
      sums.filter((s) => s.month === month && kinds.includes(s.kind)).reduce((n, s) => n + s.total, 0);
    const all = sums.filter((s) => s.month === month).reduce((n, s) => n + s.total, 0);
    held += all;
    out.push({
      month,
      monthText: monthText(month),
      issued: of('earn', 'adjust'),
      spent: -of('spend', 'refund'),
      given: -of('give', 'receive'),
      expired: -of('expire'),
      outstanding: held,
    });
  }
  return out.reverse();
}
