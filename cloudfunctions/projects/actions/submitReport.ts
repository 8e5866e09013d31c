/**
 * projects.submitReport — the provider's monthly report (月报) for the contract's indicators that no system record
 * tracks (source `report`), with attachments; one per contract and month (its id), never edited.
 * Errors: NOT_FOUND, FORBIDDEN (not the provider's staff), INVALID_INPUT (a month outside the period or still to
 * come, an indicator that is not reported, attachments not the caller's uploads), CONFLICT (the month reported
 * already, or the contract not active). Round trips: 2 (the contract with the caller, the insert); a replay 3.
 */
import { monthKey } from '../../../miniprogram/shared/calendar';
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { conflict, invalid } from '../../common/errors';
import { idempotentCreate } from '../../common/idempotency';
import { requireOwnUploads } from '../../common/uploads';
import { contractSchemas, PROJECT_FILES_FOLDER } from '../contract';
import { PROGRESS_REPORTS, type ProgressReportDoc } from '../documents';
import { actorOf, requireParty } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

export default action({
  input: contractSchemas.submitReport,
  async run(input, ctx): Promise<{ id: string; month: string }> {
    const { contract: c, caller } = await readContract(ctx, input.contractId);
    requireParty(caller, c, 'provider');
    const reply = (d: ProgressReportDoc) => ({ id: d._id, month: d.month });
    const _id = `${c._id}:${input.month}`;
    if (c.status !== 'active') throw conflict('合同生效后才能报送');
    if (
      input.month < monthKey(c.period.from) ||
      input.month > monthKey(c.period.to) ||
      input.month > monthKey(ctx.now)
    )
      throw invalid('只能报送合同期内已到的月份', [{ path: 'month', message: 'out of period' }]);
    const reported = new Set(c.indicators.filter((i) => i.source.kind === 'report').map((i) => i.key));
    const bad = input.values.findIndex((v) => !reported.has(v.indicatorKey));
    if (bad >= 0)
      throw invalid('这项指标由系统记录统计，无需报送', [
        { path: `values.${bad}.indicatorKey`, message: 'not reported' },
      ]);
    requireOwnUploads(input.attachments, {
      folder: PROJECT_FILES_FOLDER,
      userId: caller._id,
      field: 'attachments',
    });
    return idempotentCreate<ProgressReportDoc, ReturnType<typeof reply>>({
      collection: PROGRESS_REPORTS,
      build: () => ({
        _id,
        key: input.idempotencyKey,
        contractId: c._id,
        orgId: c.orgId,
        streetId: c.streetId,
        month: input.month,
        values: input.values,
        note: input.note,
        attachments: input.attachments,
        by: actorOf(caller),
        at: ctx.now,
      }),
      reply,
      twin: async (doc) => {
        const stored = await findById<ProgressReportDoc>(PROGRESS_REPORTS, doc._id);
        return stored?.key === input.idempotencyKey ? stored : undefined;
      },
      clash: () => conflict('这个月已经报送过了'),
    });
  },
});
