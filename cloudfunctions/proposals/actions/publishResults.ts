/**
 * publishResults — an admin of the round's scope publishes the results computed when voting closed: awards go
 * down the ranking while the budget lasts, unless the admin departs from it for a proposal with a published
 * reason (the funded total must stay within the budget). Proposers are told. If the work date has come, the round
 * moves to in_progress at once; otherwise the timer moves it then.
 * Input: { roundId, expectedVersion, decisions: [{ proposalId, funded, reason }] }. Result: ResultsView.
 * Errors: INVALID_INPUT (a decision names no ranked proposal, changes nothing, or breaks the budget),
 * UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (not in the results phase, results not computed yet, already
 * published, changed meanwhile), CONTENT_REJECTED (reasons). Round trips: 3 (round with the caller, conditional update, the
 * proposers' messages kept in their message centre in one write).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs, type ResultsView } from '../contract';
import { nextCheckAt } from '../domain/phases';
import { applyDecisions, fundedTotal } from '../domain/ranking';
import { resultsView } from '../domain/views';
import { tellProposer } from '../notices';
import { ROUNDS, type RoundDoc } from '../documents';
import { loadRoundForCaller } from '../store';

export default action({
  input: proposalInputs.publishResults,
  async run(input, ctx): Promise<ResultsView> {
    const { me, round } = await loadRoundForCaller(ctx, input.roundId);
    requireAdminOver(me, round.scopePath);
    if (round.phase !== 'results' || !round.results) throw conflict('投票结束、计票完成后才能公布结果');
    if (round.results.publishedAt) throw conflict('结果已经公布，不能再改');
    if (round.version !== input.expectedVersion) throw conflict('本期刚被其他管理员修改过，请刷新后再看');
    const entries = applyDecisions(round.results.entries, input.decisions, round.settings.totalBudget);
    await checkText(
      ctx.openid,
      input.decisions.map((d) => d.reason),
    );
    const phase = ctx.now.getTime() >= round.schedule.workFrom.getTime() ? 'in_progress' : 'results';
    const results = {
      ...round.results,
      entries,
      budgetUsed: fundedTotal(entries),
      publishedAt: ctx.now,
      publishedBy: me._id,
    };
    const next: RoundDoc = { ...round, phase, results, version: round.version + 1, updatedAt: ctx.now };
    next.nextCheckAt = nextCheckAt({ phase, schedule: round.schedule, resultsPublished: true });
    const res = await db
      .collection(ROUNDS)
      .where({
        _id: round._id,
        version: round.version,
        phase: 'results',
        'results.publishedAt': _.exists(false),
      })
      .update({
        data: {
          phase,
          'results.entries': entries,
          'results.budgetUsed': results.budgetUsed,
          'results.publishedAt': ctx.now,
          'results.publishedBy': me._id,
          nextCheckAt: next.nextCheckAt,
          version: next.version,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) === 0) throw conflict('本期刚被修改或结果已公布，请刷新后再看');
    await Promise.all(
      entries.map((e) => {
        const a = results.authors.find((x) => x.proposalId === e.id);
        if (!a) return false;
        return tellProposer(
          { authorOpenid: a.authorOpenid, roundId: round._id, _id: e.id, title: e.title },
          'PROPOSAL_RESULT',
          e.funded ? '获得资助' : '未获资助',
          e.reason,
        );
      }),
    );
    return resultsView(next, true)!;
  },
});
