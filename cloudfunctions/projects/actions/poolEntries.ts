/**
 * poolEntries — the street admin's list of the pool: applications waiting, admitted, rejected… newest first,
 * 20 at a time, with the contact in full (the admin assesses them).
 * Input: { streetId? (default: the caller's street), status?, offset, limit }. Result: Page<PoolEntryView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street, or of none without
 * `streetId`), NOT_FOUND (street).
 * Round trips: 2 (caller with the street, the page).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { poolInputs, type Page, type PoolEntryView } from '../contract';
import { POOL, type PoolEntryDoc } from '../documents';
import { poolEntryView } from '../domain/views';
import { readStreet } from '../steps/streetAccess';

export default action({
  input: poolInputs.poolEntries,
  async run(input, ctx): Promise<Page<PoolEntryView>> {
    const { street } = await readStreet(ctx, input.streetId);
    const where = { streetId: street._id, ...(input.status ? { status: input.status } : {}) };
    return listPage<PoolEntryDoc, PoolEntryView>(
      db.collection(POOL).where(where).orderBy('updatedAt', 'desc'),
      input,
      (e) => poolEntryView(e, street.name),
    );
  },
});
