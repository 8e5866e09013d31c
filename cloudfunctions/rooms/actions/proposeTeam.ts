/**
 * proposeTeam — a resident asks, as a team's leader (文体团队: 广场舞队, 诗词小组), for a weekly slot in a room;
 * the community admin approves it (decideTeam). Idempotent on the client's key.
 * Input: { roomId, name, weekday, start, end, members, idempotencyKey }. Result: TeamView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, CONFLICT (outside opening hours), CONTENT_REJECTED.
 * Round trips: 2 (caller with the room and any team made under the key, the insert); a replay: 1.
 */
import { action } from '../../common/action';
import { checkText } from '../../common/contentCheck';
import { conflict } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { roomsInputs, type TeamView } from '../contract';
import { nameOf } from '../domain/people';
import { teamView } from '../domain/views';
import { TEAMS, type TeamDoc } from '../documents';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.proposeTeam,
  async run(input, ctx): Promise<TeamView> {
    const teamId = idempotentId(ctx.openid, 'roomTeam', input.idempotencyKey);
    const { me, room, one } = await roomWithCaller(ctx, input.roomId, [
      { as: 'earlier', from: TEAMS, match: { _id: teamId }, limit: 1 },
    ]);
    const reply = (t: TeamDoc) => teamView(t, undefined, me._id, ctx.now);
    const earlier = one<TeamDoc>('earlier');
    if (earlier) return reply(earlier);
    const h = room.hours[input.weekday];
    if (!h || input.start < h.open || input.end > h.close) throw conflict('固定时段不在活动室的开放时间内');
    await checkText(ctx.openid, [input.name, ...input.members]);
    const team: TeamDoc = {
      _id: teamId,
      roomId: room._id,
      roomName: room.name,
      communityId: room.communityId,
      placePath: room.placePath,
      name: input.name,
      leaderId: me._id,
      leaderOpenid: ctx.openid,
      leaderName: nameOf(me),
      members: input.members,
      weekday: input.weekday,
      start: input.start,
      end: input.end,
      status: 'pending',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: TEAMS, build: () => team, reply });
  },
});
