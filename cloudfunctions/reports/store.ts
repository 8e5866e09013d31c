/**
 * The reports function's reads and conditional writes that several actions share: a report read with the caller,
 * the grids whose team they are on and the departments they staff (one round trip); a planned move applied by one
 * conditional update (the move's statuses in `where`), so concurrent takers of the same step move it once.
 */
import type { ActionContext } from '../common/action';
import { _, db } from '../common/cloud';
import { updatedCount } from '../common/db';
import type { UserDoc } from '../common/directory/users';
import { conflict, notFound } from '../common/errors';
import { readWithCaller, type Join } from '../common/joins';
import { standingOf, type Standing } from './domain/access';
import type { Move } from './domain/flow';
import { DEPARTMENTS, GRIDS, REPORTS, type DepartmentDoc, type GridDoc, type ReportDoc } from './documents';

/** The joins of the grids whose team the caller is on and the departments they staff. */
export const MY_GRIDS: Join = {
  as: 'myGrids',
  from: GRIDS,
  let: { me: '$_id' },
  expr: { $in: ['$$me', '$teamIds'] },
  project: { boundary: 0 },
};
export const MY_DEPARTMENTS: Join = {
  as: 'myDepartments',
  from: DEPARTMENTS,
  let: { me: '$_id' },
  expr: { $in: ['$$me', '$staffIds'] },
  project: { staff: 0 },
};

/** A report with the caller and their standing towards it. */
export interface ReportRead {
  me: UserDoc;
  report: ReportDoc;
  standing: Standing;
  myGrids: GridDoc[];
  myDepartments: DepartmentDoc[];
  one<T>(as: string): T | undefined;
  all<T>(as: string): T[];
}

/** Reads the report, the caller, their grids and departments, and `extra` joins (one round trip). */
export async function readReport(
  ctx: ActionContext,
  reportId: string,
  extra: Join[] = [],
): Promise<ReportRead> {
  const read = await readWithCaller(ctx, [
    { as: 'report', from: REPORTS, match: { _id: reportId }, limit: 1 },
    MY_GRIDS,
    MY_DEPARTMENTS,
    ...extra,
  ]);
  const report = read.one<ReportDoc>('report');
  if (!report) throw notFound('这条报告');
  const myGrids = read.all<GridDoc>('myGrids');
  const myDepartments = read.all<DepartmentDoc>('myDepartments');
  return {
    me: read.caller,
    report,
    myGrids,
    myDepartments,
    standing: standingOf(read.caller, report, myGrids, myDepartments),
    one: read.one,
    all: read.all,
  };
}

/** Applies a move if the report is still in one of its statuses (one round trip); CONFLICT when it was not. */
export async function applyMove(
  report: Pick<ReportDoc, '_id'>,
  move: Move,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const data: Record<string, unknown> = { updatedAt: now, timeline: _.push([move.step]) };
  for (const [k, v] of Object.entries({ ...move.set, ...extra }))
    data[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v;
  const res = await db
    .collection(REPORTS)
    .where({ _id: report._id, status: _.in(move.from), ...(move.when ?? {}) })
    .update({ data });
  if (updatedCount(res) !== 1) throw conflict('这条报告刚刚有人处理过了，请刷新看看');
}

/** The name a handler shows on the timeline: their role and a masked name. */
export function handlerName(role: string, name: string): string {
  return `${role} ${[...name][0] ?? ''}${name ? '*' : ''}`.trim();
}
