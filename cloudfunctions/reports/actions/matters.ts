/**
 * matters — the matter list of the caller's street, as a resident picks from it (by category or by searching the
 * names on the phone).
 * Input: {}. Result: MatterChoice[] (by category, then name).
 * Errors: UNAUTHENTICATED.
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type MatterChoice } from '../contract';
import { MATTERS, type MatterDoc } from '../documents';

export default action({
  input: reportsInputs.matters,
  async run(_input, ctx): Promise<MatterChoice[]> {
    const read = await readWithCaller(ctx, [
      { set: { streetId: _.aggregate.arrayElemAt(['$placePath', 1]) } },
      {
        as: 'matters',
        from: MATTERS,
        let: { s: '$streetId' },
        expr: { $eq: ['$streetId', '$$s'] },
        sort: { category: 1, name: 1 },
        limit: 1000,
        project: { history: 0 },
      },
    ]);
    return read.all<MatterDoc>('matters').map((m) => ({
      id: m._id,
      name: m.name,
      category: m.category,
      departmentName: m.departmentName,
      patrolFirst: m.patrolFirst,
    }));
  },
});
