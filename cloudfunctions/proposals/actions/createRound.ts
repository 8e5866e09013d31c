/**
 * createRound — an admin opens a round (一期微公益) for a street or community in their scope: title, total budget,
 * per-proposal range, proposals per author, vote mode and its limit, whether tallies show while voting, and the
 * dates of each phase. Idempotent: every replay of the key returns the same round (common/idempotency).
 * Input: proposalInputs.createRound. Result: RoundCard & { version }.
 * Errors: INVALID_INPUT (settings or dates, with field paths), UNAUTHENTICATED, FORBIDDEN (scope outside the
 * admin's, or not an admin), NOT_FOUND (place), CONTENT_REJECTED (title or description).
 * Round trips: 3 (caller; place with any round made under this key; insert); 2 for a replay after the round
 * exists, 4 for one racing it (the stored round read back).
 */
import { action } from '../../common/action';
import { requireAdminOver, requireAnyAdmin } from '../../common/auth';
import { checkText } from '../../common/contentCheck';
import { findById } from '../../common/db';
import { invalid, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { proposalInputs, type RoundCard } from '../contract';
import { initialPhase, nextCheckAt } from '../domain/phases';
import { requireValidRound } from '../domain/settings';
import { roundCard } from '../domain/views';
import { reviveRound, ROUNDS, type RoundDoc } from '../documents';
import { placeAndRound } from '../store';

export default action({
  input: proposalInputs.createRound,
  async run(input, ctx): Promise<RoundCard & { version: number }> {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const { idempotencyKey, scopeId, title, description, schedule, ...settings } = input;
    const _id = idempotentId(me._id, 'createRound', idempotencyKey);
    const reply = (r: RoundDoc) => ({ ...roundCard(r), version: r.version });
    const { place, existing } = await placeAndRound(scopeId, _id);
    // A replay is answered from its round, even once its dates are no longer acceptable for a new one.
    if (existing) return reply(existing);
    requireValidRound(settings, schedule, ctx.now);
    if (!place) throw notFound('辖区');
    if (place.level === 'district')
      throw invalid('每一期只能面向一个街道或一个社区', [
        { path: 'scopeId', message: 'street or community' },
      ]);
    requireAdminOver(me, place.path);
    await checkText(ctx.openid, [title, description]);
    const phase = initialPhase(schedule, ctx.now);
    const round: RoundDoc = {
      _id,
      title,
      description,
      scopeId: place._id,
      scopeLevel: place.level,
      scopeName: place.name,
      scopePath: place.path,
      settings,
      schedule,
      phase,
      nextCheckAt: nextCheckAt({ phase, schedule, resultsPublished: false }),
      version: 1,
      completions: [],
      createdBy: me._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({
      collection: ROUNDS,
      build: () => round,
      reply,
      twin: async () => {
        const stored = await findById<RoundDoc>(ROUNDS, _id);
        return stored && reviveRound(stored);
      },
    });
  },
});
