/**
 * 心愿故事审核 (admins): needs whose story the content check held back from the public list, oldest questions
 * first as the list gives them; an admin reads the story and releases it (it goes on the list) or rejects it with a
 * reason (the need closes, and the reason says what to change when posting it again). 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { call } from '../../../../lib/api';
import { CHARITY_LIMITS } from '../../../../shared/limits';
import { type NeedView } from '../../lib/views';
import { needCard, type NeedCard } from '../../lib/words';

type Row = NeedCard & { why: string };

const row = (n: NeedView): Row => ({ ...needCard(n), why: '内容安全检查没有把握，需要人工看一下' });

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    items: [] as Row[],
    rejecting: '',
    reason: '',
    reasonError: '',
    busy: '',
    max: { reason: CHARITY_LIMITS.closeNeedReasonMax },
  },
  methods: {
    async loadPage(offset: number) {
      return pageOf(await call('charity', 'adminNeeds', { state: 'review', offset }), row);
    },
    async decide(needId: string, decision: 'release' | 'reject', reason?: string) {
      this.setData({ busy: needId });
      const reply = await call('charity', 'reviewStory', { needId, decision, ...(reason ? { reason } : {}) });
      this.setData({ busy: '' });
      if (!reply.ok) {
        if (reply.error.code === 'INVALID_INPUT') this.setData({ reasonError: '请写上不通过的原因' });
        else wx.showToast({ title: reply.error.message, icon: 'none' });
        return;
      }
      wx.showToast({ title: decision === 'release' ? '已放行，居民可以看到了' : '已退回', icon: 'none' });
      this.setData({ rejecting: '', reason: '', items: this.data.items.filter((i) => i.id !== needId) });
    },
    async onRelease(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      if (this.data.busy) return;
      await this.decide(e.currentTarget.dataset.id, 'release');
    },
    onStartReject(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      this.setData({ rejecting: e.currentTarget.dataset.id, reason: '', reasonError: '' });
    },
    onCancelReject() {
      this.setData({ rejecting: '', reason: '', reasonError: '' });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, reasonError: '' });
    },
    async onReject() {
      if (this.data.busy) return;
      const reason = this.data.reason.trim();
      if (!reason) {
        this.setData({ reasonError: '请写上不通过的原因' });
        return;
      }
      await this.decide(this.data.rejecting, 'reject', reason);
    },
  },
});
