/**
 * 备选库管理 (street admins): applications waiting for assessment, admitted and rejected organizations, 20 at a
 * time. A waiting application is assessed here against the street's checklist — each item 符合 or not — and the
 * organization admitted (every item passed) or rejected with the reason; the organization's staff are told.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { call } from '../../../../lib/api';
import { PROJECTS_LIMITS } from '../../../../shared/limits';
import type { PoolEntryView } from '../../lib/views';

type Status = 'applied' | 'admitted' | 'rejected';
type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id?: string; key?: string; index?: number }
>;

const EMPTY: Record<Status, string> = {
  applied: '没有待评估的申请',
  admitted: '备选库里还没有机构',
  rejected: '没有未通过的申请',
};

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    tab: 'applied' as Status,
    items: [] as PoolEntryView[],
    checklist: [] as { key: string; label: string }[],
    /** The entry being assessed, its answers (item key → passed) and the reason. */
    assessing: '',
    answers: {} as Record<string, boolean>,
    reason: '',
    emptyText: EMPTY.applied,
    banner: '',
    busy: '',
    maxReason: PROJECTS_LIMITS.reasonMax,
  },
  methods: {
    async loadPage(offset: number) {
      const [list, checklist] = await Promise.all([
        call('projects', 'poolEntries', { status: this.data.tab, offset }),
        offset === 0 ? call('projects', 'poolChecklist', {}) : Promise.resolve(null),
      ]);
      return pageOf(list, (e) => e, checklist?.ok ? { checklist: checklist.data.items } : {});
    },
    onTab(e: Tap) {
      const tab = e.currentTarget.dataset.key as Status;
      this.setData({ tab, items: [], emptyText: EMPTY[tab], assessing: '', banner: '' });
      void this.restart();
    },
    onAssess(e: Tap) {
      const answers = Object.fromEntries(this.data.checklist.map((c) => [c.key, true]));
      this.setData({ assessing: e.currentTarget.dataset.id!, answers, reason: '', banner: '' });
    },
    onToggle(e: Tap) {
      const key = e.currentTarget.dataset.key!;
      this.setData({ [`answers.${key}`]: !this.data.answers[key] });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    onAdmit() {
      void this.decide(true);
    },
    onReject() {
      void this.decide(false);
    },
    async decide(admit: boolean) {
      if (this.data.busy) return;
      this.setData({ busy: admit ? 'admit' : 'reject', banner: '' });
      const reply = await call('projects', 'assessPool', {
        entryId: this.data.assessing,
        checklist: this.data.checklist.map((c) => ({ key: c.key, passed: !!this.data.answers[c.key] })),
        admit,
        reason: this.data.reason,
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: admit ? '已入库' : '已退回', icon: 'none' });
      this.setData({ assessing: '' });
      await this.restart();
    },
  },
});
