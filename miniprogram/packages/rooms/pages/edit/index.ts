/**
 * 登记活动室 / 修改活动室 (admins): a room's name, kind, community, capacity, address, step-free entrance, equipment,
 * rules, photos (uploaded from the phone), the weekdays it opens and each one's hours, slot length, each person's weekly hours and the cancellation deadline;
 * when editing, the residents who manage it (found by name among the admin's residents). A new room opens its own
 * edit page, where managers can then be appointed.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { pickPhotos } from '../../../../lib/photos';
import { WEEKDAY_NAMES } from '../../../../shared/calendar';
import { ROOM_KINDS } from '../../../../shared/choices';
import { ROOMS_LIMITS } from '../../../../shared/limits';
import { ROOM_ROUTES } from '../../lib/routes';
import type { RoomEditView } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const halfHours = (from: number, to: number) =>
  Array.from({ length: (to - from) / 30 + 1 }, (_, i) => from + i * 30).map((m) => ({ m, text: clock(m) }));
const CHOICES = {
  kinds: [...ROOM_KINDS],
  opens: halfHours(6 * 60, 20 * 60),
  closes: halfHours(8 * 60, 22 * 60),
  slots: ROOMS_LIMITS.slotMinutesChoices.map((m) => ({ m, text: m % 60 ? `${m} 分钟` : `${m / 60} 小时` })),
  weekdays: [1, 2, 3, 4, 5, 6, 0].map((d) => ({ d, text: WEEKDAY_NAMES[d] })),
};

type DayHours = { open: number; close: number } | null;

/** The form: each weekday (0 = Sunday) its own hours, or null when closed. */
interface Form {
  communityId: string;
  name: string;
  kind: string;
  capacity: number;
  address: string;
  accessible: boolean;
  accessNote: string;
  equipment: string;
  rules: string;
  hours: DayHours[];
  slotMinutes: number;
  weeklyHours: number;
  cancelHours: number;
  photos: string[];
}

const NEW: Form = {
  communityId: '',
  name: '',
  kind: ROOM_KINDS[0],
  capacity: 10,
  address: '',
  accessible: true,
  accessNote: '',
  equipment: '',
  rules: '',
  hours: Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 21 * 60 })),
  slotMinutes: 60,
  weeklyHours: ROOMS_LIMITS.weeklyMinutesDefault / 60,
  cancelHours: ROOMS_LIMITS.cancelBeforeMinutesDefault / 60,
  photos: [],
};

function formOf(r: RoomEditView): Form {
  return {
    communityId: r.communityId,
    name: r.name,
    kind: r.kind,
    capacity: r.capacity,
    address: r.address,
    accessible: r.accessible,
    accessNote: r.accessNote,
    equipment: r.equipment.join('、'),
    rules: r.rules,
    hours: r.hours,
    slotMinutes: r.slotMinutes,
    weeklyHours: Math.round(r.weeklyLimitMinutes / 60),
    cancelHours: Math.round(r.cancelBeforeMinutes / 60),
    photos: r.photos,
  };
}

function settingsOf(f: Form) {
  return {
    name: f.name,
    kind: f.kind as (typeof ROOM_KINDS)[number],
    capacity: f.capacity,
    address: f.address,
    accessible: f.accessible,
    accessNote: f.accessible ? f.accessNote : '',
    equipment: f.equipment
      .split(/[,，、\s]+/)
      .map((e) => e.trim())
      .filter(Boolean),
    rules: f.rules,
    hours: f.hours,
    slotMinutes: f.slotMinutes as 30 | 60 | 90 | 120,
    weeklyLimitMinutes: f.weeklyHours * 60,
    cancelBeforeMinutes: f.cancelHours * 60,
    photos: f.photos,
  };
}

/** The open weekdays, Monday first, as rows: `周一 08:00–21:00`. */
function dayRows(hours: readonly DayHours[], editing: number) {
  return CHOICES.weekdays
    .filter(({ d }) => hours[d])
    .map(({ d, text }) => ({
      d,
      text: `${text} ${clock(hours[d]!.open)}–${clock(hours[d]!.close)}`,
      on: d === editing,
    }));
}

