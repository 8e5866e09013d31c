/**
 * projects.appealEvaluation — the provider appeals an evaluation of its contract, once, within the window
 * (APPEAL_DAYS); the buyer answers with a corrected evaluation (`evaluate` with `supersedes`) or lets it stand.
 * Errors: NOT_FOUND, FORBIDDEN (not the provider's staff), CONFLICT (appealed already, window closed, or the
 * evaluation replaced). Round trips: 2 (the evaluation with its contract and the caller; the conditional update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, notFound, unauthenticated } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { contractSchemas } from '../contract';
import { CONTRACTS, EVALUATIONS, type ContractDoc, type EvaluationDoc } from '../documents';
import { appealOpen } from '../domain/evaluation';
import { actorOf, requireParty } from '../steps/contractAccess';

export default action({
  input: contractSchemas.appealEvaluation,
  async run(input, ctx): Promise<{ id: string; appealed: true }> {
    const read = await readWithCaller<EvaluationDoc>(
      ctx,
      [{ as: 'contract', from: CONTRACTS, localField: 'contractId', foreignField: '_id' }],
      { from: EVALUATIONS, match: { _id: input.evaluationId } },
    );
    if (!read.caller) throw unauthenticated();
    const contract = read.one<ContractDoc>('contract');
    if (!read.root || !contract) throw notFound('评估');
    requireParty(read.caller, contract, 'provider');
    if (!appealOpen(read.root, ctx.now)) throw conflict('这次评估已不能申诉（每次评估只能在期限内申诉一次）');
    const res = await db
      .collection(EVALUATIONS)
      .where({
        _id: read.root._id,
        appeal: _.exists(false),
        supersededBy: _.exists(false),
        appealBy: _.gte(ctx.now),
      })
      .update({ data: { appeal: { reason: input.reason, by: actorOf(read.caller), at: ctx.now } } });
    if (updatedCount(res) !== 1) throw conflict('这次评估已经申诉过了');
    return { id: read.root._id, appealed: true };
  },
});
