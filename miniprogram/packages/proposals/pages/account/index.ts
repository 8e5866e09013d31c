/**
 * 项目进展和账目: the public account of a round's funded projects — budget against spending, progress and people
 * served — and, for one project, its timeline of milestones, receipts and completion. The proposer (and admins)
 * add milestones and spending with receipt photos here; admins confirm completion, which seals the account.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { PAGES, type AccountabilityView, type AccountEntryView } from '../../lib/views';
import { yuan } from '../../lib/words';
import { fullDayText } from '../../../../shared/calendar';
import { PROPOSAL_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';
import type { CloudReply } from '../../../../lib/cloud';

/** A project line. */
interface Project {
  id: string;
  title: string;
  author: string;
  spent: string;
  budget: string;
  percent: number;
  over: boolean;
  progress: number;
  served: string;
  completed: boolean;
  url: string;
}

/** A timeline entry. */
interface Entry {
  id: string;
  when: string;
  kind: string;
  title: string;
  text: string;
  photos: string[];
}

function entry(e: AccountEntryView): Entry {
  if (e.kind === 'spending')
    return {
      id: e.id,
      when: fullDayText(e.at),
      kind: 'spending',
      title: `支出 ${yuan(e.amount)}：${e.item}`,
      text: e.note,
      photos: e.receipts,
    };
  if (e.kind === 'progress')
    return {
      id: e.id,
      when: fullDayText(e.at),
      kind: 'progress',
      title: `进展 ${e.progress}%${e.served > 0 ? `，服务 ${e.served} 人次` : ''}`,
      text: e.note,
      photos: e.photos,
    };
  return {
    id: e.id,
    when: fullDayText(e.at),
    kind: 'completed',
    title: '管理员确认项目完成',
    text: e.note,
    photos: [],
  };
}

