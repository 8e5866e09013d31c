/**
 * 合同详情, for its three parties: the terms and who signed when (sign here when it is your turn); each indicator's
 * progress counted from the system's records (tap to see the records behind the number); payment tranches (the
 * buyer releases one whose condition holds); evaluations with their three sheets (the provider may appeal once in
 * the window); monthly reports, supervisors' visits and spending against the budget lines.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { dayClockText, fullDayText, monthText } from '../../../../shared/calendar';
import { PROJECTS_TRACKING_LIMITS } from '../../../../shared/limits';
import { CONTRACT_ROUTES } from '../../lib/contractRoutes';
import {
  barWidth,
  budgetRows,
  PARTY_TEXT,
  SOURCE_TEXT,
  STAGE_TEXT,
  STANDING_TEXT,
  STATUS_TEXT,
  yuanText,
  type ContractDetail,
} from '../../lib/contractWords';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;
type Party = 'buyer' | 'provider' | 'supervisor';

/** The last day of a period ending at `to` (the first instant after it). */
const lastDayText = (to: Date) => fullDayText(new Date(new Date(to).getTime() - 1));

/** The page's view of a contract. */
function view(c: ContractDetail) {
  const signedBy = (p: Party) => c.signatures.find((s) => s.party === p);
  const buyer = c.my.includes('buyer');
  const provider = c.my.includes('provider');
  return {
    id: c.id,
    title: c.title,
    org: `${c.orgName} · ${c.category}`,
    places: c.communityNames.join('、'),
    period: `${fullDayText(c.from)} 至 ${fullDayText(c.to)}`,
    money: `合同金额 ${yuanText(c.amountFen)}`,
    statusText: STATUS_TEXT[c.status],
    standing: c.standing,
    standingText: STANDING_TEXT[c.standing],
    parties: (['buyer', 'provider', 'supervisor'] as const).map((p) => {
      const s = signedBy(p);
      return {
        party: p,
        role: PARTY_TEXT[p],
        name: c.parties[p],
        signed: s ? `${s.name} ${dayClockText(s.at)} 已签署` : '待签署',
        done: !!s,
      };
    }),
    maySign: c.maySign.map((p) => ({ party: p, text: `以${PARTY_TEXT[p]}身份签署` })),
    progress: c.progress.map((p) => ({
      key: p.key,
      label: p.label,
      figure:
        p.kind === 'quality' ? `${p.value}%（目标 ≥ ${p.target}%）` : `${p.value} / ${p.target} ${p.unit}`,
      width: barWidth(p.attainment),
      short: p.attainment < 1,
      source: SOURCE_TEXT[p.source] ?? '',
      records: `${p.records} 条记录`,
    })),
    tranches: c.tranches.map((t) => ({
      key: t.key,
      label: t.label,
      amount: yuanText(t.amountFen),
      state: t.released ? `${t.released.by} ${fullDayText(t.released.at)} 已拨付` : (t.refusal ?? '可以拨付'),
      releasable: buyer && !t.released && !t.refusal,
    })),
    evaluations: c.evaluations.map((e) => ({
      id: e.id,
      title: `${STAGE_TEXT[e.stage]} · ${e.grade}${e.current ? '' : '（已更正）'}`,
      total: `总分 ${e.total}`,
      sheets: `专家评分 ${e.sheets.expert} · 日常监管 ${e.sheets.supervision} · 财务审查 ${e.sheets.financial}`,
      weights: `权重 ${e.weights.expert * 100}% / ${e.weights.supervision * 100}% / ${e.weights.financial * 100}%`,
      comment: e.comment,
      by: `${e.by} ${fullDayText(e.at)}`,
      appeal: e.appeal ? `申诉：${e.appeal.reason}（${e.appeal.by} ${fullDayText(e.appeal.at)}）` : '',
      mayAppeal: provider && e.appealOpen,
      appealBy: `可在 ${fullDayText(e.appealBy)} 前申诉一次`,
      criteria: e.criteria.map((l) => ({
        key: `${l.sheet}-${l.key}`,
        text: `${l.label} ${l.score}/${l.max}${l.comment ? `：${l.comment}` : ''}`,
      })),
    })),
    amendments: c.amendments.map((a) => ({
      id: a.id,
      title: `补充协议（${a.n}）· ${a.status === 'effective' ? '已生效' : '签署中'}`,
      reason: a.reason,
      proposed: `${PARTY_TEXT[a.proposedBy.party]} ${a.proposedBy.name} ${fullDayText(a.createdAt)} 提出`,
      changes: [
        ...a.targets.map((t) => `${t.label}：${t.from ?? '—'} → ${t.to} ${t.unit}`),
        ...a.milestones.map(
          (m) => `${m.label}：${m.from ? fullDayText(m.from) : '—'} → ${fullDayText(m.to)}`,
        ),
        ...a.budgetLines.map(
          (l) => `${l.label}：${l.fromFen === null ? '新增' : yuanText(l.fromFen)} → ${yuanText(l.toFen)}`,
        ),
        ...(a.periodTo
          ? [
              `服务期至：${a.periodTo.from ? lastDayText(a.periodTo.from) : '—'} → ${lastDayText(a.periodTo.to)}`,
            ]
          : []),
      ],
      signatures: (['buyer', 'provider', 'supervisor'] as const).map((p) => {
        const s = a.signatures.find((x) => x.party === p);
        return {
          party: p,
          text: `${PARTY_TEXT[p]}：${s ? `${s.name} ${dayClockText(s.at)} 已签署` : '待签署'}`,
        };
      }),
      maySign: a.maySign.map((p) => ({ party: p, text: `以${PARTY_TEXT[p]}身份签署补充协议` })),
    })),
    budget: budgetRows(c.budget),
    reports: c.reports.map((r) => ({
      month: r.month,
      title: `${monthText(r.month)}月报`,
      note: r.note,
      by: `${r.by} ${dayClockText(r.at)} 报送`,
    })),
    visits: c.visits.map((v) => ({
      id: v.id,
      title: `${dayClockText(v.at)} 走访 · 监管评分 ${v.total}`,
      note: v.note,
      by: v.by,
      photos: v.photos,
    })),
    creditUrl: buyer || provider ? CONTRACT_ROUTES.credit(c.orgId, c.streetId) : '',
    reportUrl:
      provider && c.status === 'active' && c.progress.some((p) => p.source === 'report')
        ? CONTRACT_ROUTES.report(c.id)
        : '',
    visitUrl: c.my.includes('supervisor') && c.status === 'active' ? CONTRACT_ROUTES.visit(c.id) : '',
    evaluateUrl: buyer && c.status !== 'signing' ? CONTRACT_ROUTES.evaluate(c.id) : '',
    spendingUrl: c.status !== 'signing' ? CONTRACT_ROUTES.spending(c.id) : '',
    spendingText: provider && c.status === 'active' ? '记支出、传票据' : '支出明细和票据',
    amendUrl: c.mayAmend ? CONTRACT_ROUTES.amend(c.id) : '',
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    c: null as ReturnType<typeof view> | null,
    busy: '',
    banner: '',
    open: '',
    records: [] as { id: string; text: string; place: string }[],
    appealing: '',
    reason: '',
    max: { note: PROJECTS_TRACKING_LIMITS.noteMax },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'contractDetail', { contractId: query.id ?? '' });
      if (!reply.ok) return reply;
      return { ok: true, data: { c: view(reply.data), banner: '' } };
    },
    async after(reply: { ok: boolean; error?: { message: string } }, toast: string) {
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error?.message ?? '' });
        return;
      }
      wx.showToast({ title: toast, icon: 'none' });
      this.setData({ appealing: '', reason: '' });
      await this.reload();
    },
    async onSign(e: Tap) {
      const party = e.currentTarget.dataset.party as Party;
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '签署合同',
        content: `签署后合同内容不能再修改。确定以${PARTY_TEXT[party]}身份签署吗？`,
        confirmText: '确定签署',
        cancelText: '再看看',
      });
      if (!answer.confirm) return;
      this.setData({ busy: `sign-${party}`, banner: '' });
      const reply = await call('projects', 'signContract', { contractId: this.data.c!.id, party });
      await this.after(reply, reply.ok && reply.data.status === 'active' ? '三方已签署，合同生效' : '已签署');
    },
    async onSignAmendment(e: Tap) {
      const { id, party } = e.currentTarget.dataset as { id: string; party: Party };
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '签署补充协议',
        content: `三方都签署后补充协议生效，合同按新的内容执行。确定以${PARTY_TEXT[party]}身份签署吗？`,
        confirmText: '确定签署',
        cancelText: '再看看',
      });
      if (!answer.confirm) return;
      this.setData({ busy: `amend-${id}-${party}`, banner: '' });
      const reply = await call('projects', 'signAmendment', { amendmentId: id, party });
      await this.after(
        reply,
        reply.ok && reply.data.status === 'effective' ? '三方已签署，补充协议生效' : '已签署',
      );
    },
    async onRelease(e: Tap) {
      const key = e.currentTarget.dataset.key!;
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '拨付款项',
        content: '确认这笔款项的条件已满足并拨付吗？拨付后不能撤回。',
        confirmText: '确认拨付',
        cancelText: '不拨付',
      });
      if (!answer.confirm) return;
      this.setData({ busy: `release-${key}`, banner: '' });
      const reply = await call('projects', 'releaseTranche', {
        contractId: this.data.c!.id,
        trancheKey: key,
      });
      await this.after(reply, '已拨付');
    },
    async onRecords(e: Tap) {
      const key = e.currentTarget.dataset.key!;
      if (this.data.open === key) {
        this.setData({ open: '', records: [] });
        return;
      }
      this.setData({ open: key, records: [], banner: '' });
      const reply = await call('projects', 'indicatorRecords', {
        contractId: this.data.c!.id,
        indicatorKey: key,
      });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message, open: '' });
        return;
      }
      this.setData({
        records: reply.data.items.map((r) => ({
          id: r.id,
          text: `${fullDayText(r.at)} ${r.label}`,
          place: r.communityName,
        })),
      });
    },
    onAppeal(e: Tap) {
      this.setData({ appealing: e.currentTarget.dataset.id!, reason: '', banner: '' });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    async onSendAppeal() {
      if (this.data.busy) return;
      if (this.data.reason.trim().length < 5) {
        this.setData({ banner: '请写明申诉理由（至少 5 个字）' });
        return;
      }
      this.setData({ busy: 'appeal', banner: '' });
      const reply = await call('projects', 'appealEvaluation', {
        evaluationId: this.data.appealing,
        reason: this.data.reason,
      });
      await this.after(reply, '已提交申诉');
    },
    onPhoto(e: Tap) {
      wx.previewImage({ urls: [e.currentTarget.dataset.src!], current: e.currentTarget.dataset.src! });
    },
  },
});