/** The first open weekday (Monday first), or -1. */
const firstOpen = (hours: readonly DayHours[]) => CHOICES.weekdays.find(({ d }) => hours[d])?.d ?? -1;

/** The day being edited, its rows and its hours, after the hours changed. */
function hoursState(hours: DayHours[], editing: number) {
  const day = hours[editing] ? editing : firstOpen(hours);
  return {
    'form.hours': hours,
    editing: day,
    dayRows: dayRows(hours, day),
    editingName: day >= 0 ? WEEKDAY_NAMES[day] : '',
    editingHours: day >= 0 ? hours[day] : null,
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    form: { ...NEW } as Form,
    communities: [] as { id: string; name: string }[],
    /** The open weekday whose hours the time chips set. */
    editing: 1,
    editingName: '',
    editingHours: null as DayHours,
    dayRows: dayRows(NEW.hours, 1),
    managers: [] as { id: string; name: string }[],
    query: '',
    found: [] as { id: string; name: string; line: string }[],
    choices: CHOICES,
    key: '',
    busy: '',
    banner: '',
    errors: {} as Record<string, string>,
    photosMax: ROOMS_LIMITS.photosMax,
    max: { name: ROOMS_LIMITS.nameMax, rules: ROOMS_LIMITS.rulesMax, accessNote: ROOMS_LIMITS.accessNoteMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '', key: newIdempotencyKey(), ...hoursState(NEW.hours, 1) });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      if (this.data.id) {
        const reply = await call('rooms', 'roomDetail', { roomId: this.data.id });
        if (!reply.ok) return reply;
        const edit = reply.data.edit;
        if (!edit)
          return { ok: false, error: { code: 'FORBIDDEN', message: '只有社区管理员可以修改活动室' } };
        const form = formOf(edit);
        return {
          ok: true,
          data: { form, managers: edit.managers, ...hoursState(form.hours, firstOpen(form.hours)) },
        };
      }
      const reply = await call('account', 'adminCommunities');
      if (!reply.ok) return reply;
      const communities = reply.data.map((c) => ({ id: c.id, name: `${c.streetName} ${c.name}` }));
      return { ok: true, data: { communities, 'form.communityId': communities[0]?.id ?? '' } };
    },
    onField(
      e: WechatMiniprogram.CustomEvent<
        { value: string | number | boolean },
        Record<string, never>,
        { field: string }
      >,
    ) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, errors: {} });
    },
    onPick(e: Tap) {
      const { field, value, number } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: number ? Number(value) : value });
    },
    /** Opens or closes a weekday; a day opened takes the hours of the day being edited. */
    onDay(e: Tap) {
      const d = Number(e.currentTarget.dataset.day);
      const hours = [...this.data.form.hours];
      const like = this.data.editingHours ?? { open: 8 * 60, close: 21 * 60 };
      hours[d] = hours[d] ? null : { ...like };
      this.setData({ ...hoursState(hours, hours[d] ? d : this.data.editing), errors: {} });
    },
    /** Picks the open weekday whose hours the time chips set. */
    onEditDay(e: Tap) {
      this.setData(hoursState(this.data.form.hours, Number(e.currentTarget.dataset.day)));
    },
    /** Sets the opening or closing time of the day being edited. */
    onTime(e: Tap) {
      const { edge, value } = e.currentTarget.dataset;
      const day = this.data.editing;
      const hours = [...this.data.form.hours];
      const h = hours[day];
      if (!h) return;
      hours[day] = { ...h, [edge === 'open' ? 'open' : 'close']: Number(value) };
      this.setData({ ...hoursState(hours, day), errors: {} });
    },
    /** Gives every open weekday the hours of the day being edited. */
    onSameForAll() {
      const like = this.data.editingHours;
      if (!like) return;
      const hours = this.data.form.hours.map((h) => (h ? { ...like } : null));
      this.setData(hoursState(hours, this.data.editing));
      wx.showToast({ title: '每个开放日都是这个时间了', icon: 'none' });
    },
    async onAddPhoto() {
      if (this.data.busy) return;
      this.setData({ busy: 'photos', banner: '' });
      const picked = await pickPhotos(
        ROOMS_LIMITS.photoFolder,
        ROOMS_LIMITS.photosMax - this.data.form.photos.length,
      );
      this.setData({
        busy: '',
        'form.photos': [...this.data.form.photos, ...picked.fileIds].slice(0, ROOMS_LIMITS.photosMax),
      });
      if (picked.failed) wx.showToast({ title: '有照片没传上去，请再试一次', icon: 'none' });
    },
    onRemovePhoto(e: Tap) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ 'form.photos': this.data.form.photos.filter((_p, k) => k !== i) });
    },
    async onSave() {
      if (this.data.busy) return;
      const f = this.data.form;
      this.setData({ busy: 'save', banner: '', errors: {} });
      const wrong = CHOICES.weekdays.find(({ d }) => f.hours[d] && f.hours[d]!.close <= f.hours[d]!.open);
      if (wrong) {
        this.setData({
          busy: '',
          banner: `${wrong.text}的关门时间要晚于开门时间`,
          ...hoursState(f.hours, wrong.d),
        });
        return;
      }
      if (!f.hours.some(Boolean)) {
        this.setData({ busy: '', banner: '请至少选一天开放' });
        return;
      }
      const settings = settingsOf(f);
      const reply = this.data.id
        ? await call('rooms', 'updateRoom', { roomId: this.data.id, ...settings })
        : await call('rooms', 'createRoom', {
            communityId: f.communityId,
            ...settings,
            idempotencyKey: this.data.key,
          });
      this.setData({ busy: '' });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, {
          name: `请填名称，最多 ${ROOMS_LIMITS.nameMax} 个字`,
          address: '请填活动室在哪里',
        });
        this.setData({
          errors,
          banner: Object.keys(errors).length ? '请看一下标红的地方' : reply.error.message,
        });
        return;
      }
      wx.showToast({ title: '已保存', icon: 'success' });
      if (!this.data.id) wx.redirectTo({ url: ROOM_ROUTES.edit(reply.data.id) });
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    async onSearch() {
      this.setData({ busy: 'search', banner: '' });
      const reply = await call('account', 'searchUsers', {
        query: this.data.query,
        communityId: this.data.form.communityId,
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      const found = reply.data.items
        .filter((u) => u.kind === 'wechat')
        .map((u) => ({
          id: u.id,
          name: u.realNameMasked ? `${u.nickname}（${u.realNameMasked}）` : u.nickname,
          line: [u.age ? `${u.age} 岁` : '', u.phoneMasked ?? ''].filter(Boolean).join(' · '),
        }));
      this.setData({ found });
      if (found.length === 0) this.setData({ banner: '没有找到这位居民' });
    },
    async saveManagers(ids: string[]) {
      this.setData({ busy: 'managers', banner: '' });
      const reply = await call('rooms', 'setManagers', { roomId: this.data.id, managerIds: ids });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      const managers = ids.map((id, i) => ({ id, name: reply.data.managers[i] ?? '' }));
      this.setData({ managers, found: [], query: '' });
      wx.showToast({ title: '管理员已更新', icon: 'none' });
    },
    async onAppoint(e: Tap) {
      const id = e.currentTarget.dataset.id;
      if (this.data.managers.some((m) => m.id === id)) return;
      if (this.data.managers.length >= ROOMS_LIMITS.managersPerRoomMax) {
        this.setData({ banner: `每间活动室最多 ${ROOMS_LIMITS.managersPerRoomMax} 位管理员` });
        return;
      }
      await this.saveManagers([...this.data.managers.map((m) => m.id), id]);
    },
    async onRemove(e: Tap) {
      await this.saveManagers(
        this.data.managers.map((m) => m.id).filter((id) => id !== e.currentTarget.dataset.id),
      );
    },
  },
});
