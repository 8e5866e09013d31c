/**
 * 提提案: a four-step form — what (title, one sentence), how (details, months, who it serves), the money (budget
 * lines adding up to the total), photos and partners — saved as a draft at every 下一步, so nothing typed is lost
 * and the proposal can be finished another day. The last step submits it (or, for one sent back in screening,
 * resubmits it). Each create carries an idempotency key made when the page opened: a double tap makes one draft.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { refusal } from '../../../../lib/page-state';
import { newIdempotencyKey, type CloudReply } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { PAGES, type ProposalDetail, type SavedProposal } from '../../lib/views';
import { askProposerConsent } from '../../lib/templates';
import { yuan } from '../../lib/words';
import { PROPOSAL_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

/** A budget line as typed. */
interface Line {
  item: string;
  amount: string;
}

const STEPS = ['做什么', '怎么做', '花多少', '照片'];

/** Which step each field is on (to go back to a missing one). */
const STEP_OF: Record<string, number> = {
  title: 0,
  summary: 0,
  details: 1,
  months: 1,
  beneficiaries: 1,
  budgetLines: 2,
  budget: 2,
  coProposers: 3,
  photos: 3,
};

/** Plain hints for fields whose schema message is not written for people. */
const HINTS: Record<string, string> = {
  title: `标题要写，最多 ${PROPOSAL_LIMITS.titleMax} 个字`,
  summary: `最多 ${PROPOSAL_LIMITS.summaryMax} 个字`,
  months: '请填 1 到 12 之间的整数',
  'beneficiaries.count': '请填大约多少人',
  budget: '预算明细加起来要等于总预算',
};

