/** A team with its room and the caller, in one read (one round trip). */
import type { ActionContext } from '../../common/action';
import type { UserDoc } from '../../common/directory/users';
import { notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { ROOMS, TEAMS, type RoomDoc, type TeamDoc } from '../documents';

/** The caller, the team and its room; NOT_FOUND when either is missing. */
export async function teamWithRoom(
  ctx: ActionContext,
  teamId: string,
): Promise<{ me: UserDoc; team: TeamDoc; room: RoomDoc }> {
  const read = await readWithCaller(ctx, [
    { as: 'team', from: TEAMS, match: { _id: teamId }, limit: 1 },
    { set: { teamRoomId: firstOf('team.roomId') } },
    { as: 'room', from: ROOMS, localField: 'teamRoomId', foreignField: '_id' },
  ]);
  const team = read.one<TeamDoc>('team');
  const room = read.one<RoomDoc>('room');
  if (!team || !room) throw notFound('团队');
  return { me: read.caller, team, room };
}
