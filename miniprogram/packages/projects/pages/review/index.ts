/**
 * 评审打分 (a reviewer appointed to a call): first the declaration of conflicts of interest — the organizations
 * that bid, by name, to tick any they have ties with (ticking none is a declaration too, made once); then the bids
 * they may score (coded 方案一… when the call is blind; never a conflicted one), each scored on every criterion
 * with a comment. A score already given is corrected by a new record with the reason. Only their own scores show.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, pageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { PROJECTS_LIMITS } from '../../../../shared/limits';
import type { ReviewSheet } from '../../lib/views';

interface Mark {
  key: string;
  label: string;
  weight: number;
  max: number;
  score: number;
  comment: string;
}

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id?: string; index?: number }
>;

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    sheet: null as ReviewSheet | null,
    conflicts: {} as Record<string, boolean>,
    /** The bid being scored (index into sheet.bids), or -1. */
    open: -1,
    marks: [] as Mark[],
    reason: '',
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    maxComment: PROJECTS_LIMITS.commentMax,
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'reviewSheet', { callId: query.callId ?? '' });
      if (!reply.ok) return reply;
      return { ok: true, data: { sheet: reply.data, open: -1, conflicts: {}, banner: '' } };
    },
    onToggleConflict(e: Tap) {
      const id = e.currentTarget.dataset.id!;
      this.setData({ [`conflicts.${id}`]: !this.data.conflicts[id] });
    },
    async onDeclare() {
      if (this.data.busy) return;
      const orgIds = Object.keys(this.data.conflicts).filter((k) => this.data.conflicts[k]);
      const answer = await wx.showModal({
        title: '确认利益冲突声明',
        content: orgIds.length
          ? `您声明与 ${orgIds.length} 家机构有利益关系，将不评审它们的申报。声明后不能修改。`
          : '您声明与所有申报机构都没有利益关系。声明后不能修改。',
        confirmText: '确认声明',
        cancelText: '再看看',
      });
      if (!answer.confirm) return;
      this.setData({ busy: true, banner: '' });
      const reply = await call('projects', 'declareConflicts', {
        callId: pageQuery(this).callId ?? '',
        orgIds,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      await this.reload();
    },
    onOpen(e: Tap) {
      const index = e.currentTarget.dataset.index!;
      const bid = this.data.sheet!.bids[index]!;
      const marks = this.data.sheet!.criteria.map((c) => {
        const mine = bid.mine?.criteria.find((m) => m.key === c.key);
        return { ...c, score: mine?.score ?? 0, comment: mine?.comment ?? '' };
      });
      this.setData({ open: index, marks, reason: '', errors: {}, banner: '' });
    },
    onScore(e: WechatMiniprogram.CustomEvent<{ value: number }, Record<string, never>, { index: number }>) {
      this.setData({ [`marks[${e.currentTarget.dataset.index}].score`]: e.detail.value });
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      this.setData({ [`marks[${e.currentTarget.dataset.index}].comment`]: e.detail.value });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    onClose() {
      this.setData({ open: -1 });
    },
    async onSend() {
      if (this.data.busy || this.data.open < 0) return;
      const bid = this.data.sheet!.bids[this.data.open]!;
      this.setData({ busy: true, banner: '', errors: {} });
      const reply = await call('projects', 'scoreBid', {
        bidId: bid.bidId,
        criteria: this.data.marks.map((m) => ({ key: m.key, score: m.score, comment: m.comment })),
        ...(bid.mine ? { corrects: bid.mine.scoreId, reason: this.data.reason } : {}),
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message, errors: plainFieldErrors(reply, {}) });
        return;
      }
      wx.showToast({ title: `已提交，${reply.data.total} 分`, icon: 'none' });
      await this.reload();
    },
  },
});
