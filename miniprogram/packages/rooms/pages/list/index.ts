/**
 * 活动室: the rooms of the resident's street (their own community first), each with today's hours and the free
 * slots still to come, a step-free entrance marked; ways to their bookings, their teams, and (for room managers)
 * today's duty.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { ROOM_ROUTES } from '../../lib/routes';
import type { RoomListItem } from '../../lib/views';

/** A room as a card. */
function cardOf(r: RoomListItem) {
  return {
    id: r.id,
    url: ROOM_ROUTES.room(r.id),
    name: r.name,
    place: `${r.communityName} · ${r.kind} · 可容纳 ${r.capacity} 人`,
    today: r.todayText,
    free:
      r.freeCount === 0
        ? '今天没有空闲时段了'
        : `今天还有 ${r.freeCount} 个空闲时段：${r.freeToday.map((s) => s.text).join('、')}${r.freeCount > r.freeToday.length ? ' 等' : ''}`,
    hasFree: r.freeCount > 0,
    accessible: r.accessible,
    mine: r.mine,
    photo: r.photo ?? '',
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    items: [] as ReturnType<typeof cardOf>[],
    manages: 0,
    routes: { mine: ROOM_ROUTES.mine, teams: ROOM_ROUTES.teams, duty: ROOM_ROUTES.duty },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('rooms', 'listRooms', {});
      if (!reply.ok) return reply;
      return { ok: true, data: { items: reply.data.items.map(cardOf), manages: reply.data.manages } };
    },
  },
});
