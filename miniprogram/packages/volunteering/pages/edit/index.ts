/**
 * 发布 / 修改活动: staff publish for their organization, admins for a place they administer. Everything the
 * activity needs — what, where (chosen on the map or the current position, for the check-in radius), when, how
 * many, which skills — with defaults that suit most (sign-up until the start; cancelling later than 24 hours
 * before counts as late). Once published, only the description, skills and seats can change.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { type PlaceView } from '../../../../lib/account';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { communitiesUnder, streetNameOf } from '../../../../lib/places';
import { ensureSession } from '../../../../lib/session';
import { type Skill } from '../../lib/views';
import { addDays, dateKey, dateTimeKey, dateTimeKeyText, parseDateTime } from '../../../../shared/calendar';
import { VOL_LIMITS } from '../../../../shared/limits';
import { SKILLS } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

/** Who the activity is published as. */
interface Publisher {
  key: string;
  label: string;
  orgId?: string;
}

/** A community to choose. */
interface CommunityChoice {
  id: string;
  label: string;
}

const DURATIONS = [
  { value: 60, label: '1 小时' },
  { value: 90, label: '1.5 小时' },
  { value: 120, label: '2 小时' },
  { value: 180, label: '3 小时' },
  { value: 240, label: '半天' },
];
const RADII = [100, 200, 300, 500];

const FIELD_HINTS: Record<string, string> = {
  title: `请写一个活动名称（${VOL_LIMITS.titleMax} 字以内）`,
  address: '请写清集合地点',
  startAt: '请选择开始时间',
  endAt: '活动时长不对',
  capacity: `名额在 1 到 ${VOL_LIMITS.capacityMax} 之间`,
  description: `说明最多 ${VOL_LIMITS.descriptionMax} 字`,
};

/** The place tree and the admin's scopes, per page instance (kept off the rendered data). */
const placeCache = new WeakMap<object, { places: PlaceView[]; scopes: string[] }>();

