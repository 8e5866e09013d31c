/**
 * roomDetail — a room's page: what it is (equipment, rules, step-free entrance, hours), the dates of the coming
 * week and the chosen date's slots with places left, teams' times, closures, and what the caller may still book
 * (minutes left this week, a pause after no-shows, explained); its admins also get its settings to edit.
 * Input: { roomId, date? (today) }. Result: RoomDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND.
 * Round trips: 1 (caller with the room and their record).
 */
import { action } from '../../common/action';
import { isAdminOver } from '../../common/auth';
import { notFound } from '../../common/errors';
import { maskName } from '../../common/mask';
import { readWithCaller } from '../../common/joins';
import { dateKey, dateKeyText } from '../../../miniprogram/shared/calendar';
import { roomsInputs, type RoomDetail } from '../contract';
import { pauseRefusal } from '../domain/booking';
import { isManagerOf } from '../domain/people';
import { daySlots, weekKeyOf } from '../domain/slots';
import {
  dateChoices,
  editView,
  durationWords,
  hoursWords,
  roomListItem,
  slotView,
  teamSlotWords,
} from '../domain/views';
import { ROOM_PEOPLE, ROOMS, type RoomDoc, type RoomPersonDoc } from '../documents';

export default action({
  input: roomsInputs.roomDetail,
  async run(input, ctx): Promise<RoomDetail> {
    const read = await readWithCaller(ctx, [
      { as: 'room', from: ROOMS, match: { _id: input.roomId }, limit: 1 },
      { as: 'record', from: ROOM_PEOPLE, localField: '_id', foreignField: '_id' },
    ]);
    const me = read.caller;
    const room = read.one<RoomDoc>('room');
    if (!room) throw notFound('活动室');
    const date = input.date ?? dateKey(ctx.now);
    const today = dateKey(ctx.now);
    const used = room.mins[weekKeyOf(date)]?.[me._id] ?? 0;
    return {
      ...roomListItem(room, ctx.now, me.communityId),
      photos: room.photos,
      equipment: room.equipment,
      rules: room.rules,
      accessNote: room.accessNote,
      address: room.address,
      slotMinutes: room.slotMinutes,
      weeklyLimitText: `每人每周最多 ${durationWords(room.weeklyLimitMinutes)}`,
      cancelText:
        room.cancelBeforeMinutes > 0
          ? `开始前 ${durationWords(room.cancelBeforeMinutes)}以前可取消`
          : '开始前都可取消',
      hoursText: hoursWords(room),
      dates: dateChoices(room, ctx.now),
      date,
      slots: daySlots(room, date, ctx.now).map((s) => slotView(s, room.capacity)),
      minutesLeft: Math.max(0, room.weeklyLimitMinutes - used),
      paused: pauseRefusal(read.one<RoomPersonDoc>('record')?.pausedUntil, ctx.now)?.message ?? null,
      teams: room.teams.map((t) => ({ name: t.name, text: teamSlotWords(t) })),
      closures: room.closures
        .filter((c) => c.to >= today)
        .map((c) => ({
          text: `${dateKeyText(c.from)}${c.to === c.from ? '' : `–${dateKeyText(c.to)}`} 暂停开放：${c.reason}`,
        })),
      managers: room.managers.map((m) => maskName(m.name)),
      isManager: isManagerOf(me, room),
      isAdmin: isAdminOver(me, room.placePath),
      edit: isAdminOver(me, room.placePath) ? editView(room) : null,
    };
  },
});
