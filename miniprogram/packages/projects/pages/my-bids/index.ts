/**
 * 我的申报 (organization staff): their organizations' bids — draft or submitted, where the call stands, the
 * prequalification; after the award the rank, the score and each reviewer's total with their comments; during
 * the complaint window a complaint (投诉复核) can be filed, and the street's answer shows here.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { PROJECTS_LIMITS } from '../../../../shared/limits';
import { PROJECT_ROUTES } from '../../lib/routes';
import type { MyBidItem } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>;

Component({
  behaviors: [elderModeBehavior, remotePage, reloadOnShow],
  data: {
    items: [] as MyBidItem[],
    writing: -1,
    text: '',
    banner: '',
    busy: false,
    maxComplaint: PROJECTS_LIMITS.complaintMax,
    openCallsUrl: PROJECT_ROUTES.openCalls,
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('projects', 'myBids', {});
      if (!reply.ok) return reply;
      return { ok: true, data: { items: reply.data, writing: -1, banner: '' } };
    },
    onEdit(e: Tap) {
      const b = this.data.items[e.currentTarget.dataset.index]!;
      wx.navigateTo({ url: PROJECT_ROUTES.bid(b.callId, b.orgId) });
    },
    onWrite(e: Tap) {
      this.setData({ writing: e.currentTarget.dataset.index, text: '' });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value });
    },
    async onComplain() {
      if (this.data.busy) return;
      const b = this.data.items[this.data.writing]!;
      this.setData({ busy: true, banner: '' });
      const reply = await call('projects', 'fileComplaint', {
        callId: b.callId,
        orgId: b.orgId,
        text: this.data.text,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '投诉已提交', icon: 'none' });
      await this.reload();
    },
  },
});
