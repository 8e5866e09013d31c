/**
 * 提案详情: the whole proposal — what, how, for whom, the budget line by line, photos — and the one big button that
 * matters now: 投一票支持 (or take the vote back) with the votes the caller has left. The author edits, submits,
 * withdraws or deletes their draft here; admins screen it (accept, ask for changes, reject — with a reason the
 * proposer sees); once funded, it links to the project's public account.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { PAGES, type ProposalDetail } from '../../lib/views';
import { NEXT_STEP, quotaWords, STATUS_THEMES, yuan } from '../../lib/words';
import { fullDayText } from '../../../../shared/calendar';
import { PROPOSAL_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';

const DECISIONS: Record<string, string> = {
  accept: '通过预审',
  reject: '未通过预审',
  request_changes: '请提案人修改',
  resubmit: '提案人已修改后重新提交',
};

/** The proposal as the page shows it. */
interface View {
  id: string;
  roundId: string;
  roundTitle: string;
  title: string;
  status: string;
  theme: string;
  author: string;
  budget: string;
  months: string;
  summary: string;
  details: string;
  lines: { item: string; amount: string }[];
  beneficiaries: string;
  coProposers: string;
  photos: string[];
  votes: string;
  voted: boolean;
  canVote: boolean;
  voteBlock: string;
  quota: string;
  inVote: boolean;
  screening: { what: string; note: string; when: string }[];
  withdrawReason: string;
  result: string;
  account: string;
  can: ProposalDetail['can'];
  /** What happens next, when the viewer has nothing to do here. */
  next: string;
  /** A funded project's abandon/reduce request, in words (null when not funded). */
  change: {
    canRequest: boolean;
    canDecide: boolean;
    latestId: string;
    latest: string;
    reason: string;
    note: string;
    returned: string;
    budgetNow: number;
  } | null;
}

/** A funded project's change state in words. */
function changeWords(p: ProposalDetail): View['change'] {
  const c = p.change;
  if (!c) return null;
  const l = c.latest;
  return {
    canRequest: c.canRequest,
    canDecide: c.canDecide,
    latestId: l?.id ?? '',
    latest: l ? `${l.label}：${l.statusLabel}` : '',
    reason: l ? `理由：${l.reason}` : '',
    note: l?.note ? `管理员回复：${l.note}` : '',
    returned:
      c.returned > 0
        ? `${c.abandoned ? '项目已终止，' : ''}退回本期微公益：${yuan(c.returned)}`
        : c.abandoned
          ? '项目已终止'
          : '',
    budgetNow: p.account?.budget ?? p.budget,
  };
}

function view(p: ProposalDetail): View {
  const r = p.result;
  return {
    id: p.id,
    roundId: p.roundId,
    roundTitle: p.round.title,
    title: p.title,
    status: p.statusLabel,
    theme: STATUS_THEMES[p.status],
    author: p.authorName,
    budget: yuan(p.budget),
    months: p.months ? `${p.months} 个月` : '',
    summary: p.summary,
    details: p.details,
    lines: p.budgetLines.map((l) => ({ item: l.item, amount: yuan(l.amount) })),
    beneficiaries: p.beneficiaries ? `${p.beneficiaries.who}，约 ${p.beneficiaries.count} 人` : '',
    coProposers: p.coProposers.join('、'),
    photos: p.photos,
    votes: p.votes === undefined ? '' : `${p.votes} 票`,
    voted: p.vote.voted,
    canVote: p.vote.canVote,
    voteBlock: p.vote.block ?? '',
    quota: p.vote.ballot && p.status === 'in_vote' ? quotaWords(p.vote.ballot) : '',
    inVote: p.status === 'in_vote',
    screening: p.screening.map((s) => ({
      what: DECISIONS[s.decision] ?? s.decision,
      note: s.note,
      when: fullDayText(s.at),
    })),
    withdrawReason: p.withdrawReason ?? '',
    result: r
      ? `第 ${r.position} 名，${r.votes} 票${r.funded === undefined ? '' : r.funded ? '，获得资助' : '，未获资助'}${r.reason && r.funded !== undefined ? `（${r.reason}）` : ''}`
      : '',
    account: p.account
      ? `已花 ${yuan(p.account.spent)} / 预算 ${yuan(p.account.budget)}，进度 ${p.account.progress}%${p.account.completed ? '，已完成' : ''}`
      : '',
    can: p.can,
    next: Object.values(p.can).some(Boolean) || p.vote.canVote ? '' : NEXT_STEP[p.status],
    change: changeWords(p),
  };
}

