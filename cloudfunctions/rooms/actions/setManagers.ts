/**
 * setManagers — an admin appoints the residents who look after a room (义务管理员: open, lock, check people in).
 * The list replaces the last one; each must be a user who lives within the admin's scope.
 * Input: { roomId, managerIds }. Result: { managers: string[] } (their names).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the room's place), NOT_FOUND (room; a user).
 * Round trips: 2 (caller with the room and the users, the update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { USERS, type UserDoc } from '../../common/directory/users';
import { roomsInputs } from '../contract';
import { nameOf, requireRoomAdmin } from '../domain/people';
import { ROOMS } from '../documents';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.setManagers,
  async run(input, ctx): Promise<{ managers: string[] }> {
    const ids = [...new Set(input.managerIds)];
    const { me, room, all } = await roomWithCaller(ctx, input.roomId, [
      { as: 'people', from: USERS, match: { _id: _.in(ids) }, limit: ids.length || 1 },
    ]);
    requireRoomAdmin(me, room);
    const people = all<UserDoc>('people');
    const byId = new Map(people.map((p) => [p._id, p]));
    const managers = ids.map((id) => {
      const p = byId.get(id);
      if (!p || !p.placePath.includes(room.placePath[1]!)) throw notFound('居民');
      return { id, name: nameOf(p) };
    });
    await db
      .collection(ROOMS)
      .doc(room._id)
      .update({ data: { managers: _.set(managers), managerIds: _.set(ids), updatedAt: ctx.now } });
    return { managers: managers.map((m) => m.name) };
  },
});