/** Tomorrow 09:00 (Beijing), the usual first choice, as `YYYY-MM-DD HH:mm`. */
function tomorrowMorning(): string {
  return `${addDays(dateKey(Date.now()), 1)} 09:00`;
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    editing: false,
    fixedLines: [] as string[],
    publishers: [] as Publisher[],
    publisher: '',
    communities: [] as CommunityChoice[],
    communityId: '',
    title: '',
    description: '',
    address: '',
    location: null as { latitude: number; longitude: number } | null,
    when: tomorrowMorning(),
    whenText: dateTimeKeyText(tomorrowMorning()),
    pickerOpen: false,
    pickerStart: dateTimeKey(Date.now()),
    durations: DURATIONS,
    duration: 120,
    capacity: 10,
    skillChoices: [...SKILLS],
    skillOn: {} as Record<string, boolean>,
    radii: RADII,
    radius: 300,
    /** 爱心积分 per verified hour on top of the street's rate (hard or urgent work). */
    bonuses: [0, 5, 10],
    bonus: 0,
    errors: {} as Record<string, string>,
    banner: '',
    saving: false,
    key: newIdempotencyKey(),
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      title: VOL_LIMITS.titleMax,
      address: VOL_LIMITS.addressMax,
      description: VOL_LIMITS.descriptionMax,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '', editing: Boolean(query.id) });
      wx.setNavigationBarTitle?.({ title: query.id ? '修改活动' : '发布志愿活动' });
      void this.reload(query);
    },
    /** The activity being changed, or who may publish a new one and in which communities. */
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      if (this.data.editing) {
        const reply = await call('volunteering', 'activityDetail', { activityId: this.data.id });
        if (!reply.ok) return reply;
        const a = reply.data;
        return {
          ok: true,
          data: {
            title: a.title,
            description: a.description,
            capacity: a.capacity,
            skillOn: Object.fromEntries(a.skills.map((s) => [s, true])),
            fixedLines: [a.title, a.timeText, `${a.communityName} · ${a.address}`, a.organizerName],
          },
        };
      }
      const me = session.me;
      const publishers: Publisher[] = me.roles
        .filter((r) => r.role === 'provider' && r.orgId)
        .map((r) => ({ key: `org:${r.orgId}`, label: r.orgName ?? '本机构', orgId: r.orgId }));
      const scopes = me.roles.filter((r) => r.role === 'admin' && r.scopeId).map((r) => r.scopeId as string);
      if (scopes.length > 0)
        publishers.push({
          key: 'place',
          label: `以${me.roles.find((r) => r.role === 'admin')?.scopeName ?? '社区'}名义`,
        });
      const places = await call('account', 'places');
      if (!places.ok) return places;
      placeCache.set(this, { places: places.data, scopes });
      const publisher = publishers[0]?.key ?? '';
      return { ok: true, data: { publishers, publisher, ...this.communitiesFor(publisher) } };
    },
    /** Communities for the chosen publisher: an admin's own; staff may pick any (the function checks service). */
    communitiesFor(publisher: string) {
      const { places, scopes } = placeCache.get(this) ?? { places: [], scopes: [] };
      const list =
        publisher === 'place'
          ? communitiesUnder(places, scopes)
          : places.filter((p) => p.level === 'community');
      const communities = list.map((c) => ({ id: c.id, label: `${streetNameOf(places, c)} ${c.name}` }));
      const keep = communities.some((c) => c.id === this.data.communityId);
      return { communities, communityId: keep ? this.data.communityId : (communities[0]?.id ?? '') };
    },
    onPublisher(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>,
    ) {
      const publisher = e.currentTarget.dataset.value;
      this.setData({ publisher, ...this.communitiesFor(publisher) });
    },
    onCommunity(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>,
    ) {
      this.setData({ communityId: e.currentTarget.dataset.value });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
    },
    onOpenPicker() {
      this.setData({ pickerOpen: true });
    },
    onPickerClose() {
      this.setData({ pickerOpen: false });
    },
    onPicked(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const when = String(e.detail.value).slice(0, 16);
      this.setData({ when, whenText: dateTimeKeyText(when), pickerOpen: false, 'errors.startAt': '' });
    },
    onDuration(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: number }>,
    ) {
      this.setData({ duration: Number(e.currentTarget.dataset.value) });
    },
    onCapacity(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ capacity: Number(e.detail.value) });
    },
    onSkill(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: Skill }>) {
      const v = e.currentTarget.dataset.value;
      const on = !this.data.skillOn[v];
      if (on && SKILLS.filter((s) => this.data.skillOn[s]).length >= VOL_LIMITS.skillsPerActivity) {
        wx.showToast({ title: '最多选 5 项', icon: 'none' });
        return;
      }
      this.setData({ skillOn: { ...this.data.skillOn, [v]: on } });
    },
    onRadius(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: number }>,
    ) {
      this.setData({ radius: Number(e.currentTarget.dataset.value) });
    },
    onBonus(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: number }>,
    ) {
      this.setData({ bonus: Number(e.currentTarget.dataset.value) });
    },
    async onChooseLocation() {
      try {
        const r = await wx.chooseLocation({});
        this.setData({
          location: { latitude: r.latitude, longitude: r.longitude },
          address: this.data.address || r.name || r.address,
          'errors.location': '',
        });
      } catch {
        // Backed out of the map: keep what was there.
      }
    },
    async onHere() {
      try {
        const r = await wx.getLocation({ type: 'gcj02', isHighAccuracy: true });
        this.setData({ location: { latitude: r.latitude, longitude: r.longitude }, 'errors.location': '' });
      } catch {
        this.setData({ banner: '没能获取位置，请在地图上选择活动地点' });
      }
    },
    async onSave() {
      if (this.data.saving) return;
      const d = this.data;
      const skills = SKILLS.filter((s) => d.skillOn[s]);
      this.setData({ saving: true, banner: '', errors: {} });
      let reply;
      if (d.editing) {
        reply = await call('volunteering', 'updateActivity', {
          activityId: d.id,
          description: d.description.trim(),
          capacity: d.capacity,
          skills,
        });
      } else {
        const start = parseDateTime(d.when);
        const errors: Record<string, string> = {};
        if (!d.location) errors.location = '请在地图上选择活动地点，签到时要用';
        if (!start) errors.startAt = FIELD_HINTS.startAt!;
        if (!d.communityId) errors.communityId = '请选择社区';
        if (Object.keys(errors).length > 0 || !start || !d.location) {
          this.setData({ saving: false, errors });
          return;
        }
        const publisher = d.publishers.find((p) => p.key === d.publisher);
        reply = await call('volunteering', 'createActivity', {
          title: d.title.trim(),
          description: d.description.trim(),
          ...(publisher?.orgId ? { orgId: publisher.orgId } : {}),
          communityId: d.communityId,
          address: d.address.trim(),
          location: d.location,
          startAt: start.toISOString(),
          endAt: new Date(start.getTime() + d.duration * 60_000).toISOString(),
          capacity: d.capacity,
          skills,
          checkinRadiusM: d.radius,
          bonusPointsPerHour: d.bonus,
          idempotencyKey: d.key,
        });
      }
      this.setData({ saving: false });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, FIELD_HINTS);
        this.setData({ errors, banner: reply.error.message });
        return;
      }
      wx.showToast({ title: d.editing ? '已保存' : '已发布', icon: 'success' });
      this.setData({ key: newIdempotencyKey() });
      if (d.editing) wx.navigateBack({ delta: 1 });
      else
        wx.redirectTo({
          url: `/packages/volunteering/pages/detail/index?id=${encodeURIComponent(reply.data.id)}`,
        });
    },
  },
});
