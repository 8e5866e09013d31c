/**
 * projects.releaseTranche — the buyer releases a payment tranche whose condition holds (signed; or the stage's
 * current evaluation at least the grade named). Once: the release is one conditional update on the tranche, so
 * two admins releasing the same tranche make one release and the other hears CONFLICT.
 * Errors: NOT_FOUND (contract or tranche), FORBIDDEN (not an admin over the street), CONFLICT (condition not met,
 * or released already). Round trips: 2 (the contract with its evaluations and the caller; the conditional update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { contractSchemas } from '../contract';
import { CONTRACTS } from '../documents';
import { trancheRefusal } from '../domain/evaluation';
import { actorOf, requireParty } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

export default action({
  input: contractSchemas.releaseTranche,
  async run(input, ctx): Promise<{ key: string; amountFen: number; at: Date; by: string }> {
    const { contract: c, caller, evaluations } = await readContract(ctx, input.contractId, ['evaluations']);
    requireParty(caller, c, 'buyer');
    const i = c.tranches.findIndex((t) => t.key === input.trancheKey);
    if (i < 0) throw notFound('款项');
    const tranche = c.tranches[i]!;
    const refusal = trancheRefusal(c, tranche, evaluations);
    if (refusal) throw conflict(refusal);
    const by = actorOf(caller);
    const res = await db
      .collection(CONTRACTS)
      .where({ _id: c._id, [`tranches.${i}.key`]: tranche.key, [`tranches.${i}.released`]: _.exists(false) })
      .update({
        data: {
          [`tranches.${i}.released`]: { by, at: ctx.now },
          history: _.push([{ kind: 'release', by, at: ctx.now, reason: tranche.label }]),
          rev: _.inc(1),
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) !== 1) throw conflict('这笔款项已经拨付');
    return { key: tranche.key, amountFen: tranche.amountFen, at: ctx.now, by: by.name };
  },
});
