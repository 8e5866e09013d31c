/**
 * projects.evaluate — the buyer's mid-term or final evaluation: the expert sheet, the daily supervision sheet (by
 * default the mean of the supervisors' visits) and the financial review (spending checked against the budget
 * lines, recorded on the evaluation) combined with the configured weights into a total and a grade. Never edited:
 * a correction names the evaluation it `supersedes`, which is then marked replaced. The expert and financial
 * sheets may be entered line by line with a comment per line (`criteria`), kept on the evaluation.
 * Errors: NOT_FOUND, FORBIDDEN (not an admin over the street), INVALID_INPUT (no visits and no supervision score;
 * a sheet's lines not the sheet's or not adding up to its score;
 * `supersedes` not the stage's current evaluation), CONFLICT (the stage already evaluated and nothing superseded,
 * another evaluation of the stage landing first, or the contract not active). Round trips: 2, or 3 with
 * `supersedes` (the earlier one marked, conditionally).
 */
import { addDays, dateKey, startOfDate } from '../../../miniprogram/shared/calendar';
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { findById } from '../../common/db';
import { conflict, invalid } from '../../common/errors';
import { idempotentCreate } from '../../common/idempotency';
import { contractSchemas } from '../contract';
import { EVALUATIONS, type EvaluationDoc } from '../documents';
import { evaluationView } from '../domain/contractViews';
import {
  APPEAL_DAYS,
  criteriaOf,
  currentEvaluation,
  EVALUATION_WEIGHTS,
  gradeOf,
  spendingByLine,
  weightedTotal,
} from '../domain/evaluation';
import { actorOf, requireParty } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

export default action({
  input: contractSchemas.evaluate,
  async run(input, ctx): Promise<ReturnType<typeof evaluationView>> {
    const {
      contract: c,
      caller,
      evaluations,
      visits,
      spending,
    } = await readContract(ctx, input.contractId, ['evaluations', 'visits', 'spending']);
    requireParty(caller, c, 'buyer');
    const mine = evaluations.find((e) => e.key === input.idempotencyKey && e.by.id === caller._id);
    if (mine) return evaluationView(mine, ctx.now);
    if (c.status !== 'active' && c.status !== 'completed') throw conflict('合同生效后才能评估');
    const current = currentEvaluation(evaluations, input.stage);
    if (current && input.supersedes !== current._id) {
      if (input.supersedes)
        throw invalid('只能更正本阶段当前的评估', [{ path: 'supersedes', message: 'not current' }]);
      throw conflict('本阶段已经评估，如需更正请注明更正哪一次');
    }
    if (!current && input.supersedes)
      throw invalid('只能更正本阶段当前的评估', [{ path: 'supersedes', message: 'not current' }]);
    const supervision =
      input.supervision ??
      (visits.length > 0
        ? Math.round((10 * visits.reduce((t, v) => t + v.total, 0)) / visits.length) / 10
        : undefined);
    if (supervision === undefined)
      throw invalid('还没有走访记录，请填写日常监管得分', [{ path: 'supervision', message: 'required' }]);
    const criteria = input.criteria ? criteriaOf(input.criteria, input) : undefined;
    if (criteria && 'path' in criteria) throw invalid(criteria.message, [criteria]);
    const sheets = { expert: input.expert, supervision, financial: input.financial };
    const total = weightedTotal(sheets);
    const n = evaluations.filter((e) => e.stage === input.stage).length + 1;
    const doc = await idempotentCreate<EvaluationDoc, EvaluationDoc>({
      collection: EVALUATIONS,
      build: () => ({
        // One id per stage and number: two evaluations racing for the same place meet the primary key.
        _id: `${c._id}:${input.stage}:${n}`,
        key: input.idempotencyKey,
        contractId: c._id,
        orgId: c.orgId,
        streetId: c.streetId,
        stage: input.stage,
        sheets,
        weights: EVALUATION_WEIGHTS,
        total,
        grade: gradeOf(total),
        comment: input.comment,
        ...(criteria?.length ? { criteria } : {}),
        spending: spendingByLine(c, spending),
        appealBy: startOfDate(addDays(dateKey(ctx.now), APPEAL_DAYS + 1)),
        ...(input.supersedes ? { supersedes: input.supersedes } : {}),
        by: actorOf(caller),
        at: ctx.now,
      }),
      reply: (d) => d,
      twin: async (d) => {
        const stored = await findById<EvaluationDoc>(EVALUATIONS, d._id);
        return stored?.key === input.idempotencyKey ? stored : undefined;
      },
      clash: () => conflict('另一位管理员刚刚提交了本阶段的评估'),
      created: async (d) =>
        d.supersedes
          ? db
              .collection(EVALUATIONS)
              .where({ _id: d.supersedes, supersededBy: _.exists(false) })
              .update({ data: { supersededBy: d._id } })
          : undefined,
    });
    return evaluationView(doc, ctx.now);
  },
});