const digits = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** A saved draft as the form's fields. */
function draftData(p: ProposalDetail) {
  const lines = p.budgetLines.map((l) => ({ item: l.item, amount: String(l.amount) }));
  return {
    proposalStatus: p.status,
    title: p.title,
    summary: p.summary,
    details: p.details,
    months: p.months ? String(p.months) : '',
    who: p.beneficiaries?.who ?? '',
    count: p.beneficiaries ? String(p.beneficiaries.count) : '',
    lines: lines.length > 0 ? lines : [{ item: '', amount: '' }],
    total: yuan(lines.reduce((t, l) => t + (digits(l.amount) ?? 0), 0)),
    co: p.coProposers.join('、'),
    photos: p.photos,
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    roundId: '',
    proposalId: '',
    proposalStatus: 'draft' as string,
    steps: STEPS,
    step: 0,
    rules: '',
    title: '',
    summary: '',
    details: '',
    months: '',
    who: '',
    count: '',
    lines: [{ item: '', amount: '' }] as Line[],
    total: '0 元',
    co: '',
    photos: [] as string[],
    errors: {} as Record<string, string>,
    banner: '',
    saved: '',
    saving: false,
    idempotencyKey: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      title: PROPOSAL_LIMITS.titleMax,
      summary: PROPOSAL_LIMITS.summaryMax,
      details: PROPOSAL_LIMITS.detailsMax,
      who: PROPOSAL_LIMITS.beneficiariesWhoMax,
      lineItem: PROPOSAL_LIMITS.budgetItemMax,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({
        roundId: query.roundId ?? '',
        proposalId: query.proposalId ?? '',
        idempotencyKey: newIdempotencyKey(),
      });
      void this.reload(query);
    },
    /** The round's rules, and the draft being edited (a new proposal only where the caller may propose). */
    async load(): Promise<LoadResult> {
      const round = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (!round.ok) return round;
      const s = round.data.settings;
      const rules = `每个提案 ${yuan(s.minBudget)}—${yuan(s.maxBudget)}，实施不超过 ${s.maxMonths} 个月，每人本期最多提 ${s.perAuthor} 个。`;
      if (!this.data.proposalId) {
        if (!round.data.me.canPropose) return refusal(round.data.me.proposeBlock ?? '现在不能提提案');
        return { ok: true, data: { rules } };
      }
      const p = await call('proposals', 'getProposal', {
        roundId: this.data.roundId,
        proposalId: this.data.proposalId,
      });
      if (!p.ok) return p;
      return { ok: true, data: { rules, ...draftData(p.data) } };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ [field]: e.detail.value, errors, saved: '' });
    },
    onLine(
      e: WechatMiniprogram.CustomEvent<
        { value: string },
        Record<string, never>,
        { index: number; key: 'item' | 'amount' }
      >,
    ) {
      const { index, key } = e.currentTarget.dataset;
      const lines = this.data.lines.map((l, i) => (i === index ? { ...l, [key]: e.detail.value } : l));
      const errors = { ...this.data.errors };
      delete errors.budgetLines;
      delete errors.budget;
      delete errors[`budgetLines.${index}.${key}`];
      this.setData({ lines, errors, total: yuan(lines.reduce((t, l) => t + (digits(l.amount) ?? 0), 0)) });
    },
    onAddLine() {
      if (this.data.lines.length >= 20) return;
      this.setData({ lines: [...this.data.lines, { item: '', amount: '' }] });
    },
    onRemoveLine(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const lines = this.data.lines.filter((_l, i) => i !== e.currentTarget.dataset.index);
      const kept = lines.length > 0 ? lines : [{ item: '', amount: '' }];
      this.setData({ lines: kept, total: yuan(kept.reduce((t, l) => t + (digits(l.amount) ?? 0), 0)) });
    },
    async onAddPhoto() {
      const room = 6 - this.data.photos.length;
      if (room <= 0) return;
      let paths: string[];
      try {
        const res = await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] });
        paths = res.tempFiles.map((f) => f.tempFilePath);
      } catch {
        return; // Backed out of the picker.
      }
      this.setData({ saving: true });
      const uploaded: string[] = [];
      for (const [k, filePath] of paths.entries()) {
        try {
          const up = await wx.cloud.uploadFile({
            cloudPath: `proposals/${this.data.roundId}/${Date.now()}-${k}.jpg`,
            filePath,
          });
          uploaded.push(up.fileID);
        } catch {
          wx.showToast({ title: '有照片没传上去，请再试一次', icon: 'none' });
        }
      }
      this.setData({ saving: false, photos: [...this.data.photos, ...uploaded].slice(0, 6) });
    },
    onRemovePhoto(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== e.currentTarget.dataset.index) });
    },
    /** The fields of one step, as the function takes them ('' left out: a draft may lack them). */
    fieldsOf(step: number): Record<string, unknown> {
      const d = this.data;
      if (step === 0) return { title: d.title.trim(), summary: d.summary.trim() };
      if (step === 1) {
        const months = digits(d.months);
        const count = digits(d.count);
        return {
          details: d.details.trim(),
          ...(months !== undefined ? { months } : {}),
          ...(d.who.trim() || count !== undefined
            ? { beneficiaries: { who: d.who.trim(), count: count ?? 0 } }
            : {}),
        };
      }
      if (step === 2) {
        const lines = d.lines
          .filter((l) => l.item.trim() !== '' || l.amount.trim() !== '')
          .map((l) => ({ item: l.item.trim(), amount: digits(l.amount) ?? -1 }));
        return { budgetLines: lines };
      }
      const coProposers = d.co
        .split(/[、，,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      return { coProposers, photos: d.photos };
    },
    /** Saves this step (creating the draft on the first save); false when the function refused. */
    async save(step: number): Promise<boolean> {
      const fields = this.fieldsOf(step);
      if (step === 2 && (fields.budgetLines as unknown[]).some((l) => (l as { amount: number }).amount < 0)) {
        this.setData({ errors: { ...this.data.errors, budgetLines: '每一项都要写金额（整数，单位元）' } });
        return false;
      }
      this.setData({ saving: true, banner: '' });
      let reply: CloudReply<SavedProposal>;
      if (!this.data.proposalId) {
        if (!this.data.title.trim()) {
          this.setData({ saving: false, errors: { title: '先给提案起个标题' } });
          return false;
        }
        reply = await call('proposals', 'createProposal', {
          roundId: this.data.roundId,
          idempotencyKey: this.data.idempotencyKey,
          ...(fields as { title: string }),
        });
      } else {
        reply = await call('proposals', 'updateProposal', {
          roundId: this.data.roundId,
          proposalId: this.data.proposalId,
          ...fields,
        });
      }
      this.setData({ saving: false });
      if (!reply.ok) {
        if (reply.error.code === 'INVALID_INPUT')
          this.setData({ errors: plainFieldErrors(reply, HINTS), banner: reply.error.message });
        else this.setData({ banner: reply.error.message });
        return false;
      }
      this.setData({ proposalId: reply.data.id, proposalStatus: reply.data.status, saved: '草稿已保存' });
      return true;
    },
    async onNext() {
      if (this.data.saving) return;
      if (await this.save(this.data.step))
        this.setData({ step: Math.min(STEPS.length - 1, this.data.step + 1) });
    },
    onBack() {
      this.setData({ step: Math.max(0, this.data.step - 1), banner: '' });
    },
    async onFinish() {
      if (this.data.saving) return;
      // WeChat only asks consent straight from a tap, before anything else is awaited: the proposer hears of
      // screening, voting and the result.
      if (this.data.proposalStatus !== 'submitted') await askProposerConsent();
      if (!(await this.save(this.data.step))) return;
      const ref = { roundId: this.data.roundId, proposalId: this.data.proposalId };
      if (this.data.proposalStatus === 'submitted') {
        wx.showToast({ title: '修改已保存', icon: 'success' });
        wx.redirectTo({ url: `${PAGES}/proposal/index?roundId=${ref.roundId}&proposalId=${ref.proposalId}` });
        return;
      }
      this.setData({ saving: true });
      const reply = await call('proposals', 'submitProposal', ref);
      this.setData({ saving: false });
      if (!reply.ok) {
        if (reply.error.code === 'INVALID_INPUT') {
          const errors = plainFieldErrors(reply, HINTS);
          const first = Object.keys(errors)
            .map((f) => STEP_OF[f.split('.')[0]!] ?? 0)
            .sort()[0];
          this.setData({
            errors,
            banner: '还差一点：请把标红的地方补上再提交',
            step: first ?? this.data.step,
          });
        } else this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '提交成功', icon: 'success' });
      wx.redirectTo({ url: `${PAGES}/proposal/index?roundId=${ref.roundId}&proposalId=${ref.proposalId}` });
    },
  },
});
