/** The caller and a room, in one read (one round trip). */
import type { ActionContext } from '../../common/action';
import type { UserDoc } from '../../common/directory/users';
import { notFound } from '../../common/errors';
import { readWithCaller, type Join } from '../../common/joins';
import { ROOMS, type RoomDoc } from '../documents';

/** The caller, the room (NOT_FOUND when missing) and any further joins. */
export async function roomWithCaller(
  ctx: ActionContext,
  roomId: string,
  more: Join[] = [],
): Promise<{ me: UserDoc; room: RoomDoc; one<T>(as: string): T | undefined; all<T>(as: string): T[] }> {
  const read = await readWithCaller(ctx, [
    { as: 'room', from: ROOMS, match: { _id: roomId }, limit: 1 },
    ...more,
  ]);
  const room = read.one<RoomDoc>('room');
  if (!room) throw notFound('活动室');
  return { me: read.caller, room, one: read.one, all: read.all };
}
