/**
 * 补充协议 (any party of an active contract): propose changed indicator targets, milestone dates, budget lines
 * re-allocated within the contract amount, or the service period extended (续签), with why. The signed contract
 * stays as it is; the amendment is in force once the other two parties sign it on the contract page.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { dateKey, fullDateKeyText } from '../../../../shared/calendar';
import { PROJECTS_LIMITS, PROJECTS_TRACKING_LIMITS } from '../../../../shared/limits';
import { PARTY_TEXT, yuanText, type ContractDetail } from '../../lib/contractWords';
import { fenOf } from '../../lib/views';

type Indexed = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>;

/** The contract's last day (its `to` is the first instant after it). */
const lastDayOf = (to: Date) => dateKey(new Date(new Date(to).getTime() - 1));

/** The form, filled with the terms in force. */
function formOf(c: ContractDetail) {
  return {
    id: c.id,
    title: c.title,
    amountFen: c.amountFen,
    party: c.my.includes('buyer') ? 'buyer' : c.my[0]!,
    asText: `以${PARTY_TEXT[c.my.includes('buyer') ? 'buyer' : c.my[0]!]}身份提出，提出即签署`,
    targets: c.progress.map((p) => ({
      key: p.key,
      label: p.label,
      unit: p.unit,
      was: p.target,
      value: String(p.target),
    })),
    milestones: c.milestones.map((m) => {
      const day = dateKey(new Date(m.due));
      return { key: m.key, label: m.label, was: day, value: day, text: fullDateKeyText(day) };
    }),
    lines: c.budget.map((b) => ({
      key: b.lineKey,
      label: b.label,
      was: b.budgetFen,
      value: String(b.budgetFen / 100),
    })),
    periodWas: lastDayOf(c.to),
    periodTo: lastDayOf(c.to),
    periodText: fullDateKeyText(lastDayOf(c.to)),
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    f: null as ReturnType<typeof formOf> | null,
    reason: '',
    sumText: '',
    sumOk: true,
    key: newIdempotencyKey(),
    busy: false,
    banner: '',
    max: { note: PROJECTS_TRACKING_LIMITS.noteMax, label: PROJECTS_LIMITS.budgetLabelMax },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'contractDetail', { contractId: query.id ?? '' });
      if (!reply.ok) return reply;
      const c = reply.data;
      if (!c.mayAmend)
        return {
          ok: false,
          error: {
            code: 'CONFLICT',
            message:
              c.my.length === 0
                ? '只有合同的三方可以提出补充协议'
                : '合同生效后才能提出补充协议，且上一份补充协议要先签署完',
          },
        };
      const f = formOf(c);
      return { ok: true, data: { f, ...this.sumOf(f.lines, f.amountFen) } };
    },
    sumOf(lines: { value: string }[], amountFen: number) {
      const sum = lines.reduce((t, l) => t + fenOf(l.value), 0);
      return {
        sumOk: sum === amountFen,
        sumText: `合计 ${yuanText(sum)}，合同金额 ${yuanText(amountFen)}${sum === amountFen ? '' : '，两者要相等'}`,
      };
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    onTarget(e: Indexed) {
      this.setData({ [`f.targets[${e.currentTarget.dataset.index}].value`]: e.detail.value });
    },
    onMilestone(e: Indexed) {
      const i = e.currentTarget.dataset.index;
      this.setData({
        [`f.milestones[${i}].value`]: e.detail.value,
        [`f.milestones[${i}].text`]: fullDateKeyText(e.detail.value),
      });
    },
    onLine(e: Indexed) {
      this.setData({ [`f.lines[${e.currentTarget.dataset.index}].value`]: e.detail.value });
      this.setData(this.sumOf(this.data.f!.lines, this.data.f!.amountFen));
    },
    onPeriod(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'f.periodTo': e.detail.value, 'f.periodText': fullDateKeyText(e.detail.value) });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const f = this.data.f!;
      if (this.data.reason.trim().length < 5) {
        this.setData({ banner: '请写明变更的原因（至少 5 个字）' });
        return;
      }
      if (!this.data.sumOk) {
        this.setData({ banner: '调整后的预算合计要等于合同金额' });
        return;
      }
      const targets = f.targets
        .filter((t) => t.value.trim() !== '' && Number(t.value) !== t.was)
        .map((t) => ({ key: t.key, target: Number(t.value) }));
      if (targets.some((t) => !Number.isFinite(t.target) || t.target < 0)) {
        this.setData({ banner: '指标目标请填数字' });
        return;
      }
      const milestones = f.milestones
        .filter((m) => m.value !== m.was)
        .map((m) => ({ key: m.key, due: m.value }));
      const linesChanged = f.lines.some((l) => fenOf(l.value) !== l.was);
      this.setData({ busy: true, banner: '' });
      const reply = await call('projects', 'proposeAmendment', {
        contractId: f.id,
        party: f.party,
        reason: this.data.reason,
        targets,
        milestones,
        ...(linesChanged
          ? { budgetLines: f.lines.map((l) => ({ key: l.key, label: l.label, amountFen: fenOf(l.value) })) }
          : {}),
        ...(f.periodTo !== f.periodWas ? { periodTo: f.periodTo } : {}),
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已提出，等其他两方签署', icon: 'none' });
      wx.navigateBack();
    },
  },
});
