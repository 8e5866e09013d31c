/**
 * demandList — the street's demand list (the services capability's 需求征集: residents' requests by category and
 * community), most requested first, for the admin to build a call from.
 * Input: { streetId? } (default: the caller's street). Result: DemandLineView[] (at most 100 lines).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street, or of none without
 * `streetId`), NOT_FOUND (street).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { firstOf } from '../../common/joins';
import { callInputs, type DemandLineView } from '../contract';
import { SERVICE_DEMANDS, type DemandLineRef } from '../documents';
import { readStreet } from '../steps/streetAccess';

export default action({
  input: callInputs.demandList,
  async run(input, ctx): Promise<DemandLineView[]> {
    const { read } = await readStreet(ctx, input.streetId, [
      { set: { streetKey: firstOf('streets._id') } },
      {
        as: 'demands',
        from: SERVICE_DEMANDS,
        let: { street: '$streetKey' },
        expr: { $in: ['$$street', '$placePath'] },
        sort: { count: -1, _id: 1 },
        limit: 100,
        project: { communityId: 1, communityName: 1, category: 1, count: 1, status: 1 },
      },
    ]);
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
