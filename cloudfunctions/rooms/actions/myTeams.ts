/**
 * myTeams — the teams the caller leads, with their slots, state and coming meetings (to skip or move).
 * Input: {}. Result: { items: TeamView[] }.
 * Errors: UNAUTHENTICATED.
 * Round trips: 2 (caller, the teams with their rooms).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { roomsInputs, type TeamView } from '../contract';
import { teamView } from '../domain/views';
import { ROOMS, TEAMS, type RoomDoc, type TeamDoc } from '../documents';

/** Teams one person leads, at most. */
const LEADS_MAX = 20;

export default action({
  input: roomsInputs.myTeams,
  async run(_input, ctx): Promise<{ items: TeamView[] }> {
    const me = await ctx.caller();
    const res = (await db
      .collection(TEAMS)
      .aggregate()
      .match({ leaderId: me._id })
      .sort({ createdAt: -1 })
      .limit(LEADS_MAX)
      .lookup({ from: ROOMS, localField: 'roomId', foreignField: '_id', as: 'room' })
      .end()) as { list: (TeamDoc & { room: Pick<RoomDoc, 'teams'>[] })[] };
    return {
      items: res.list.map(({ room, ...t }) =>
        teamView(
          t,
          room[0]?.teams.find((s) => s.teamId === t._id),
          me._id,
          ctx.now,
        ),
      ),
    };
  },
});
