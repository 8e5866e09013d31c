/**
 * setGridTeam — a street admin appoints a grid's team "1 + 2 + N": one 网格长, at least two 网格员, and any
 * 信息联络员 (often volunteers). Only people of the grid's street can be appointed.
 * Input: { gridId, members: [{ userId, role }] }. Result: GridView.
 * Errors: INVALID_INPUT (not 1 + 2 + N, someone twice, someone unknown or of another street), UNAUTHENTICATED,
 * FORBIDDEN, NOT_FOUND.
 * Round trips: 2 (caller with the grid and the people; the update).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { USERS, type UserDoc } from '../../common/directory/users';
import { invalid, notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type GridView } from '../contract';
import { teamProblem } from '../domain/access';
import { nameOf } from '../domain/people';
import { gridView } from '../domain/setup';
import { GRIDS, type GridDoc, type TeamMember } from '../documents';

export default action({
  input: reportsInputs.setGridTeam,
  async run(input, ctx): Promise<GridView> {
    const ids = input.members.map((m) => m.userId);
    const read = await readWithCaller(ctx, [
      { as: 'grid', from: GRIDS, match: { _id: input.gridId }, limit: 1 },
      { as: 'people', from: USERS, match: { _id: _.in(ids) }, limit: ids.length || 1 },
    ]);
    const grid = read.one<GridDoc>('grid');
    if (!grid) throw notFound('网格');
    requireAdminOver(read.caller, grid.placePath);
    const problem = teamProblem(input.members);
    if (problem) throw invalid(problem, [{ path: 'members', message: problem }]);
    const people = new Map(read.all<UserDoc>('people').map((u) => [u._id, u]));
    const team: TeamMember[] = input.members.map((m, i) => {
      const u = people.get(m.userId);
      if (!u || u.placePath[1] !== grid.streetId)
        throw invalid('只能任命本街道的居民', [{ path: `members.${i}.userId`, message: 'not in street' }]);
      return { userId: u._id, openid: u.openid, name: nameOf(u), role: m.role };
    });
    await db
      .collection(GRIDS)
      .doc(grid._id)
      .update({ data: { team: _.set(team), teamIds: _.set(team.map((m) => m.userId)), updatedAt: ctx.now } });
    return gridView({ ...grid, team });
  },
});
