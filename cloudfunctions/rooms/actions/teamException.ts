/**
 * teamException — a team's leader skips one week's meeting (the slot is free for bookings that day) or moves one
 * meeting once to another free time in the booking horizon (taken like a booking of the whole room: only while
 * nobody has booked it).
 * Input: { teamId, kind: 'skip', date } | { teamId, kind: 'move', date, toDate, toStart }. Result: TeamView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the leader), NOT_FOUND, CONFLICT (not a meeting date;
 * moved already; the target closed, booked or another team's; the room changed meanwhile).
 * Round trips: 2 (caller with the team and room, the room's change).
 */
import { action } from '../../common/action';
import { conflict, forbidden } from '../../common/errors';
import { roomsInputs, type TeamView } from '../contract';
import { applyChange } from '../domain/change';
import { planException } from '../domain/booking';
import { teamView } from '../domain/views';
import { orRefuse } from '../steps/refusals';
import { teamWithRoom } from '../steps/teamAccess';
import { changeRoom } from '../store';

export default action({
  input: roomsInputs.teamException,
  async run(input, ctx): Promise<TeamView> {
    const { me, team, room } = await teamWithRoom(ctx, input.teamId);
    if (team.leaderId !== me._id) throw forbidden('只有团队负责人可以调整活动时间');
    if (team.status !== 'approved') throw conflict('团队还没有固定时段');
    const { teamId, ...ex } = input;
    const change = orRefuse(planException(room, teamId, ex, ctx.now));
    if (!(await changeRoom(room._id, change, ctx.now))) throw conflict('活动室的安排刚刚有变化，请重试');
    const after = applyChange(room, { ...change, atMost: [], equals: {} })!;
    return teamView(
      team,
      after.teams.find((t) => t.teamId === teamId),
      me._id,
      ctx.now,
    );
  },
});
