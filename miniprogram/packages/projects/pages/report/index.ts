/**
 * 报送月报 (provider staff): for the contract's indicators that no system record counts, the month's figures with a
 * note; one report per month, never edited. Months from the contract's start to this one that are not reported yet.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { addMonths, monthKey, monthText } from '../../../../shared/calendar';
import { PROJECTS_TRACKING_LIMITS } from '../../../../shared/limits';

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    title: '',
    months: [] as { month: string; label: string }[],
    month: '',
    fields: [] as { key: string; label: string; unit: string; value: string }[],
    note: '',
    key: newIdempotencyKey(),
    busy: false,
    banner: '',
    max: { note: PROJECTS_TRACKING_LIMITS.noteMax },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'contractDetail', { contractId: query.id ?? '' });
      if (!reply.ok) return reply;
      const c = reply.data;
      const done = new Set(c.reports.map((r) => r.month));
      const months: { month: string; label: string }[] = [];
      const last = monthKey(Math.min(Date.now(), new Date(c.to).getTime()));
      for (let m = monthKey(c.from); m <= last; m = addMonths(m, 1))
        if (!done.has(m)) months.unshift({ month: m, label: monthText(m) });
      return {
        ok: true,
        data: {
          id: c.id,
          title: c.title,
          months,
          month: months[0]?.month ?? '',
          fields: c.progress
            .filter((p) => p.source === 'report')
            .map((p) => ({ key: p.key, label: p.label, unit: p.unit, value: '' })),
        },
      };
    },
    onMonth(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { month: string }>,
    ) {
      this.setData({ month: e.currentTarget.dataset.month });
    },
    onValue(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      this.setData({ [`fields[${e.currentTarget.dataset.index}].value`]: e.detail.value });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value });
    },
    async onSubmit() {
      const { fields, month, busy } = this.data;
      if (busy) return;
      const values = fields.map((f) => ({ indicatorKey: f.key, value: Number(f.value) }));
      if (
        fields.some((f) => f.value.trim() === '' || !Number.isFinite(Number(f.value)) || Number(f.value) < 0)
      ) {
        this.setData({ banner: '请为每项指标填写本月完成的数量' });
        return;
      }
      this.setData({ busy: true, banner: '' });
      const reply = await call('projects', 'submitReport', {
        contractId: this.data.id,
        month,
        values,
        note: this.data.note,
        attachments: [],
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已报送', icon: 'none' });
      wx.navigateBack();
    },
  },
});
