/**
 * recordProgress — the proposer (or an admin of the round) publishes a milestone of a funded project while the
 * work is in progress: progress of the whole project (%), people served in this period, a note and photos.
 * Idempotent by key. Text and photos pass the content check first.
 * Input: { roundId, proposalId, idempotencyKey, progress, served, note, photos, at? }. Result: AccountEntryView.
 * Errors: INVALID_INPUT (date in the future or before voting closed), UNAUTHENTICATED, FORBIDDEN (neither the
 * proposer nor an admin), NOT_FOUND, CONFLICT (not funded; already confirmed complete; not in progress),
 * CONTENT_REJECTED. Round trips: 3 (caller; round with the proposal and any record under this key; insert); 2 for a retried key.
 */
import { action } from '../../common/action';
import { early } from '../../common/concurrency';
import { proposalInputs, type AccountEntryView } from '../contract';
import { entryView } from '../domain/views';
import { checkContent } from '../steps/checks';
import { saveReport, reportContext } from '../steps/reports';

export default action({
  input: proposalInputs.recordProgress,
  async run(input, ctx): Promise<AccountEntryView> {
    // The checks need only the input: they run beside the reads, their verdict awaited where it was.
    const checked = early(
      checkContent(ctx.openid, [input.note], [{ now: input.photos, before: [], field: 'photos' }]),
    );
    const { me, at, earlier } = await reportContext(input, ctx);
    if (earlier) return entryView(earlier);
    await checked();
    const saved = await saveReport(
      me._id,
      input,
      {
        kind: 'progress',
        at,
        note: input.note,
        progress: input.progress,
        served: input.served,
        photos: input.photos,
      },
      ctx.now,
    );
    return entryView(saved);
  },
});
