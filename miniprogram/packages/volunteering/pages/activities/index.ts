/**
 * 志愿活动: activities still to come, by date, near me (the phone's location), by skill, and — for volunteers —
 * recommended for them with the reasons. 20 at a time. Residents who are not volunteers yet are invited to join.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { ensureSession } from '../../../../lib/session';
import type { ActivityListItem, Skill } from '../../lib/views';
import { activityCard, SKILL_CHOICES, type ActivityCard } from '../../lib/words';
import { call } from '../../../../lib/api';

type Tab = 'date' | 'near' | 'skill' | 'recommend';

/** A card with the reasons it was recommended. */
type Card = ActivityCard & { reasons: string };

const card = (a: ActivityListItem & { reasons?: string[] }): Card => ({
  ...activityCard(a),
  reasons: (a.reasons ?? []).join(' · '),
});

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    tab: 'date' as Tab,
    isVolunteer: false,
    skills: SKILL_CHOICES,
    skill: '' as Skill | '',
    cards: [] as Card[],
    next: null as number | null,
    loadingMore: false,
    locationProblem: '',
    location: null as { latitude: number; longitude: number } | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = (['date', 'near', 'skill', 'recommend'] as Tab[]).find((t) => t === query.tab) ?? 'date';
      this.setData({ tab });
      this.reload();
    },
    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh?.();
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      this.setData({ tab: e.detail.value, cards: [], next: null, status: 'loading', locationProblem: '' });
      this.reload();
    },
    onSkill(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: Skill }>) {
      const value = e.currentTarget.dataset.value;
      this.setData({ skill: this.data.skill === value ? '' : value, status: 'loading' });
      this.reload();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.reload();
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
    async reload() {
      const session = await ensureSession();
      if (!session.ok) {
        this.setData({ status: 'error', errorMessage: session.error.message });
        return;
      }
      this.setData({ isVolunteer: session.me.isVolunteer });
      await this.fetch(0);
    },
    async fetch(offset: number) {
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
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map(card);
      this.setData({
        status: 'ready',
        loadingMore: false,
        cards: offset === 0 ? cards : [...this.data.cards, ...cards],
        next: reply.data.next,
      });
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
  },
});
