/**
 * updateTeamMembers — a team's leader keeps its member list (names as people call each other: 王阿姨, 老李);
 * the list replaces the last one.
 * Input: { teamId, members }. Result: TeamView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the leader), NOT_FOUND, CONTENT_REJECTED.
 * Round trips: 2 (caller with the team and room, the update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { forbidden } from '../../common/errors';
import { roomsInputs, type TeamView } from '../contract';
import { teamView } from '../domain/views';
import { TEAMS } from '../documents';
import { teamWithRoom } from '../steps/teamAccess';

export default action({
  input: roomsInputs.updateTeamMembers,
  async run(input, ctx): Promise<TeamView> {
    const { me, team, room } = await teamWithRoom(ctx, input.teamId);
    if (team.leaderId !== me._id) throw forbidden('只有团队负责人可以管理成员');
    await checkText(ctx.openid, input.members);
    await db
      .collection(TEAMS)
      .doc(team._id)
      .update({ data: { members: _.set(input.members), updatedAt: ctx.now } });
    const slot = room.teams.find((t) => t.teamId === team._id);
    return teamView({ ...team, members: input.members }, slot, me._id, ctx.now);
  },
});
