/**
 * decideTeam — the community admin approves or declines a team's weekly slot. Approval is one update of the room
 * conditional on its rules being as read and on the slot being empty on every date open for booking now, so a
 * booking landing at the same moment and the team never share the slot: one of them is refused. The leader is told
 * either way (subscription message).
 * Input: { teamId, approve, note }. Result: TeamView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the room's place), NOT_FOUND, CONFLICT
 * (decided already; outside hours; another team's time; residents have booked it; the room changed meanwhile).
 * Round trips: 4 (caller with the team and room, the room's change, the team's update, the message kept in the
 * leader's message centre); declining: 3.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { roomsInputs, type TeamView } from '../contract';
import { planTeamSlot } from '../domain/booking';
import { requireRoomAdmin } from '../domain/people';
import { teamView } from '../domain/views';
import { TEAMS, type TeamDoc, type TeamSlot } from '../documents';
import { notifyTeamDecided } from '../notices';
import { orRefuse } from '../steps/refusals';
import { teamWithRoom } from '../steps/teamAccess';
import { changeRoom } from '../store';

export default action({
  input: roomsInputs.decideTeam,
  async run(input, ctx): Promise<TeamView> {
    const { me, team, room } = await teamWithRoom(ctx, input.teamId);
    requireRoomAdmin(me, room);
    if (team.status !== 'pending') throw conflict('这个团队的申请已经处理过了');
    const slot: TeamSlot = {
      teamId: team._id,
      name: team.name,
      weekday: team.weekday,
      start: team.start,
      end: team.end,
      skips: [],
      moves: [],
    };
    if (input.approve) {
      const change = orRefuse(planTeamSlot(room, slot, ctx.now));
      if (!(await changeRoom(room._id, change, ctx.now)))
        throw conflict('这个时段刚刚有居民预约或安排有变化，请刷新后再批');
    }
    const status = input.approve ? 'approved' : 'rejected';
    const res = await db
      .collection(TEAMS)
      .where({ _id: team._id, status: 'pending' })
      .update({
        data: { status, decidedBy: me._id, decidedAt: ctx.now, note: input.note, updatedAt: ctx.now },
      });
    if (updatedCount(res) !== 1) throw conflict('这个团队的申请已经处理过了');
    const decided: TeamDoc = { ...team, status, note: input.note };
    const view = teamView(decided, input.approve ? slot : undefined, me._id, ctx.now);
    await notifyTeamDecided(team.leaderOpenid, view, input.approve, input.note);
    return view;
  },
});