function projects(v: AccountabilityView): Project[] {
  return v.projects.map((p) => ({
    id: p.proposalId,
    title: p.title,
    author: p.authorName,
    spent: yuan(p.spent),
    budget: yuan(p.budget),
    percent: Math.min(100, p.spentPercent),
    over: p.overBudget,
    progress: p.progress,
    served: `${p.served} 人次`,
    completed: p.completed,
    url: `${PAGES}/account/index?roundId=${v.round.id}&proposalId=${p.proposalId}`,
  }));
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    roundId: '',
    proposalId: '',
    roundTitle: '',
    sums: [] as { label: string; value: string }[],
    projects: [] as Project[],
    project: null as Project | null,
    timeline: [] as Entry[],
    canReport: false,
    canConfirm: false,
    form: '' as '' | 'progress' | 'spending' | 'confirm',
    progress: '',
    served: '',
    note: '',
    item: '',
    amount: '',
    photos: [] as string[],
    errors: {} as Record<string, string>,
    busy: false,
    key: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      item: PROPOSAL_LIMITS.spendingItemMax,
      note: PROPOSAL_LIMITS.reportNoteMax,
      confirmNote: PROPOSAL_LIMITS.screeningNoteMax,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ roundId: query.roundId ?? '', proposalId: query.proposalId ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('proposals', 'accountability', {
        roundId: this.data.roundId,
        ...(this.data.proposalId ? { proposalId: this.data.proposalId } : {}),
      });
      if (!reply.ok) return reply;
      const v = reply.data;
      const list = projects(v);
      return {
        ok: true,
        data: {
          roundTitle: v.round.title,
          sums: [
            { label: '本期预算', value: yuan(v.sums.totalBudget) },
            { label: '资助项目', value: `${v.sums.projects} 个，合计 ${yuan(v.sums.awarded)}` },
            { label: '已经花了', value: yuan(v.sums.spent) },
            { label: '服务人次', value: `${v.sums.served}` },
            { label: '已完成', value: `${v.sums.completed} 个` },
          ],
          projects: list,
          project: list.find((p) => p.id === this.data.proposalId) ?? null,
          timeline: (v.timeline ?? []).map(entry),
          canReport: v.canReport,
          canConfirm: v.canConfirm,
        },
      };
    },
    onForm(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { form: 'progress' | 'spending' | 'confirm' }
      >,
    ) {
      const form = e.currentTarget.dataset.form;
      this.setData({
        form: this.data.form === form ? '' : form,
        key: newIdempotencyKey(),
        progress: '',
        served: '',
        note: '',
        item: '',
        amount: '',
        photos: [],
        errors: {},
      });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ [field]: e.detail.value, errors });
    },
    async onAddPhoto() {
      const room = 9 - this.data.photos.length;
      if (room <= 0) return;
      let paths: string[];
      try {
        const res = await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] });
        paths = res.tempFiles.map((f) => f.tempFilePath);
      } catch {
        return;
      }
      this.setData({ busy: true });
      const ids: string[] = [];
      for (const [k, filePath] of paths.entries()) {
        try {
          const up = await wx.cloud.uploadFile({
            cloudPath: `proposals/${this.data.proposalId}/${Date.now()}-${k}.jpg`,
            filePath,
          });
          ids.push(up.fileID);
        } catch {
          wx.showToast({ title: '有照片没传上去，请再试一次', icon: 'none' });
        }
      }
      const errors = { ...this.data.errors };
      delete errors.photos;
      this.setData({ busy: false, photos: [...this.data.photos, ...ids].slice(0, 9), errors });
    },
    async onSave() {
      if (this.data.busy) return;
      const d = this.data;
      const ref = { roundId: d.roundId, proposalId: d.proposalId, idempotencyKey: d.key };
      const errors: Record<string, string> = {};
      let run: (() => Promise<CloudReply<unknown>>) | undefined;
      if (d.form === 'progress') {
        const progress = Number(d.progress);
        if (!/^\d+$/.test(d.progress.trim()) || progress > 100) errors.progress = '请填 0 到 100 之间的数';
        if (d.note.trim() === '') errors.note = '请写一下做了什么';
        run = () =>
          call('proposals', 'recordProgress', {
            ...ref,
            progress,
            served: /^\d+$/.test(d.served.trim()) ? Number(d.served) : 0,
            note: d.note.trim(),
            photos: d.photos,
          });
      } else if (d.form === 'spending') {
        const amount = Number(d.amount);
        if (!(amount > 0) || !/^\d+(\.\d{1,2})?$/.test(d.amount.trim()))
          errors.amount = '请填金额，最多两位小数';
        if (d.item.trim() === '') errors.item = '请写花在哪里';
        if (d.photos.length === 0) errors.photos = '请拍一下票据';
        run = () =>
          call('proposals', 'recordSpending', {
            ...ref,
            item: d.item.trim(),
            amount,
            note: d.note.trim(),
            receipts: d.photos,
          });
      } else if (d.form === 'confirm') {
        const { confirm } = await wx.showModal({
          title: '确认项目已完成？',
          content: '确认后这个项目的账目封存，不能再登记。',
          confirmText: '确认完成',
          cancelText: '再等等',
        });
        if (!confirm) return;
        run = () =>
          call('proposals', 'confirmCompletion', {
            roundId: d.roundId,
            proposalId: d.proposalId,
            note: d.note.trim(),
          });
      }
      if (!run) return;
      if (Object.keys(errors).length > 0) {
        this.setData({ errors });
        return;
      }
      this.setData({ busy: true });
      const reply = await run();
      this.setData({ busy: false });
      if (!reply.ok) {
        wx.showModal({ title: '没有保存成功', content: reply.error.message, showCancel: false });
        return;
      }
      wx.showToast({ title: '已保存', icon: 'success' });
      this.setData({ form: '' });
      await this.reload();
    },
    onPhoto(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { urls: string[]; url: string }
      >,
    ) {
      wx.previewImage({ urls: e.currentTarget.dataset.urls, current: e.currentTarget.dataset.url });
    },
  },
});
