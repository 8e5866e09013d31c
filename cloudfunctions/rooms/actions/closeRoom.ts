/**
 * closeRoom — a room manager closes (locks) the room: the open turn ends and its minutes are recorded for the
 * manager who opened it (volunteering time). Conditional on that very turn, so two taps close it once.
 * Input: { roomId }. Result: DutyResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the room's manager), NOT_FOUND, CONFLICT (not open).
 * Round trips: 3 (caller with the room, the room's mark removed, the turn's record completed).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, forbidden } from '../../common/errors';
import { roomsInputs, type DutyResult } from '../contract';
import { isManagerOf } from '../domain/people';
import { clockTextOf } from '../domain/slots';
import { durationWords } from '../domain/views';
import { DUTIES, ROOMS } from '../documents';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.closeRoom,
  async run(input, ctx): Promise<DutyResult> {
    const { me, room } = await roomWithCaller(ctx, input.roomId);
    if (!isManagerOf(me, room)) throw forbidden('只有这间活动室的管理员可以锁门');
    const duty = room.openDuty;
    if (!duty) throw conflict('活动室还没有开门');
    const res = await db
      .collection(ROOMS)
      .where({ _id: room._id, 'openDuty.id': duty.id })
      .update({ data: { openDuty: _.remove() } });
    if (updatedCount(res) !== 1) throw conflict('活动室刚刚已经锁门了');
    const minutes = Math.max(0, Math.round((ctx.now.getTime() - new Date(duty.at).getTime()) / 60_000));
    await db
      .collection(DUTIES)
      .doc(duty.id)
      .update({ data: { closedAt: ctx.now, minutes, closedBy: me._id } });
    return {
      open: false,
      minutes,
      text: `${clockTextOf(ctx.now)} 锁门，值守 ${durationWords(minutes)}，计入志愿服务时长`,
    };
  },
});
