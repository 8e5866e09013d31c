/** The public statistics: donations by Beijing month and item category, from rows the database grouped. */
import {
  ITEM_CATEGORIES,
  ITEM_CATEGORY_LABELS,
  type ItemCategory,
  type StatsCell,
  type StatsView,
} from '../contract';

/** One grouped row as the store's aggregation returns it. */
export interface StatsRow {
  month: string;
  itemCategory: ItemCategory;
  donations: number;
  delivered: number;
  units: number;
  value: number;
}

/** Shapes grouped rows into the view: every month × category present (zeros filled), plus totals. */
export function shapeStats(rows: readonly StatsRow[], months: readonly string[], donors: number): StatsView {
  const byKey = new Map(rows.map((r) => [`${r.month}|${r.itemCategory}`, r]));
  const cells: StatsCell[] = [];
  const used = ITEM_CATEGORIES.filter((c) => rows.some((r) => r.itemCategory === c));
  for (const month of months) {
    for (const c of used) {
      const r = byKey.get(`${month}|${c}`);
      cells.push({
        month,
        itemCategory: c,
        label: ITEM_CATEGORY_LABELS[c],
        donations: r?.donations ?? 0,
        delivered: r?.delivered ?? 0,
        units: r?.units ?? 0,
        value: r?.value ?? 0,
      });
    }
  }
  const sum = (k: 'donations' | 'delivered' | 'units' | 'value') => cells.reduce((s, c) => s + c[k], 0);
  return {
    months: [...months],
    cells,
    totals: {
      donations: sum('donations'),
      delivered: sum('delivered'),
      units: sum('units'),
      value: sum('value'),
      donors,
    },
  };
}
