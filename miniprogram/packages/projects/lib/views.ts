/**
 * The `projects` function's view types the subpackage's pages show (`import type` only). Calls go through `call`
 * in lib/api.ts, which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  BidView,
  CallDetail,
  CallForm,
  CallListItem,
  ChecklistView,
  ComplaintView,
  DemandLineView,
  MyBidItem,
  MyPool,
  PoolEntryView,
  ReviewItem,
  ReviewSheet,
} from '../../../../cloudfunctions/projects/contract';

/** Yuan typed in a form → fen (NaN-safe: 0). */
export function fenOf(yuan: string): number {
  const n = Number(yuan);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 100) : 0;
}
