/**
 * recordSpending — the proposer (or an admin of the round) records money spent on a funded project, with receipt
 * photos, while the work is in progress. Amounts are kept in fen so sums are exact; spending beyond the budget is
 * recorded and shown as over budget on the public account (never hidden). Idempotent by key.
 * Input: { roundId, proposalId, idempotencyKey, item, amount (yuan, ≤ 2 decimals), note, receipts (≥ 1), at? }.
 * Result: AccountEntryView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (not funded; completed; not in progress),
 * CONTENT_REJECTED. Round trips: 3 (caller; round with the proposal and any record under this key; insert); 2 for a retried key.
 */
import { action } from '../../common/action';
import { early } from '../../common/concurrency';
import { proposalInputs, type AccountEntryView } from '../contract';
import { yuanToFen } from '../domain/accountability';
import { entryView } from '../domain/views';
import { checkContent } from '../steps/checks';
import { saveReport, reportContext } from '../steps/reports';

export default action({
  input: proposalInputs.recordSpending,
  async run(input, ctx): Promise<AccountEntryView> {
    // The checks need only the input: they run beside the reads, their verdict awaited where it was.
    const checked = early(
      checkContent(
        ctx.openid,
        [input.item, input.note],
        [{ now: input.receipts, before: [], field: 'receipts' }],
      ),
    );
    const { me, at, earlier } = await reportContext(input, ctx);
    if (earlier) return entryView(earlier);
    await checked();
    const saved = await saveReport(
      me._id,
      input,
      {
        kind: 'spending',
        at,
        note: input.note,
        item: input.item,
        amountFen: yuanToFen(input.amount),
        receipts: input.receipts,
      },
      ctx.now,
    );
    return entryView(saved);
  },
});
