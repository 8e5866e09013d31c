/**
 * projects.recordSpending — the provider records money spent against one budget line, with receipts (photos of
 * the 票据); the financial review checks the lines against the budget. Never edited.
 * Errors: NOT_FOUND, FORBIDDEN (not the provider's staff), INVALID_INPUT (no such budget line, receipts not the
 * caller's uploads), CONFLICT (the contract not active). Round trips: 2.
 */
import { action } from '../../common/action';
import { conflict, invalid } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { requireOwnUploads } from '../../common/uploads';
import { contractSchemas, PROJECT_FILES_FOLDER } from '../contract';
import { SPENDING, type SpendingDoc } from '../documents';
import { actorOf, requireParty } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

export default action({
  input: contractSchemas.recordSpending,
  async run(input, ctx): Promise<{ id: string; amountFen: number }> {
    const { contract: c, caller } = await readContract(ctx, input.contractId);
    requireParty(caller, c, 'provider');
    if (c.status !== 'active') throw conflict('合同生效后才能记账');
    if (!c.budgetLines.some((l) => l.key === input.lineKey))
      throw invalid('合同没有这项预算', [{ path: 'lineKey', message: 'no such line' }]);
    requireOwnUploads(input.receipts, {
      folder: PROJECT_FILES_FOLDER,
      userId: caller._id,
      field: 'receipts',
    });
    return idempotentCreate<SpendingDoc, { id: string; amountFen: number }>({
      collection: SPENDING,
      build: () => ({
        _id: idempotentId(caller._id, 'spending', input.idempotencyKey),
        key: input.idempotencyKey,
        contractId: c._id,
        orgId: c.orgId,
        streetId: c.streetId,
        lineKey: input.lineKey,
        amountFen: input.amountFen,
        note: input.note,
        receipts: input.receipts,
        by: actorOf(caller),
        at: ctx.now,
      }),
      reply: (d) => ({ id: d._id, amountFen: d.amountFen }),
    });
  },
});
