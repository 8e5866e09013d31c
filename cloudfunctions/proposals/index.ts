/** The `proposals` cloud function (微公益提案): rounds, proposals, screening, voting, results, public accounts. */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import accountability from './actions/accountability';
import confirmCompletion from './actions/confirmCompletion';
import createProposal from './actions/createProposal';
import createRound from './actions/createRound';
import decideChange from './actions/decideChange';
import deleteDraft from './actions/deleteDraft';
import getProposal from './actions/getProposal';
import getRound from './actions/getRound';
import listProposals from './actions/listProposals';
import listRounds from './actions/listRounds';
import myProposals from './actions/myProposals';
import pendingChanges from './actions/pendingChanges';
import publishResults from './actions/publishResults';
import recordProgress from './actions/recordProgress';
import recordSpending from './actions/recordSpending';
import requestChange from './actions/requestChange';
import screenProposal from './actions/screenProposal';
import submitProposal from './actions/submitProposal';
import updateProposal from './actions/updateProposal';
import updateRound from './actions/updateRound';
import vote from './actions/vote';
import withdrawProposal from './actions/withdrawProposal';
import withdrawVote from './actions/withdrawVote';
import type { ProposalAction } from './contract';
import { advancePhases } from './timers/advancePhases';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  createRound,
  updateRound,
  listRounds,
  getRound,
  createProposal,
  updateProposal,
  submitProposal,
  withdrawProposal,
  deleteDraft,
  listProposals,
  getProposal,
  myProposals,
  screenProposal,
  vote,
  withdrawVote,
  publishResults,
  recordProgress,
  recordSpending,
  confirmCompletion,
  accountability,
  requestChange,
  decideChange,
  pendingChanges,
} satisfies Record<ProposalAction, Action>;

export const main = createMain({ actions, timers: { advancePhases } });
