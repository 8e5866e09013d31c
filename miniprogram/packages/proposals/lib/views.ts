/**
 * Typed calls to the `proposals` function (微公益): inputs and replies come from its contract (`import type` only),
 * so a renamed field fails the mini program's type check instead of a page at run time.
 */
import type {
  AccountabilityView,
  AccountEntryView,
  BallotView,
  MyProposalItem,
  ProposalAction,
  ProposalCard,
  ProposalDetail,
  ProposalInput,
  ResultsView,
  RoundCard,
  RoundView,
  SavedProposal,
} from '../../../../cloudfunctions/proposals/contract';
import { call, type CloudReply } from '../../../lib/cloud';

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

/** A page of a list (20 items); `next` is the offset of the next page, or null at the end. */
export interface ListPage<T> {
  items: T[];
  next: number | null;
}

/** What each action returns. */
export interface ProposalResults {
  createRound: RoundCard & { version: number };
  updateRound: RoundCard & { version: number };
  listRounds: ListPage<RoundCard>;
  getRound: RoundView;
  createProposal: SavedProposal;
  updateProposal: SavedProposal;
  submitProposal: SavedProposal;
  withdrawProposal: SavedProposal;
  deleteDraft: { deleted: true };
  listProposals: ListPage<ProposalCard> & { sort: string; votesShown: boolean };
  getProposal: ProposalDetail;
  myProposals: ListPage<MyProposalItem>;
  screenProposal: SavedProposal;
  vote: { proposalId: string; voted: true; ballot: BallotView };
  withdrawVote: { proposalId: string; voted: false; ballot: BallotView };
  publishResults: ResultsView;
  recordProgress: AccountEntryView;
  recordSpending: AccountEntryView;
  confirmCompletion: { completed: true; roundClosed: boolean };
  accountability: AccountabilityView;
}

/** Calls `proposals.<action>` with its typed input; never rejects (see lib/cloud.ts). */
export function callProposals<A extends ProposalAction>(
  action: A,
  ...input: Record<string, never> extends ProposalInput<A> ? [ProposalInput<A>?] : [ProposalInput<A>]
): Promise<CloudReply<ProposalResults[A]>> {
  return call<ProposalResults[A]>('proposals', action, (input[0] ?? {}) as Record<string, unknown>);
}

/** Where the capability's pages live. */
export const PAGES = '/packages/proposals/pages';
