/**
 * listRooms — rooms near the resident: those of their street (their own community first), or of one community,
 * each with today's free slots still to come.
 * Also how many rooms the caller looks after as a manager (their page shows the way to today's duty).
 * Input: { communityId? }. Result: { items: RoomListItem[], manages: number }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (caller with the rooms they manage, the rooms near them).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { readWithCaller } from '../../common/joins';
import { roomsInputs, type RoomListItem } from '../contract';
import { roomListItem } from '../domain/views';
import { ROOMS, type RoomDoc } from '../documents';

/** Rooms read for one list (a street has a few dozen at most). */
const ROOMS_MAX = 100;

export default action({
  input: roomsInputs.listRooms,
  async run(input, ctx): Promise<{ items: RoomListItem[]; manages: number }> {
    const read = await readWithCaller(ctx, [
      {
        as: 'manages',
        from: ROOMS,
        let: { me: '$_id' },
        expr: { $in: ['$$me', '$managerIds'] },
        project: { name: 1 },
      },
    ]);
    const me = read.caller;
    const manages = read.all<RoomDoc>('manages').length;
    const near = input.communityId ?? me.placePath[1] ?? me.communityId;
    if (!near) return { items: [], manages };
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
    return { items, manages };
  },
});