type Decision = 'accept' | 'reject' | 'request_changes';

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    roundId: '',
    proposalId: '',
    v: null as View | null,
    busy: false,
    note: '',
    noteError: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { note: PROPOSAL_LIMITS.screeningNoteMax, reason: PROPOSAL_LIMITS.decisionReasonMax },
    /** The author's abandon/reduce form. */
    asking: false,
    kind: 'abandon' as 'abandon' | 'reduce',
    newBudget: '',
    reason: '',
    askError: '',
    askKey: '',
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ roundId: query.roundId ?? '', proposalId: query.proposalId ?? '' });
      void this.reload(query);
    },
    async load() {
      const reply = await call('proposals', 'getProposal', {
        roundId: this.data.roundId,
        proposalId: this.data.proposalId,
      });
      return mapReply(reply, (p) => ({ v: view(p) }));
    },
    /** Runs an action, tells the outcome in plain words, and shows the proposal as it is now. */
    async act(
      run: () => Promise<{ ok: boolean; error?: { message: string } }>,
      done: string,
    ): Promise<boolean> {
      if (this.data.busy) return false;
      this.setData({ busy: true });
      const reply = await run();
      this.setData({ busy: false });
      if (!reply.ok) {
        wx.showModal({ title: '没有成功', content: reply.error?.message ?? '', showCancel: false });
        await this.reload();
        return false;
      }
      wx.showToast({ title: done, icon: 'success' });
      await this.reload();
      return true;
    },
    ref() {
      return { roundId: this.data.roundId, proposalId: this.data.proposalId };
    },
    onVote() {
      this.act(() => call('proposals', 'vote', this.ref()), '投票成功');
    },
    async onUnvote() {
      const { confirm } = await wx.showModal({
        title: '撤回这一票？',
        content: '撤回后这一票可以投给别的提案。',
        confirmText: '撤回',
        cancelText: '不撤回',
      });
      if (confirm) this.act(() => call('proposals', 'withdrawVote', this.ref()), '已撤回');
    },
    onEdit() {
      wx.navigateTo({
        url: `${PAGES}/propose/index?roundId=${this.data.roundId}&proposalId=${this.data.proposalId}`,
      });
    },
    onSubmit() {
      this.act(() => call('proposals', 'submitProposal', this.ref()), '已提交');
    },
    async onWithdraw() {
      const { confirm } = await wx.showModal({
        title: '撤回这个提案？',
        content: '撤回后不能再恢复，这个提案仍算在您本期的提案数里。',
        confirmText: '撤回',
        cancelText: '不撤回',
      });
      if (confirm) this.act(() => call('proposals', 'withdrawProposal', this.ref()), '已撤回');
    },
    async onDelete() {
      const { confirm } = await wx.showModal({
        title: '删除这份草稿？',
        content: '删除后不能恢复。',
        confirmText: '删除',
        cancelText: '不删',
      });
      if (!confirm) return;
      const reply = await call('proposals', 'deleteDraft', this.ref());
      if (!reply.ok) {
        wx.showModal({ title: '没有成功', content: reply.error.message, showCancel: false });
        return;
      }
      wx.showToast({ title: '已删除', icon: 'success' });
      wx.navigateBack?.();
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, noteError: '' });
    },
    async onScreen(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { decision: Decision }>,
    ) {
      const decision = e.currentTarget.dataset.decision;
      const note = this.data.note.trim();
      if (decision !== 'accept' && note === '') {
        this.setData({ noteError: '请写明理由，提案人会看到' });
        return;
      }
      const done = { accept: '已通过', reject: '已告知未通过', request_changes: '已请提案人修改' }[decision];
      const ok = await this.act(
        () => call('proposals', 'screenProposal', { ...this.ref(), decision, note }),
        done,
      );
      if (ok) this.setData({ note: '' });
    },
    onAsk() {
      this.setData({ asking: true, askKey: newIdempotencyKey(), askError: '', reason: '', newBudget: '' });
    },
    onKind(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { kind: 'abandon' | 'reduce' }
      >,
    ) {
      this.setData({ kind: e.currentTarget.dataset.kind, askError: '' });
    },
    onAskField(
      e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>,
    ) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, askError: '' });
    },
    async onSendAsk() {
      const { kind, reason, newBudget, askKey } = this.data;
      const budget = Number(newBudget);
      if (kind === 'reduce' && (!Number.isInteger(budget) || budget <= 0)) {
        this.setData({ askError: '请填写缩减后的预算（整数元）' });
        return;
      }
      if (reason.trim() === '') {
        this.setData({ askError: '请写明理由，管理员和支持者会看到' });
        return;
      }
      const ok = await this.act(
        () =>
          call('proposals', 'requestChange', {
            ...this.ref(),
            idempotencyKey: askKey,
            kind,
            reason: reason.trim(),
            ...(kind === 'reduce' ? { budget } : {}),
          }),
        '已提交申请',
      );
      if (ok) this.setData({ asking: false });
    },
    async onDecide(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { decision: 'approve' | 'refuse' }
      >,
    ) {
      const decision = e.currentTarget.dataset.decision;
      const note = this.data.note.trim();
      if (decision === 'refuse' && note === '') {
        this.setData({ noteError: '请写明不同意的理由，提案人会看到' });
        return;
      }
      const changeId = this.data.v?.change?.latestId ?? '';
      const ok = await this.act(
        () => call('proposals', 'decideChange', { ...this.ref(), changeId, decision, note }),
        decision === 'approve' ? '已同意' : '已告知提案人',
      );
      if (ok) this.setData({ note: '' });
    },
    onPhoto(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.previewImage({ urls: this.data.v?.photos ?? [], current: e.currentTarget.dataset.url });
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
