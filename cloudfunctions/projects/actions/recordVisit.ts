/**
 * projects.recordVisit — a supervisor's site visit (定点): where (the phone's location), photos, and the
 * 日常监管评分表 scored line by line. Never edited.
 * Errors: NOT_FOUND, FORBIDDEN (not a supervisor of the contract), INVALID_INPUT (a sheet that is not the
 * 日常监管评分表, photos not the caller's uploads), CONFLICT (the contract not active). Round trips: 2.
 */
import { action } from '../../common/action';
import { conflict, invalid } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { requireOwnUploads } from '../../common/uploads';
import { contractSchemas, PROJECT_FILES_FOLDER } from '../contract';
import { VISITS, type VisitDoc } from '../documents';
import { supervisionTotal } from '../domain/evaluation';
import { actorOf, requireParty } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

export default action({
  input: contractSchemas.recordVisit,
  async run(input, ctx): Promise<{ id: string; total: number }> {
    const { contract: c, caller } = await readContract(ctx, input.contractId);
    requireParty(caller, c, 'supervisor');
    if (c.status !== 'active') throw conflict('合同生效后才能记录走访');
    const total = supervisionTotal(input.sheet);
    if (typeof total === 'string') throw invalid(total, [{ path: 'sheet', message: 'not the sheet' }]);
    requireOwnUploads(input.photos, { folder: PROJECT_FILES_FOLDER, userId: caller._id, field: 'photos' });
    return idempotentCreate<VisitDoc, { id: string; total: number }>({
      collection: VISITS,
      build: () => ({
        _id: idempotentId(caller._id, 'visit', input.idempotencyKey),
        key: input.idempotencyKey,
        contractId: c._id,
        orgId: c.orgId,
        streetId: c.streetId,
        location: input.location,
        photos: input.photos,
        sheet: input.sheet,
        total,
        note: input.note,
        by: actorOf(caller),
        at: ctx.now,
      }),
      reply: (d) => ({ id: d._id, total: d.total }),
    });
  },
});
