/**
 * poolEntries — the street admin's list of the pool: applications waiting, admitted, rejected… newest first,
 * 20 at a time, with the contact in full (the admin assesses them).
 * Input: { streetId, status?, offset, limit }. Result: Page<PoolEntryView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street).
 * Round trips: 2 (caller with the street, the page).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import { poolInputs, type Page, type PoolEntryView } from '../contract';
import { POOL, type PoolEntryDoc } from '../documents';
import { poolEntryView } from '../domain/views';

export default action({
  input: poolInputs.poolEntries,
  async run(input, ctx): Promise<Page<PoolEntryView>> {
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    const where = { streetId: street._id, ...(input.status ? { status: input.status } : {}) };
    return listPage<PoolEntryDoc, PoolEntryView>(
      db.collection(POOL).where(where).orderBy('updatedAt', 'desc'),
      input,
      (e) => poolEntryView(e, street.name),
    );
  },
});
