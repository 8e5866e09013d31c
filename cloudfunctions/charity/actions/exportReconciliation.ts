/**
 * exportReconciliation — 库存与对账 as a spreadsheet for the street office: the lines reconciliation gives the
 * page, with its totals and verdict on top. For the supermarket's staff and the admins of its street.
 * Input: { supermarketId }. Result: ExportedSheet.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff or an admin of the supermarket's street). Nothing is
 * written to the database. Round trips: 2 (as reconciliation; one more per further 1,000 donations).
 */
import { action } from '../../common/action';
import { publishReport, type ExportedSheet } from '../../common/exports/storage';
import { charityInputs } from '../contract';
import { stockReport } from '../domain/stockSheet';
import { readReconciliation } from '../steps/reconciliation';

export default action({
  input: charityInputs.exportReconciliation,
  async run(input, ctx): Promise<ExportedSheet> {
    const { caller, supermarket, view } = await readReconciliation(ctx, input.supermarketId);
    return publishReport(stockReport(view, supermarket.name, ctx.now), {
      capability: 'charity',
      userId: caller._id,
    });
  },
});
