/**
 * 活动室详情与预约: what the room is (equipment, rules, step-free entrance, hours, teams' times, closures), the
 * coming week's dates and the chosen date's slots with places left. The resident taps a free slot (and the ones
 * right after it, up to four), says how many people and what for, and books; the code to show the manager comes
 * back at once. A pause after no-shows is explained instead of the booking form.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { ROOMS_LIMITS } from '../../../../shared/limits';
import { ROOM_ROUTES } from '../../lib/routes';
import { askConsent, ROOM_TEMPLATES } from '../../lib/templates';
import type { BookingView, RoomDetail } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { index: number; date: string }
>;

/** The slots as rows, with the chosen run marked, and the book button's words. */
function chosen(room: RoomDetail, first: number, count: number) {
  const slots = room.slots.map((s, i) => ({ ...s, chosen: first >= 0 && i >= first && i < first + count }));
  const from = room.slots[first];
  const to = room.slots[first + count - 1];
  const bookLabel = from && to ? `预约 ${from.text.slice(0, 5)}–${to.text.slice(-5)}` : '预约';
  return { slots, first, count, bookLabel };
}

/** Lines of the room's facts (lists joined for a cell). */
function facts(room: RoomDetail) {
  return {
    hoursLine: room.hoursText.join('；'),
    equipmentLine: room.equipment.join('、'),
    managersLine: room.managers.join('、'),
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    room: null as RoomDetail | null,
    slots: [] as (RoomDetail['slots'][number] & { chosen: boolean })[],
    first: -1,
    count: 0,
    bookLabel: '预约',
    facts: { hoursLine: '', equipmentLine: '', managersLine: '' },
    runMax: ROOMS_LIMITS.slotsPerBookingMax,
    people: 1,
    purpose: '',
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    done: null as BookingView | null,
    key: '',
    max: { purpose: ROOMS_LIMITS.purposeMax },
    routes: { mine: ROOM_ROUTES.mine, duty: ROOM_ROUTES.duty, admin: ROOM_ROUTES.admin, propose: '' },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({
        id: query.id ?? '',
        key: newIdempotencyKey(),
        'routes.propose': ROOM_ROUTES.propose(query.id ?? ''),
      });
      void this.reload(query);
    },
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('rooms', 'roomDetail', {
        roomId: this.data.id,
        ...(query.date ? { date: query.date } : {}),
      });
      if (!reply.ok) return reply;
      const room = reply.data;
      return { ok: true, data: { room, facts: facts(room), ...chosen(room, -1, 0) } };
    },
    onPhoto(e: Tap) {
      const photos = this.data.room?.photos ?? [];
      const current = photos[Number(e.currentTarget.dataset.index)];
      if (current) void wx.previewImage({ urls: photos, current });
    },
    onDate(e: Tap) {
      this.setData({ banner: '', done: null });
      void this.reload({ ...pageQuery(this), date: e.currentTarget.dataset.date });
    },
    onSlot(e: Tap) {
      const room = this.data.room;
      if (!room) return;
      const i = Number(e.currentTarget.dataset.index);
      if (!room.slots[i]?.bookable) return;
      let { first, count } = this.data;
      if (first >= 0 && i === first + count && count < ROOMS_LIMITS.slotsPerBookingMax) count += 1;
      else if (first >= 0 && i === first + count - 1 && count > 1) count -= 1;
      else if (i === first && count === 1) [first, count] = [-1, 0];
      else [first, count] = [i, 1];
      this.setData({ ...chosen(room, first, count), banner: '', done: null });
    },
    onPeople(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ people: Number(e.detail.value) });
    },
    onPurpose(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ purpose: e.detail.value, 'errors.purpose': '' });
    },
    async onBook() {
      const { room, first, count, busy } = this.data;
      if (busy || !room) return;
      if (first < 0) {
        this.setData({ banner: '请先点选要预约的时段' });
        return;
      }
      this.setData({ busy: true, banner: '', errors: {} });
      // Asked in the tap: a closure that cancels the booking can only be told to someone who agreed.
      await askConsent(ROOM_TEMPLATES.closed);
      const reply = await call('rooms', 'book', {
        roomId: room.id,
        date: room.date,
        start: room.slots[first]!.start,
        slots: count,
        people: this.data.people,
        purpose: this.data.purpose,
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, {
          purpose: `请写一下用途，最多 ${ROOMS_LIMITS.purposeMax} 个字`,
        });
        this.setData({ errors, banner: Object.keys(errors).length ? '' : reply.error.message });
        if (reply.error.code === 'LIMIT_REACHED' || reply.error.code === 'CONFLICT')
          await this.reload({ ...pageQuery(this), date: room.date });
        return;
      }
      this.setData({ key: newIdempotencyKey(), purpose: '' });
      await this.reload({ ...pageQuery(this), date: room.date });
      this.setData({ done: reply.data });
    },
  },
});
