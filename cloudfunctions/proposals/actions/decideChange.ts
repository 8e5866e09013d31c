/**
 * decideChange — an admin of the round's place approves or refuses an author's request to abandon or reduce a
 * funded project. Approval gives the unspent budget back to the round (domain/changes: reduce → old − new budget;
 * abandon → budget − spent, the account sealed); abandoning the last open project closes the round. The decision
 * is one update of the round conditional on the version read and the request still pending, so two admins
 * approving at once return the money once (the other gets the same reply, nothing written). The proposer and,
 * on approval, everyone who voted for the project are told.
 * Input: { roundId, proposalId, changeId, decision: approve|refuse, note }. Result: ChangeView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the place), NOT_FOUND (round, proposal,
 * request), CONFLICT (decided the other way; spending now above a reduced budget), CONTENT_REJECTED.
 * Round trips: 3 (round with the caller, the proposal, its records and its supporters' message addresses;
 * conditional update; the messages kept in the message centre, one write); 2 more per lost race.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { proposalInputs, type ChangeView } from '../contract';
import { projectSums } from '../domain/accountability';
import { approvalEffect, changeLabel, type ChangeDoc } from '../domain/changes';
import { accountEntries } from '../domain/views';
import { awardState, ROUNDS, type RoundDoc } from '../documents';
import { tellProposer, tellSupporters } from '../notices';
import { awarded, changeView, projectChange } from '../steps/changes';
import { loadRoundForCaller } from '../store';

/** Whether every funded project is now completed or abandoned. */
function allEnded(round: RoundDoc, changes: readonly ChangeDoc[]): boolean {
  const { fundedIds, completedIds } = awardState(round);
  const abandoned = changes
    .filter((c) => c.kind === 'abandon' && c.status === 'approved')
    .map((c) => c.proposalId);
  return fundedIds.every((id) => completedIds.includes(id) || abandoned.includes(id));
}

/** The proposer is told the decision; on approval, so is everyone who voted for the project. */
async function tellAbout(
  round: RoundDoc,
  asked: ChangeDoc,
  d: { approved: boolean; note: string },
  /** The supporters' openids (read with the round). */
  supporters: readonly string[],
  title: string,
): Promise<void> {
  const ref = { roundId: round._id, _id: asked.proposalId, title };
  const author = round.results?.authors.find((a) => a.proposalId === asked.proposalId);
  const toSupporters = d.approved && supporters.length > 0;
  // Told together, so their messages are kept in one write (common/notify).
  await Promise.all([
    author
      ? tellProposer(
          { ...ref, authorOpenid: author.authorOpenid },
          'PROPOSAL_CHANGE_DECIDED',
          d.approved ? '已同意' : '未同意',
          `${changeLabel(asked)}${d.note ? `：${d.note}` : ''}`,
        )
      : Promise.resolve(false),
    toSupporters
      ? tellSupporters(
          supporters,
          ref,
          asked.kind === 'abandon' ? '项目终止' : '预算缩减',
          changeLabel(asked),
        )
      : Promise.resolve(0),
  ]);
}

export default action({
  input: proposalInputs.decideChange,
  async run(input, ctx): Promise<ChangeView> {
    const want = input.decision === 'approve' ? 'approved' : 'refused';
    let checked = false;
    for (let attempt = 0; attempt < 4; attempt++) {
      const { me, round, proposal, reports, supporterOpenids } = await loadRoundForCaller(
        ctx,
        input.roundId,
        {
          proposalId: input.proposalId,
          reports: 'proposal',
          supporters: true,
        },
      );
      requireAdminOver(me, round.scopePath);
      const changes = round.changes ?? [];
      const asked = changes.find((c) => c.id === input.changeId && c.proposalId === input.proposalId);
      if (!asked) throw notFound('这个申请');
      const title = proposal!.title;
      if (asked.status === want) return changeView(asked, title); // already decided so (a twin or a second admin)
      if (asked.status !== 'pending')
        throw conflict(`这个申请已经${asked.status === 'approved' ? '同意' : '拒绝'}了`);
      if (!checked) {
        await checkText(ctx.openid, [input.note]);
        checked = true;
      }
      const decided: ChangeDoc = {
        ...asked,
        status: want,
        decidedBy: me._id,
        decidedAt: ctx.now,
        note: input.note,
      };
      if (want === 'approved') {
        const state = projectChange(round, input.proposalId, awarded(round, input.proposalId)?.budget ?? 0);
        const spentFen = projectSums(0, accountEntries(reports)).spentFen;
        Object.assign(decided, approvalEffect(state, asked, spentFen));
      }
      const next = changes.map((c) => (c.id === asked.id ? decided : c));
      const closing = want === 'approved' && asked.kind === 'abandon' && allEnded(round, next);
      const res = await db
        .collection(ROUNDS)
        .where({ _id: round._id, version: round.version, phase: 'in_progress' })
        .update({
          data: {
            changes: next,
            version: round.version + 1,
            updatedAt: ctx.now,
            ...(closing ? { phase: 'closed', closedAt: ctx.now, nextCheckAt: null } : {}),
          },
        });
      if (updatedCount(res) === 0) {
        if (round.phase !== 'in_progress') throw conflict('本期已经结束');
        continue;
      }
      await tellAbout(
        round,
        asked,
        { approved: want === 'approved', note: input.note },
        supporterOpenids,
        title,
      );
      return changeView(decided, title);
    }
    throw conflict('本期刚被其他管理员修改，请刷新后再试');
  },
});
