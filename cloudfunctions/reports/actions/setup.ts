/**
 * setup — a street admin's view of their street's reporting setup: grids with boundaries and teams, departments with
 * their staff, the matter list.
 * Input: { streetId? (the admin's own street) }. Result: SetupView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (not an admin over the street).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _ } from '../../common/cloud';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type SetupView } from '../contract';
import { gridView, matterView } from '../domain/setup';
import { DEPARTMENTS, GRIDS, MATTERS, type DepartmentDoc, type GridDoc, type MatterDoc } from '../documents';

export default action({
  input: reportsInputs.setup,
  async run(input, ctx): Promise<SetupView> {
    const $ = _.aggregate;
    const street = { $eq: ['$streetId', '$$s'] };
    const read = await readWithCaller(ctx, [
      { set: { streetId: input.streetId ? $.literal(input.streetId) : $.arrayElemAt(['$placePath', 1]) } },
      { as: 'street', from: PLACES, let: { s: '$streetId' }, expr: { $eq: ['$_id', '$$s'] }, limit: 1 },
      { as: 'grids', from: GRIDS, let: { s: '$streetId' }, expr: street, sort: { name: 1 }, limit: 200 },
      {
        as: 'departments',
        from: DEPARTMENTS,
        let: { s: '$streetId' },
        expr: street,
        sort: { name: 1 },
        limit: 100,
      },
      {
        as: 'matters',
        from: MATTERS,
        let: { s: '$streetId' },
        expr: street,
        sort: { category: 1 },
        limit: 1000,
      },
    ]);
    const place = read.one<PlaceDoc>('street');
    if (!place) throw notFound('街道');
    requireAdminOver(read.caller, place.path);
    const streetId = place._id;
    return {
      streetId,
      grids: read.all<GridDoc>('grids').map(gridView),
      departments: read.all<DepartmentDoc>('departments').map((d) => ({
        id: d._id,
        name: d.name,
        staff: d.staff.map((s) => ({ userId: s.userId, name: s.name })),
      })),
      matters: read.all<MatterDoc>('matters').map(matterView),
    };
  },
});
