/**
 * The `charity` function's view types the subpackage's pages show (`import type` only). Calls go
 * through `call` in lib/api.ts, which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  DigestsView,
  DonationView,
  EventView,
  ItemCategory,
  NeedDetailView,
  NeedView,
  PointGoodsView,
  PointShopView,
  PublicProfile,
  RecipientCategory,
  RecipientDetailView,
  RecipientView,
  ReconciliationView,
  RedemptionView,
  StatsView,
  StepResult,
  SupermarketView,
  VerifyView,
} from '../../../../cloudfunctions/charity/contract';
