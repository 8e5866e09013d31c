/** What recordProgress and recordSpending share: who may report on which project, and the idempotent insert. */
import type { ActionContext } from '../../common/action';
import { invalid } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import type { UserDoc } from '../../common/directory/users';
import { requireCanReport, type AccountEntry } from '../domain/accountability';
import { actorFor } from '../domain/eligibility';
import { accountEntries, statusRound } from '../domain/views';
import { compact, phaseState, REPORTS, type ReportDoc } from '../documents';
import { loadRound } from '../store';

/** Allowed clock difference for "when it happened" (a phone's clock may run a little fast). */
const SKEW_MS = 5 * 60_000;

/** A record's id: the reporter's key for this project. */
function reportId(byId: string, proposalId: string, key: string): string {
  return idempotentId(byId, `report:${proposalId}`, key);
}

/**
 * Checks the caller may report on the project now, and looks for a record already made under this key (a
 * retried tap). Returns the caller, the record's date and the earlier record if any. Round trips: 2.
 */
export async function reportContext(
  input: { roundId: string; proposalId: string; idempotencyKey: string; at?: Date },
  ctx: ActionContext,
): Promise<{ me: UserDoc; at: Date; earlier?: AccountEntry }> {
  const me = await ctx.caller();
  const { round, proposal, report } = await loadRound(input.roundId, {
    proposalId: input.proposalId,
    reportId: reportId(me._id, input.proposalId, input.idempotencyKey),
  });
  if (report) return { me, at: report.at, earlier: accountEntries([report])[0] };
  const actor = actorFor(me, round);
  const st = statusRound(round);
  requireCanReport(
    phaseState(round),
    Boolean(st.fundedIds?.includes(proposal!._id)),
    // An abandoned project's account is sealed like a completed one's.
    Boolean(st.completedIds?.includes(proposal!._id)) ||
      (round.changes ?? []).some(
        (c) => c.proposalId === proposal!._id && c.kind === 'abandon' && c.status === 'approved',
      ),
    { isAuthor: proposal!.authorId === me._id, isAdmin: actor.isAdmin },
    ctx.now,
  );
  const at = input.at ?? ctx.now;
  if (at.getTime() > ctx.now.getTime() + SKEW_MS)
    throw invalid('日期不能晚于今天', [{ path: 'at', message: 'in the future' }]);
  if (at.getTime() < round.schedule.votingUntil.getTime())
    throw invalid('日期不能早于本期投票结束', [{ path: 'at', message: 'before the project' }]);
  return { me, at };
}

/**
 * Inserts a record under the caller's idempotency key (a racing replay returns the first: common/idempotency).
 * Round trips: 1; 2 for a replay racing the first.
 */
export async function saveReport(
  byId: string,
  ref: { roundId: string; proposalId: string; idempotencyKey: string },
  fields: Omit<ReportDoc, '_id' | 'roundId' | 'proposalId' | 'by' | 'createdAt'>,
  now: Date,
): Promise<AccountEntry> {
  const doc: ReportDoc = compact({
    _id: reportId(byId, ref.proposalId, ref.idempotencyKey),
    roundId: ref.roundId,
    proposalId: ref.proposalId,
    ...fields,
    by: byId,
    createdAt: now,
  });
  return idempotentCreate({
    collection: REPORTS,
    build: () => doc,
    reply: (saved) => accountEntries([saved])[0]!,
  });
}
