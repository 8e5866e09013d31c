/**
 * listRooms — rooms near the resident: those of their street (their own community first), or of one community,
 * each with today's free slots still to come.
 * Input: { communityId? }. Result: { items: RoomListItem[] }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (caller, the rooms).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { roomsInputs, type RoomListItem } from '../contract';
import { roomListItem } from '../domain/views';
import { ROOMS, type RoomDoc } from '../documents';

/** Rooms read for one list (a street has a few dozen at most). */
const ROOMS_MAX = 100;

export default action({
  input: roomsInputs.listRooms,
  async run(input, ctx): Promise<{ items: RoomListItem[] }> {
    const me = await ctx.caller();
    const near = input.communityId ?? me.placePath[1] ?? me.communityId;
    if (!near) return { items: [] };
    const rooms = rows<RoomDoc>(
      await db
        .collection(ROOMS)
        .where({ placePath: near })
        .field({ holds: false, mins: false })
        .limit(ROOMS_MAX)
        .get(),
    );
    const items = rooms
      .map((r) => roomListItem({ ...r, holds: {}, mins: {} }, ctx.now, me.communityId))
      .sort(
        (a, b) =>
          Number(b.mine) - Number(a.mine) || b.freeCount - a.freeCount || a.name.localeCompare(b.name, 'zh'),
      );
    return { items };
  },
});
