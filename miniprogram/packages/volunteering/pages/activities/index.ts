/**
 * 志愿活动: activities still to come, by date, near me (the phone's location), by skill, and — for volunteers —
 * recommended for them with the reasons. 20 at a time. Residents who are not volunteers yet are invited to join.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pageOf } from '../../../../behaviors/paged-list';
import { pagedList, type PageResult } from '../../../../behaviors/paged-list';
import { type LoadResult, type PageQuery } from '../../../../behaviors/remote-page';
import { ensureSession } from '../../../../lib/session';
import { type ActivityListItem, type Skill } from '../../lib/views';
import { activityCard, type ActivityCard } from '../../lib/words';
import { SKILLS } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

type Tab = 'date' | 'near' | 'skill' | 'recommend';

/** A card with the reasons it was recommended. */
type Card = ActivityCard & { reasons: string };

const card = (a: ActivityListItem & { reasons?: string[] }): Card => ({
  ...activityCard(a),
  reasons: (a.reasons ?? []).join(' · '),
});

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    tab: 'date' as Tab,
    isVolunteer: false,
    skills: [...SKILLS],
    skill: '' as Skill | '',
    items: [] as Card[],
    locationProblem: '',
    location: null as { latitude: number; longitude: number } | null,
  },
  methods: {
    onLoad(query: PageQuery) {
      const tab = (['date', 'near', 'skill', 'recommend'] as Tab[]).find((t) => t === query.tab) ?? 'date';
      this.setData({ tab });
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      this.setData({ tab: e.detail.value, items: [], next: null, locationProblem: '' });
      void this.restart();
    },
    onSkill(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: Skill }>) {
      const value = e.currentTarget.dataset.value;
      this.setData({ skill: this.data.skill === value ? '' : value });
      void this.restart();
    },
    async locate(): Promise<{ latitude: number; longitude: number } | null> {
      if (this.data.location) return this.data.location;
      try {
        const loc = await wx.getLocation({ type: 'gcj02' });
        const location = { latitude: loc.latitude, longitude: loc.longitude };
        this.setData({ location });
        return location;
      } catch {
        this.setData({
          locationProblem: '没能获取您的位置，先按时间给您看。允许使用位置后可以看离您近的活动。',
        });
        return null;
      }
    },
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const first = await this.loadPage(0);
      return first.ok
        ? { ok: true, data: { ...first.data, isVolunteer: session.me.isVolunteer, loadingMore: false } }
        : first;
    },
    /** A page of the tab: by date (in a skill), nearest first, or recommended (one page). */
    async loadPage(offset: number): Promise<PageResult<Card>> {
      const { tab } = this.data;
      let reply;
      if (tab === 'recommend') {
        const location = await this.locate();
        reply = await call('volunteering', 'recommendActivities', location ? { location } : {});
        if (reply.ok) reply = { ok: true as const, data: { items: reply.data.items, next: null } };
      } else if (tab === 'near') {
        const location = await this.locate();
        reply = await call(
          'volunteering',
          'listActivities',
          location ? { sort: 'near', location, offset } : { sort: 'date', offset },
        );
      } else {
        reply = await call('volunteering', 'listActivities', {
          sort: 'date',
          offset,
          ...(tab === 'skill' && this.data.skill ? { skill: this.data.skill } : {}),
        });
      }
      return pageOf(reply, card);
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
