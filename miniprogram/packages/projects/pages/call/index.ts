/**
 * 项目详情: a call as everyone sees it (what is bought, where, budget, period, indicators, payment terms, the score
 * sheet and the published tie-break; once awarded, the ranking with every score). Organization staff go on to
 * their bid. The street admin also works the call here: after the deadline the bids and their prequalification
 * (资格预审), the reviewers' progress (counts, never scores), the running ranking, the award, the complaints to
 * answer and the contracts to make.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { PROJECTS_LIMITS } from '../../../../shared/limits';
import { PROJECT_ROUTES } from '../../lib/routes';
import type { CallDetail } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id?: string; index?: number }
>;

Component({
  behaviors: [elderModeBehavior, remotePage, reloadOnShow],
  data: {
    call: null as CallDetail | null,
    /** Prequalification choices by bid id: failed bids and why. */
    failed: {} as Record<string, boolean>,
    reasons: {} as Record<string, string>,
    answers: {} as Record<string, string>,
    banner: '',
    busy: '',
    maxAnswer: PROJECTS_LIMITS.answerMax,
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'callDetail', { callId: query.id ?? '' });
      if (!reply.ok) return reply;
      return { ok: true, data: { call: reply.data, banner: '' } };
    },
    onBid(e: Tap) {
      wx.navigateTo({ url: PROJECT_ROUTES.bid(this.data.call!.id, e.currentTarget.dataset.id!) });
    },
    onToggleFail(e: Tap) {
      const id = e.currentTarget.dataset.id!;
      this.setData({ [`failed.${id}`]: !this.data.failed[id] });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { id: string }>) {
      this.setData({ [`reasons.${e.currentTarget.dataset.id}`]: e.detail.value });
    },
    onAnswer(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { id: string }>) {
      this.setData({ [`answers.${e.currentTarget.dataset.id}`]: e.detail.value });
    },
    async act<T>(
      what: string,
      confirm: string,
      run: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>,
    ) {
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '请确认',
        content: confirm,
        confirmText: '确定',
        cancelText: '取消',
      });
      if (!answer.confirm) return;
      this.setData({ busy: what, banner: '' });
      const reply = await run();
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      await this.reload();
    },
    onPrequalify() {
      const c = this.data.call!;
      const decisions = c.bids.map((b) => ({
        bidId: b.id,
        passed: !this.data.failed[b.id],
        reason: this.data.reasons[b.id] ?? '',
      }));
      const fails = decisions.filter((d) => !d.passed).length;
      void this.act(
        'prequalify',
        `${decisions.length - fails} 份通过、${fails} 份不通过，确定后进入专家评审。`,
        () => call('projects', 'prequalify', { callId: c.id, decisions }),
      );
    },
    onAward() {
      const c = this.data.call!;
      void this.act('award', `公示评审结果和全部评分，公示期 ${c.complaintDays} 天。`, () =>
        call('projects', 'award', { callId: c.id }),
      );
    },
    onReply(e: Tap) {
      const id = e.currentTarget.dataset.id!;
      const upheld = e.currentTarget.dataset.index === 1;
      void this.act('answer', upheld ? '认定投诉成立并答复。' : '答复投诉（不成立）。', () =>
        call('projects', 'answerComplaint', { complaintId: id, upheld, answer: this.data.answers[id] ?? '' }),
      );
    },
    onContracts() {
      const c = this.data.call!;
      void this.act('contracts', '为每个中标项目生成三方协议，进入签约。', () =>
        call('projects', 'makeContracts', { callId: c.id }),
      );
    },
  },
});
