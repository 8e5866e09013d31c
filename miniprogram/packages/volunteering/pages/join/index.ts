/**
 * 成为志愿者 / 我的志愿者资料: becoming a volunteer is the resident's own choice. They say what they are good at,
 * when they are free and how far they will go; real name and phone are asked only if the account has none (the
 * service record needs them; organizers of their activities see them, everyone else sees 张* and 138****1234).
 * Editing later uses the same page.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { plainFieldErrors } from '../../../../lib/form';
import { setCurrentUser } from '../../../../lib/session';
import { type MyVolunteerView, type Skill } from '../../lib/views';
import { WEEKDAY_NAMES } from '../../../../shared/calendar';
import { PERSON_LIMITS, VOL_LIMITS } from '../../../../shared/limits';
import { choicesOf, DAY_SLOT_NAMES, DAY_SLOTS, SKILLS, type DaySlot } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

const RADII = [2, 5, 10, 20];
/** Monday first, as calendars here are read. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

const FIELD_HINTS: Record<string, string> = {
  realName: '请填写真实姓名，志愿服务记录需要',
  phone: `请输入 ${PERSON_LIMITS.phoneDigits} 位手机号`,
  intro: `自我介绍最多 ${VOL_LIMITS.introMax} 字`,
};

/** The caller's volunteer profile as the form's fields. */
function volunteerData(v: MyVolunteerView) {
  return {
    isVolunteer: v.isVolunteer,
    needsRealName: v.needsRealName,
    needsPhone: v.needsPhone,
    realNameMasked: v.realNameMasked ?? '',
    skills: v.skills,
    skillOn: Object.fromEntries(v.skills.map((s) => [s, true])),
    dayOn: Object.fromEntries(v.availability.weekdays.map((d) => [String(d), true])),
    slotOn: Object.fromEntries(v.availability.slots.map((s) => [s, true])),
    radius: v.serviceRadiusKm,
    location: v.location ?? null,
    intro: v.intro,
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    next: '',
    isVolunteer: false,
    needsRealName: false,
    needsPhone: false,
    realNameMasked: '',
    realName: '',
    phone: '',
    skillChoices: [...SKILLS],
    skills: [] as Skill[],
    skillOn: {} as Record<string, boolean>,
    weekdays: WEEK_ORDER.map((d) => ({ value: d, label: WEEKDAY_NAMES[d] })),
    dayOn: {} as Record<string, boolean>,
    slots: choicesOf(DAY_SLOTS, DAY_SLOT_NAMES),
    slotOn: {} as Record<string, boolean>,
    radii: RADII,
    radius: 5,
    location: null as { latitude: number; longitude: number } | null,
    intro: '',
    errors: {} as Record<string, string>,
    banner: '',
    saving: false,
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      realName: PERSON_LIMITS.realNameMax,
      phone: PERSON_LIMITS.phoneDigits,
      intro: VOL_LIMITS.introMax,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ next: query.next ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('volunteering', 'myVolunteer');
      if (!reply.ok) return reply;
      wx.setNavigationBarTitle?.({ title: reply.data.isVolunteer ? '我的志愿者资料' : '成为志愿者' });
      return { ok: true, data: volunteerData(reply.data) };
    },
    onRealName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ realName: e.detail.value, 'errors.realName': '' });
    },
    onPhone(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ phone: e.detail.value, 'errors.phone': '' });
    },
    onIntro(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ intro: e.detail.value });
    },
    onSkill(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: Skill }>) {
      const value = e.currentTarget.dataset.value;
      const skillOn = { ...this.data.skillOn, [value]: !this.data.skillOn[value] };
      this.setData({ skillOn, skills: SKILLS.filter((s) => skillOn[s]) });
    },
    onDay(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: number }>) {
      const key = String(e.currentTarget.dataset.value);
      this.setData({ dayOn: { ...this.data.dayOn, [key]: !this.data.dayOn[key] } });
    },
    onSlot(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: DaySlot }>,
    ) {
      const key = e.currentTarget.dataset.value;
      this.setData({ slotOn: { ...this.data.slotOn, [key]: !this.data.slotOn[key] } });
    },
    onRadius(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: number }>,
    ) {
      this.setData({ radius: Number(e.currentTarget.dataset.value) });
    },
    async onLocate() {
      try {
        const loc = await wx.getLocation({ type: 'gcj02' });
        this.setData({ location: { latitude: loc.latitude, longitude: loc.longitude } });
      } catch {
        this.setData({ banner: '没能获取位置。不填也可以，会按您所在的社区推荐活动。' });
      }
    },
    onForgetLocation() {
      this.setData({ location: null });
    },
    async onSave() {
      if (this.data.saving) return;
      this.setData({ saving: true, banner: '', errors: {} });
      const d = this.data;
      const availability = {
        weekdays: Object.keys(d.dayOn)
          .filter((k) => d.dayOn[k])
          .map(Number),
        slots: DAY_SLOTS.filter((s) => d.slotOn[s]),
      };
      const common = { skills: d.skills, availability, serviceRadiusKm: d.radius, intro: d.intro.trim() };
      const reply = d.isVolunteer
        ? await call('volunteering', 'updateVolunteer', { ...common, location: d.location })
        : await call('volunteering', 'becomeVolunteer', {
            ...common,
            ...(d.location ? { location: d.location } : {}),
            ...(d.needsRealName ? { realName: d.realName.trim() } : {}),
            ...(d.needsPhone ? { phone: d.phone.trim() } : {}),
          });
      if (!reply.ok) {
        const { code, message } = reply.error;
        if (code === 'INVALID_INPUT') {
          const errors = plainFieldErrors(reply, FIELD_HINTS);
          const placed = ['realName', 'phone', 'intro'].some((k) => errors[k]);
          this.setData({ saving: false, errors, banner: placed ? '' : message });
        } else this.setData({ saving: false, banner: message });
        return;
      }
      const wasVolunteer = d.isVolunteer;
      this.setData({ ...volunteerData(reply.data), saving: false });
      if (!wasVolunteer) {
        // 我的 and the activity pages read roles from the session: refresh it so they show the volunteer now.
        const me = await call('account', 'login', { refresh: true });
        if (me.ok) {
          const { isNew: _isNew, ...view } = me.data;
          setCurrentUser(view);
        }
        wx.showToast({ title: '欢迎加入志愿者', icon: 'success' });
        if (d.next) wx.navigateBack({ delta: 1 });
      } else {
        wx.showToast({ title: '已保存', icon: 'success' });
      }
    },
  },
});
