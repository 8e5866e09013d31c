/**
 * Who someone is to a report, from what the read found: the reporter, a follower, the grid's team (which may call
 * the reporter back), the staff of the department it is with, an admin of its street — or the public. What each
 * sees and may do follows from this alone.
 */
import { isAdminOver } from '../../common/auth';
import type { UserDoc } from '../../common/directory/users';
import type { DepartmentDoc, GridDoc, ReportDoc, TeamMember, TeamRole } from '../documents';

/** The caller's standing towards one report. */
export interface Standing {
  reporter: boolean;
  follower: boolean;
  team: TeamRole | undefined;
  staff: boolean;
  admin: boolean;
}

/** The caller's standing, given the grids whose team they are on and the departments they staff. */
export function standingOf(
  me: Pick<UserDoc, '_id' | 'roles'>,
  report: Pick<ReportDoc, 'reporterId' | 'followerIds' | 'gridId' | 'departmentId' | 'placePath'>,
  myGrids: readonly Pick<GridDoc, '_id' | 'team'>[],
  myDepartments: readonly Pick<DepartmentDoc, '_id'>[],
): Standing {
  return {
    reporter: report.reporterId === me._id,
    follower: report.followerIds.includes(me._id),
    team: myGrids.find((g) => g._id === report.gridId)?.team.find((m) => m.userId === me._id)?.role,
    staff: myDepartments.some((d) => d._id === report.departmentId),
    admin: isAdminOver(me, report.placePath),
  };
}

/** A team's composition refused, in words, or undefined when it is "1 + 2 + N". */
export function teamProblem(team: readonly Pick<TeamMember, 'userId' | 'role'>[]): string | undefined {
  const count = (r: TeamRole) => team.filter((m) => m.role === r).length;
  if (new Set(team.map((m) => m.userId)).size !== team.length) return '同一个人只能担任一个角色';
  if (count('leader') !== 1) return '每个网格要有一位网格长';
  if (count('member') < 2) return '每个网格至少要有两位网格员';
  return undefined;
}

/** Role names. */
export const TEAM_ROLE_WORDS: Readonly<Record<TeamRole, string>> = {
  leader: '网格长',
  member: '网格员',
  liaison: '信息联络员',
};
