/**
 * reconciliation — a supermarket's inventory per item and its reconciliation: received − delivered (from the
 * chains) = expected on hand, held against what the donations' status puts on the shelf and against the latest
 * stocktake; mismatches, broken chains and statuses that disagree with their chain are flagged.
 * Input: { supermarketId }. Result: ReconciliationView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff or an admin of the supermarket's street).
 * Round trips: 2 (caller + supermarket + recent stocktakes, the supermarket's donations); one more per further
 * 1,000 donations (a get returns at most 1,000).
 */
import { action } from '../../common/action';
import { charityInputs, type ReconciliationView } from '../contract';
import { readReconciliation } from '../steps/reconciliation';

export default action({
  input: charityInputs.reconciliation,
  async run(input, ctx): Promise<ReconciliationView> {
    return (await readReconciliation(ctx, input.supermarketId)).view;
  },
});
