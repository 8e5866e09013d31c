/**
 * figures — a street admin's figures per grid, matter and department: counts, open and ever overdue, mean time to
 * respond and to resolve, reopen rate and satisfaction. The database groups by (grid, matter, department) in one
 * aggregation; domain/figures.ts rolls the three views up.
 * Input: { streetId? (the admin's own street) }. Result: Figures.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (street).
 * Round trips: 2 (caller with the street; the aggregation).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type Figures } from '../contract';
import { figuresOf, type FigureGroup } from '../domain/figures';
import { OPEN_STATUSES, REPORTS } from '../documents';

export default action({
  input: reportsInputs.figures,
  async run(input, ctx): Promise<Figures> {
    const $ = _.aggregate;
    const read = await readWithCaller(ctx, [
      { set: { streetId: input.streetId ? $.literal(input.streetId) : $.arrayElemAt(['$placePath', 1]) } },
      { as: 'street', from: PLACES, let: { s: '$streetId' }, expr: { $eq: ['$_id', '$$s'] }, limit: 1 },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    const has = (f: string) => ({ $cond: [{ $ifNull: [f, false] }, 1, 0] });
    const { list } = (await db
      .collection(REPORTS)
      .aggregate()
      .match({ streetId: street._id })
      .group({
        _id: { g: '$gridName', m: '$matterName', d: '$departmentName' },
        count: $.sum(1),
        open: $.sum({ $cond: [{ $in: ['$status', [...OPEN_STATUSES]] }, 1, 0] }),
        overdue: $.sum({ $cond: ['$everOverdue', 1, 0] }),
        respondMs: $.sum({ $ifNull: ['$respondMs', 0] }),
        respondN: $.sum(has('$respondMs')),
        resolveMs: $.sum({ $ifNull: ['$resolveMs', 0] }),
        resolveN: $.sum(has('$resolveMs')),
        reopened: $.sum({ $cond: ['$reopened', 1, 0] }),
        ratingSum: $.sum({ $ifNull: ['$rating', 0] }),
        ratingN: $.sum(has('$rating')),
      })
      .end()) as { list: FigureGroup[] };
    return figuresOf(list);
  },
});
