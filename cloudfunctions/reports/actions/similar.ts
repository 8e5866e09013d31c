/**
 * similar — before submitting: open reports of the same matter close by ("已有人报告，要一起关注吗？"), so the
 * resident can follow one instead of reporting again. Nothing about who reported them.
 * Input: { matterId, location }. Result: ReportCard[] (nearest first, at most 3).
 * Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type ReportCard } from '../contract';
import { reportCard } from '../domain/views';
import type { ReportDoc } from '../documents';
import { sameNearby, sameNearbyJoin } from '../steps/nearby';

export default action({
  input: reportsInputs.similar,
  async run(input, ctx): Promise<ReportCard[]> {
    const read = await readWithCaller(ctx, [sameNearbyJoin(input.matterId, input.location, ctx.now)]);
    return sameNearby(read.all<ReportDoc>('nearby'), input.location)
      .slice(0, 3)
      .map((r) => reportCard(r, ctx.now, { from: input.location }));
  },
});
