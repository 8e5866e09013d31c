/**
 * updateRound — an admin of the round's scope changes its title, description, settings or dates, until voting
 * opens. Then everything is frozen (CONSUL #5321). The write is conditional on the version the admin saw and on
 * the stored phase being before voting, so it cannot land after the timer opened the vote.
 * Input: { roundId, expectedVersion, title?, description?, <any setting>?, schedule?: partial dates }.
 * Result: RoundCard & { version }.
 * Errors: INVALID_INPUT (field paths; proposal rules after screening began; dates already passed),
 * UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (voting opened: settings locked; changed meanwhile),
 * CONTENT_REJECTED. Round trips: 3 (caller, round, conditional update).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs, type RoundCard } from '../contract';
import { nextCheckAt } from '../domain/phases';
import { applyRoundPatch, type RoundSettings } from '../domain/settings';
import { roundCard } from '../domain/views';
import { ROUNDS } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.updateRound,
  async run(input, ctx): Promise<RoundCard & { version: number }> {
    const me = await ctx.caller();
    const { round } = await loadRound(input.roundId);
    requireAdminOver(me, round.scopePath);
    const { roundId: _r, expectedVersion, title, description, schedule, ...settingsPatch } = input;
    const { settings, schedule: nextSchedule } = applyRoundPatch(
      round,
      { settings: settingsPatch as Partial<RoundSettings>, schedule },
      ctx.now,
    );
    if (round.version !== expectedVersion)
      throw conflict('本期刚有变动（其他管理员修改或进入了下一阶段），请刷新后再改');
    await checkText(ctx.openid, [title, description]);
    const next = {
      ...round,
      title: title ?? round.title,
      description: description ?? round.description,
      settings,
      schedule: nextSchedule,
      version: round.version + 1,
      updatedAt: ctx.now,
    };
    next.nextCheckAt = nextCheckAt({ phase: next.phase, schedule: nextSchedule, resultsPublished: false });
    const res = await db
      .collection(ROUNDS)
      .where({ _id: round._id, version: round.version, phase: _.in(['upcoming', 'collecting', 'screening']) })
      .update({
        data: {
          title: next.title,
          description: next.description,
          settings,
          schedule: nextSchedule,
          nextCheckAt: next.nextCheckAt,
          version: next.version,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) === 0) throw conflict('本期刚被修改或投票已经开始，请刷新后再看');
    return { ...roundCard(next), version: next.version };
  },
});
