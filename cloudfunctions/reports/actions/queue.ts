/**
 * queue — the handlers' lists: `grid` (open reports of the grids whose team the caller is on), `patrol` (those
 * waiting for a team member on site), `department` (the caller's departments' reports to accept or resolve,
 * soonest deadline first — a department sees only its own), `dispatch` (a street admin's open reports) and
 * `overdue` (a street admin's reports past a deadline).
 * Input: { view, offset, limit }. Result: Page<ReportCard> (with deadlines).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (no grid, department or street for that view).
 * Round trips: 2 (caller with their grids and departments; the page).
 */
import { action } from '../../common/action';
import { adminGrants } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { forbidden } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import { reportsInputs, type Page, type ReportCard } from '../contract';
import { reportCard } from '../domain/views';
import { OPEN_STATUSES, REPORTS, type DepartmentDoc, type GridDoc, type ReportDoc } from '../documents';
import { MY_DEPARTMENTS, MY_GRIDS } from '../store';

const HANDLING = ['patrol', 'dispatched', 'accepted'];

export default action({
  input: reportsInputs.queue,
  async run(input, ctx): Promise<Page<ReportCard>> {
    const read = await readWithCaller(ctx, [MY_GRIDS, MY_DEPARTMENTS]);
    const grids = read.all<GridDoc>('myGrids').map((g) => g._id);
    const departments = read.all<DepartmentDoc>('myDepartments').map((d) => d._id);
    const scopes = adminGrants(read.caller).map((g) => g.scopeId!);
    const refuse = (what: string) => {
      throw forbidden(`只有${what}可以看这个列表`);
    };
    let where: unknown;
    let order: [string, 'asc' | 'desc'] = ['createdAt', 'desc'];
    switch (input.view) {
      case 'grid':
        if (grids.length === 0) refuse('网格员');
        where = { gridId: _.in(grids), status: _.in([...OPEN_STATUSES]) };
        break;
      case 'patrol':
        if (grids.length === 0) refuse('网格员');
        where = { gridId: _.in(grids), status: 'patrol' };
        order = ['createdAt', 'asc'];
        break;
      case 'department':
        if (departments.length === 0) refuse('承办部门的工作人员');
        where = { departmentId: _.in(departments), status: _.in(['dispatched', 'accepted']) };
        order = ['resolveBy', 'asc'];
        break;
      case 'dispatch':
        if (scopes.length === 0) refuse('街道管理员');
        where = { placePath: _.in(scopes), status: _.in(HANDLING) };
        break;
      case 'overdue':
        if (scopes.length === 0) refuse('街道管理员');
        where = _.and([
          { placePath: _.in(scopes) },
          _.or([
            { status: 'dispatched', respondBy: _.lte(ctx.now) },
            { status: _.in(['dispatched', 'accepted']), resolveBy: _.lte(ctx.now) },
          ]),
        ]);
        order = ['resolveBy', 'asc'];
        break;
    }
    return listPage<ReportDoc, ReportCard>(
      db
        .collection(REPORTS)
        .where(where as never)
        .orderBy(order[0], order[1]),
      input,
      (r) => reportCard(r, ctx.now, { handler: true }),
      { fields: { timeline: false, reporterOpenid: false, followerOpenids: false } },
    );
  },
});
