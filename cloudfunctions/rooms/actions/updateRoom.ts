/**
 * updateRoom — an admin changes a room's settings (what is sent changes). The rules move on (`rulesRev`), so a
 * booking decided on the old capacity or hours is refused and decided again; bookings already made stay.
 * Photos must be the caller's own uploads or already the room's.
 * Input: { roomId, …settings? }. Result: CreatedRoom.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the room's place), NOT_FOUND, CONTENT_REJECTED.
 * Round trips: 2 (caller with the room, the update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { requireOwnUploads } from '../../common/uploads';
import { PHOTO_FOLDER, roomsInputs, type CreatedRoom } from '../contract';
import { requireRoomAdmin } from '../domain/people';
import { ROOMS } from '../documents';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.updateRoom,
  async run(input, ctx): Promise<CreatedRoom> {
    const { me, room } = await roomWithCaller(ctx, input.roomId);
    requireRoomAdmin(me, room);
    const { roomId: _id, ...changes } = input;
    if (changes.photos)
      requireOwnUploads(changes.photos, {
        folder: PHOTO_FOLDER,
        userId: me._id,
        kept: room.photos,
        field: 'photos',
      });
    await checkText(ctx.openid, [
      changes.name,
      changes.rules,
      changes.accessNote,
      ...(changes.equipment ?? []),
    ]);
    const data: Record<string, unknown> = { rulesRev: _.inc(1), rev: _.inc(1), updatedAt: ctx.now };
    for (const [k, v] of Object.entries(changes))
      if (v !== undefined) data[k] = typeof v === 'object' ? _.set(v) : v;
    await db.collection(ROOMS).doc(room._id).update({ data });
    return { id: room._id, name: changes.name ?? room.name };
  },
});
