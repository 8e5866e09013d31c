/**
 * The `proposals` function's view types the subpackage's pages show (`import type` only), and where its pages
 * live. Calls go through `call` in lib/api.ts, which takes every input and result type from
 * cloudfunctions/manifest.ts.
 */
export type {
  AccountabilityView,
  AccountEntryView,
  BallotView,
  MyProposalItem,
  Phase,
  ProposalCard,
  ProposalDetail,
  ResultEntryView,
  ResultsView,
  RoundCard,
  RoundView,
  SavedProposal,
  ShownStatus,
  StatusFilter,
  VoteMode,
} from '../../../../cloudfunctions/proposals/contract';

/** Where the capability's pages live. */
export const PAGES = '/packages/proposals/pages';
