/**
 * accountability — the public account of a round's funded projects: budget against spending, progress and people
 * served for each and in total, and (when a project is named) its timeline of milestones, spending with receipts,
 * and completion. Anyone logged in may read it: it is public money.
 * Input: { roundId, proposalId? }. Result: AccountabilityView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (round; a project that was not funded).
 * Round trips: 2 (caller; round with all its records in one aggregate).
 */
import { action } from '../../common/action';
import { notFound } from '../../common/errors';
import { isAdminOver } from '../../common/auth';
import { proposalInputs, type AccountabilityView, type AccountEntryView } from '../contract';
import { fenToYuan, projectSums, roundSums, timelineOf } from '../domain/accountability';
import { returnedToRound } from '../domain/changes';
import { isOpenFor } from '../domain/phases';
import { accountEntries, entryView, roundCard, sumsView } from '../domain/views';
import { awardState, phaseState } from '../documents';
import { projectChange } from '../steps/changes';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.accountability,
  async run(input, ctx): Promise<AccountabilityView> {
    const me = await ctx.caller();
    const { round, reports } = await loadRound(input.roundId, { reports: 'round' });
    const { fundedIds } = awardState(round);
    const entries = round.results?.entries ?? [];
    const projects = fundedIds.map((id) => {
      const e = entries.find((x) => x.id === id)!;
      const done = round.completions.find((c) => c.proposalId === id);
      // An approved abandonment or reduction changed the budget and gave the rest back to the round.
      const change = projectChange(round, id, e.budget);
      const budget = change.budgetFen / 100;
      const sums = projectSums(budget, accountEntries(reports.filter((r) => r.proposalId === id)));
      return {
        proposalId: id,
        title: e.title,
        authorName: round.results?.authors.find((a) => a.proposalId === id)?.authorName ?? '',
        completed: Boolean(done),
        abandoned: change.abandoned,
        returned: fenToYuan(change.returnedFen),
        ...(done ? { completedAt: done.at.toISOString() } : {}),
        sums,
      };
    });
    const total = roundSums(round.settings.totalBudget, projects);
    let timeline: AccountEntryView[] | undefined;
    let canReport = false;
    let canConfirm = false;
    if (input.proposalId) {
      const project = projects.find((p) => p.proposalId === input.proposalId);
      if (!project) throw notFound('获得资助的项目');
      const done = round.completions.find((c) => c.proposalId === input.proposalId);
      timeline = [
        ...(done
          ? [
              {
                kind: 'completed' as const,
                id: `done-${input.proposalId}`,
                at: done.at.toISOString(),
                note: done.note,
              },
            ]
          : []),
        ...timelineOf(accountEntries(reports.filter((r) => r.proposalId === input.proposalId))).map(
          entryView,
        ),
      ];
      const admin = isAdminOver(me, round.scopePath);
      const author =
        round.results?.authors.find((a) => a.proposalId === input.proposalId)?.authorId === me._id;
      const open =
        isOpenFor(phaseState(round), 'in_progress', ctx.now) && !project.completed && !project.abandoned;
      canReport = open && (admin || author);
      canConfirm = open && admin;
    }
    return {
      round: roundCard(round),
      sums: {
        totalBudget: total.totalBudgetYuan,
        awarded: total.awardedYuan,
        spent: fenToYuan(total.spentFen),
        served: total.served,
        projects: total.projects,
        completed: total.completed,
        returned: fenToYuan(returnedToRound(round.changes ?? [])),
      },
      projects: projects.map(({ sums, ...p }) => ({ ...p, ...sumsView(sums) })),
      ...(timeline ? { timeline } : {}),
      canReport,
      canConfirm,
    };
  },
});
