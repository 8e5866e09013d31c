/**
 * callBack — a member of the grid's team sees the reporter's phone number to call them back (the only way anyone
 * but the reporter learns who reported). Every view is logged with who and when.
 * Input: { reportId }. Result: { name, phone } (the name masked).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not on the grid's team), NOT_FOUND, CONFLICT (finished, or
 * the reporter left no number).
 * Round trips: 2 (caller with the report, their grids and the reporter; the log).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { USERS, type UserDoc } from '../../common/directory/users';
import { conflict, forbidden } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { maskName } from '../../common/mask';
import { _ } from '../../common/cloud';
import { reportsInputs } from '../contract';
import { nameOf } from '../domain/people';
import { PHONE_VIEWS, type PhoneViewDoc } from '../documents';
import { readReport } from '../store';

export default action({
  input: reportsInputs.callBack,
  async run(input, ctx): Promise<{ name: string; phone: string }> {
    const read = await readReport(ctx, input.reportId, [
      { set: { reporterId: _.aggregate.arrayElemAt(['$report.reporterId', 0]) } },
      { as: 'reporter', from: USERS, localField: 'reporterId', foreignField: '_id' },
    ]);
    const { me, report, standing } = read;
    if (!standing.team) throw forbidden('只有本网格的网格员可以回访报告人');
    if (['closed', 'dismissed'].includes(report.status)) throw conflict('这件事已经结束了');
    const reporter = read.one<UserDoc>('reporter');
    if (!reporter?.phone) throw conflict('报告人没有留电话');
    const log: PhoneViewDoc = {
      _id: idempotentId(me._id, 'phoneView', `${report._id}:${ctx.now.getTime()}`),
      reportId: report._id,
      byId: me._id,
      byName: nameOf(me),
      reporterId: reporter._id,
      at: ctx.now,
    };
    await db.collection(PHONE_VIEWS).add({ data: log });
    return { name: maskName(nameOf(reporter)), phone: reporter.phone };
  },
});
