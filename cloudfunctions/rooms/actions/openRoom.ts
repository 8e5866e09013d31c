/**
 * openRoom — a room manager opens the room: their turn on duty starts (its time counts as volunteering time).
 * Only one turn at a time: the room is marked open by an update conditional on it not being open.
 * Input: { roomId }. Result: DutyResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the room's manager), NOT_FOUND, CONFLICT (already open).
 * Round trips: 3 (caller with the room, the room's mark, the turn's record).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, forbidden } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { roomsInputs, type DutyResult } from '../contract';
import { isManagerOf, nameOf } from '../domain/people';
import { clockTextOf } from '../domain/slots';
import { DUTIES, ROOMS, type DutyDoc } from '../documents';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.openRoom,
  async run(input, ctx): Promise<DutyResult> {
    const { me, room } = await roomWithCaller(ctx, input.roomId);
    if (!isManagerOf(me, room)) throw forbidden('只有这间活动室的管理员可以开门');
    if (room.openDuty) throw conflict(`${room.openDuty.name}已经开门了`);
    const duty: DutyDoc = {
      _id: idempotentId(me._id, 'roomDuty', `${room._id}@${ctx.now.getTime()}`),
      roomId: room._id,
      roomName: room.name,
      communityId: room.communityId,
      placePath: room.placePath,
      managerId: me._id,
      managerName: nameOf(me),
      managerOpenid: me.openid,
      communityName: room.communityName,
      openedAt: ctx.now,
    };
    const res = await db
      .collection(ROOMS)
      .where({ _id: room._id, openDuty: _.exists(false) })
      .update({
        data: { openDuty: _.set({ id: duty._id, by: me._id, name: duty.managerName, at: ctx.now }) },
      });
    if (updatedCount(res) !== 1) throw conflict('活动室刚刚已经开门了');
    await db.collection(DUTIES).add({ data: duty });
    return { open: true, minutes: 0, text: `${clockTextOf(ctx.now)} 开门` };
  },
});
