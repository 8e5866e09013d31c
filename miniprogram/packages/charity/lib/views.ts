/**
 * Typed calls to the `charity` function: inputs and replies come from its contract (`import type` only), so a
 * renamed field fails the mini program's type check instead of a page at run time.
 */
import type {
  CharityAction,
  CharityInput,
  DigestsView,
  DonationView,
  NeedDetailView,
  NeedView,
  RecipientDetailView,
  RecipientView,
  ReconciliationView,
  StatsView,
  StepResult,
  SupermarketView,
  VerifyView,
} from '../../../../cloudfunctions/charity/contract';
import { call, type CloudReply } from '../../../lib/cloud';

export type {
  DigestsView,
  DonationView,
  EventView,
  ItemCategory,
  NeedDetailView,
  NeedView,
  PublicProfile,
  RecipientCategory,
  RecipientDetailView,
  RecipientView,
  ReconciliationView,
  StatsView,
  StepResult,
  SupermarketView,
  VerifyView,
} from '../../../../cloudfunctions/charity/contract';

/** A page of a list (20 items); `next` is the offset of the next page, or null at the end. */
export interface ListPage<T> {
  items: T[];
  next: number | null;
}

/** What each action returns. */
export interface CharityResults {
  supermarkets: SupermarketView[];
  needs: ListPage<NeedView>;
  need: NeedDetailView;
  ledger: ListPage<DonationView>;
  stats: StatsView;
  digests: DigestsView;
  donation: DonationView;
  verify: VerifyView;
  claim: DonationView;
  pledgeToStock: DonationView;
  cancelPledge: DonationView;
  myDonations: ListPage<DonationView>;
  myReceipts: ListPage<DonationView>;
  confirm: StepResult;
  thank: StepResult;
  lookupCode: DonationView;
  receive: StepResult;
  allocate: StepResult;
  dispatch: StepResult;
  staffQueue: ListPage<DonationView>;
  recordStocktake: { id: string; at: string; items: number };
  reconciliation: ReconciliationView;
  setSupermarket: SupermarketView;
  registerRecipient: RecipientView;
  updateRecipient: RecipientView;
  recipients: ListPage<RecipientView>;
  recipientDetail: RecipientDetailView;
  postNeed: NeedView;
  closeNeed: NeedView;
  adminNeeds: ListPage<NeedView>;
}

/** Calls `charity.<action>` with its typed input; never rejects (see lib/cloud.ts). */
export function callCharity<A extends CharityAction>(
  action: A,
  ...input: Record<string, never> extends CharityInput<A> ? [CharityInput<A>?] : [CharityInput<A>]
): Promise<CloudReply<CharityResults[A]>> {
  return call<CharityResults[A]>('charity', action, input[0] ?? {});
}
