/**
 * createRoom — a community (or street) admin adds a room of a community in their scope: kind, capacity,
 * equipment, rules, step-free entrance, opening hours per weekday, slot length, weekly limit per person and the
 * cancellation deadline. Idempotent on the client's key.
 * Input: { communityId, …settings, idempotencyKey }. Result: CreatedRoom.
 * Photos must be the caller's own uploads (`rooms/<user id>/…`).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the community), NOT_FOUND (community),
 * CONTENT_REJECTED.
 * Round trips: 2 (caller with the community and any room made under the key, the insert); a replay: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { checkText } from '../../common/contentCheck';
import { notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { readWithCaller } from '../../common/joins';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { requireOwnUploads } from '../../common/uploads';
import { PHOTO_FOLDER, roomsInputs, type CreatedRoom } from '../contract';
import { ROOMS, type RoomDoc } from '../documents';

export default action({
  input: roomsInputs.createRoom,
  async run(input, ctx): Promise<CreatedRoom> {
    const roomId = idempotentId(ctx.openid, 'createRoom', input.idempotencyKey);
    const read = await readWithCaller(ctx, [
      { as: 'community', from: PLACES, match: { _id: input.communityId, level: 'community' }, limit: 1 },
      { as: 'earlier', from: ROOMS, match: { _id: roomId }, limit: 1, project: { name: 1 } },
    ]);
    const reply = (r: Pick<RoomDoc, '_id' | 'name'>): CreatedRoom => ({ id: r._id, name: r.name });
    const earlier = read.one<RoomDoc>('earlier');
    if (earlier) return reply(earlier);
    const community = read.one<PlaceDoc>('community');
    if (!community) throw notFound('社区');
    requireAdminOver(read.caller, community.path);
    requireOwnUploads(input.photos, { folder: PHOTO_FOLDER, userId: read.caller._id, field: 'photos' });
    await checkText(ctx.openid, [input.name, input.rules, input.accessNote, ...input.equipment]);
    const { idempotencyKey: _key, communityId: _c, ...settings } = input;
    const room: RoomDoc = {
      _id: roomId,
      ...settings,
      communityId: community._id,
      communityName: community.name,
      placePath: community.path,
      managers: [],
      managerIds: [],
      closures: [],
      teams: [],
      used: {},
      mins: {},
      holds: {},
      rulesRev: 0,
      rev: 0,
      createdBy: read.caller._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: ROOMS, build: () => room, reply });
  },
});
