/**
 * demandList — the street's demand list (the services capability's 需求征集: residents' requests by category and
 * community), most requested first, for the admin to build a call from.
 * Input: { streetId }. Result: DemandLineView[] (at most 100 lines).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { callInputs, type DemandLineView } from '../contract';
import { SERVICE_DEMANDS, type DemandLineRef } from '../documents';

export default action({
  input: callInputs.demandList,
  async run(input, ctx): Promise<DemandLineView[]> {
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      {
        as: 'demands',
        from: SERVICE_DEMANDS,
        match: { placePath: input.streetId },
        sort: { count: -1, _id: 1 },
        limit: 100,
        project: { communityId: 1, communityName: 1, category: 1, count: 1, status: 1 },
      },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    return read.all<DemandLineRef>('demands').map((d) => ({
      id: d._id,
      category: d.category,
      communityId: d.communityId,
      communityName: d.communityName,
      count: d.count,
      adopted: d.status === 'adopted',
    }));
  },
});
