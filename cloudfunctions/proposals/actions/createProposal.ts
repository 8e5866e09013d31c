/**
 * createProposal — a resident of the round's scope starts a proposal while collecting lasts; it is saved as a
 * draft (only they see it) that later saves fill in. The per-author limit is held by the primary key: the
 * proposal takes the author's first free slot id, so racing creates cannot exceed it. Idempotent: every replay
 * of the key — at once or later — returns the same proposal; one that loses the slot to its own twin returns the
 * twin's (common/idempotency). Text and photos pass the content check before anything is written.
 * Input: { roundId, idempotencyKey, title, summary?, details?, budgetLines?, budget?, months?, beneficiaries?,
 * coProposers?, photos? }. Result: SavedProposal (with what is still missing before it can be submitted).
 * Errors: INVALID_INPUT (fields; lines not summing to the total), UNAUTHENTICATED, FORBIDDEN (not a resident of
 * the scope), NOT_FOUND (round), CONFLICT (not collecting), LIMIT_REACHED (proposals per author),
 * CONTENT_REJECTED (text or photo).
 * Round trips: 3 (caller; round with the author's proposals; insert); 2 for a replay after it exists. Two creates
 * by one author racing for the same slot cost the loser 2 more (re-read, insert into the next slot); a replay
 * racing its twin 1 more (the re-read finds the twin's).
 */
import { action } from '../../common/action';
import { early } from '../../common/concurrency';
import { limitReached } from '../../common/errors';
import { idempotentCreate } from '../../common/idempotency';
import { proposalInputs, type SavedProposal } from '../contract';
import { requireParticipant } from '../domain/eligibility';
import { requireOpenFor } from '../domain/phases';
import { EMPTY_CONTENT, mergeContent } from '../domain/proposal';
import { savedView } from '../domain/views';
import { checkContent } from '../steps/checks';
import { compact, PROPOSALS, proposalSlotId, type ProposalDoc } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.createProposal,
  async run(input, ctx): Promise<SavedProposal> {
    const { roundId, idempotencyKey, ...patch } = input;
    const { content, budget } = mergeContent(EMPTY_CONTENT, patch);
    // The content check needs only the input: it runs beside the reads (its verdict is taken where it was).
    const checked = early(
      checkContent(
        ctx.openid,
        [
          content.title,
          content.summary,
          content.details,
          content.beneficiaries?.who,
          ...content.coProposers,
          ...content.budgetLines.map((l) => l.item),
        ],
        [{ now: content.photos, before: [], field: 'photos' }],
      ),
    );
    const me = await ctx.caller();
    let read = await loadRound(roundId, { proposals: { authorId: me._id } });
    const { round } = read;
    requireParticipant(me, round);
    // A replay is answered from its proposal, even once collecting has closed.
    const same = read.proposals.find((p) => p.idempotencyKey === idempotencyKey);
    if (same) return savedView(same, round);
    requireOpenFor({ ...round, resultsPublished: false }, 'collecting', ctx.now, '提出提案');
    const perAuthor = round.settings.perAuthor;
    const full = () => limitReached(`每人本期最多提 ${perAuthor} 个提案（已撤回的也算；草稿可以删除）`);
    const freeSlot = (taken: ProposalDoc[]) =>
      Array.from({ length: perAuthor }, (_x, i) => i + 1).find((k) => !taken.some((p) => p.slot === k));
    if (freeSlot(read.proposals) === undefined) throw full();
    const moderation = await checked();
    // The slot is the contested thing: a duplicate is either this key's twin (its proposal is the reply) or
    // another create of the author's that took the slot (look again, take the next free one).
    return idempotentCreate({
      collection: PROPOSALS,
      build: () => {
        const slot = freeSlot(read.proposals);
        if (slot === undefined) throw full();
        return compact<ProposalDoc>({
          _id: proposalSlotId(roundId, me._id, slot),
          roundId,
          authorId: me._id,
          authorOpenid: ctx.openid,
          authorName: me.nickname,
          slot,
          idempotencyKey,
          status: 'draft',
          ...content,
          budget,
          moderation,
          screening: [],
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      },
      reply: (doc) => savedView(doc, round),
      twin: async () => {
        read = await loadRound(roundId, { proposals: { authorId: me._id } });
        return read.proposals.find((p) => p.idempotencyKey === idempotencyKey);
      },
      retries: perAuthor,
      clash: full,
    });
  },
});
