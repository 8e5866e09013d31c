/**
 * 发布项目 (street admins): a call built from the street's demand list — kind (公益创投 round or single purchase),
 * title, category, description, target groups, communities (ticking a demand line ticks its community), budget
 * ceiling, service period, bid deadline, indicators chosen from those the system can track (each with its
 * minimum), the default payment terms and score sheet, blind review, reviewers found among the people of the
 * admin's area, and the supervisor. Published at once; the call's page opens.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { addDays, dateKey, dateKeyText } from '../../../../shared/calendar';
import { PROJECTS_LIMITS } from '../../../../shared/limits';
import { DEFAULT_SHEET, DEFAULT_TERMS, INDICATOR_CHOICES } from '../../lib/presets';
import { PROJECT_ROUTES } from '../../lib/routes';
import type { CallForm, DemandLineView } from '../../lib/views';
import { fenOf } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id?: string; key?: string }
>;
type Change = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>;

const L = PROJECTS_LIMITS;
const today = () => dateKey(Date.now());

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    street: null as CallForm | null,
    demands: [] as DemandLineView[],
    form: {
      kind: 'venture' as 'venture' | 'purchase',
      title: '',
      category: '',
      description: '',
      targetGroups: '',
      budgetYuan: '',
      supervisor: '',
      blind: true,
    },
    dates: { bidDeadline: '', periodFrom: '', periodTo: '' },
    dateTexts: { bidDeadline: '请选择', periodFrom: '请选择', periodTo: '请选择' },
    communities: {} as Record<string, boolean>,
    picked: {} as Record<string, boolean>,
    indicators: INDICATOR_CHOICES.map((c) => ({ ...c, on: false, min: String(c.minTarget) })),
    terms: DEFAULT_TERMS.map((t) => `${t.label} ${t.percent}%`),
    sheet: DEFAULT_SHEET.map((c) => `${c.label} ${c.weight}`),
    query: '',
    found: [] as { id: string; name: string }[],
    reviewers: [] as { id: string; name: string }[],
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    key: '',
    max: { title: L.titleMax, category: L.categoryMax, description: L.descriptionMax },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const [form, demands] = await Promise.all([
        call('projects', 'callForm', {}),
        call('projects', 'demandList', {}),
      ]);
      if (!form.ok) return form;
      return {
        ok: true,
        data: {
          street: form.data,
          demands: demands.ok ? demands.data.filter((d) => !d.adopted) : [],
          key: newIdempotencyKey(),
        },
      };
    },
    onKind(e: Tap) {
      this.setData({ 'form.kind': e.currentTarget.dataset.key });
    },
    onField(e: Change) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },
    onBlind() {
      this.setData({ 'form.blind': !this.data.form.blind });
    },
    onDate(e: Change) {
      const field = e.currentTarget.dataset.field;
      this.setData({
        [`dates.${field}`]: e.detail.value,
        [`dateTexts.${field}`]: dateKeyText(e.detail.value),
      });
    },
    onCommunity(e: Tap) {
      const id = e.currentTarget.dataset.id!;
      this.setData({ [`communities.${id}`]: !this.data.communities[id] });
    },
    onDemand(e: Tap) {
      const d = this.data.demands.find((x) => x.id === e.currentTarget.dataset.id)!;
      const on = !this.data.picked[d.id];
      this.setData({
        [`picked.${d.id}`]: on,
        ...(on ? { [`communities.${d.communityId}`]: true } : {}),
        ...(on && !this.data.form.category ? { 'form.category': d.category } : {}),
      });
    },
    onIndicator(e: Tap) {
      const i = this.data.indicators.findIndex((x) => x.key === e.currentTarget.dataset.key);
      this.setData({ [`indicators[${i}].on`]: !this.data.indicators[i]!.on });
    },
    onMin(e: Change) {
      const i = this.data.indicators.findIndex((x) => x.key === e.currentTarget.dataset.field);
      this.setData({ [`indicators[${i}].min`]: e.detail.value });
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    async onSearch() {
      const reply = await call('account', 'searchUsers', { query: this.data.query });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      this.setData({
        found: reply.data.items
          .filter((u) => u.kind === 'wechat')
          .map((u) => ({
            id: u.id,
            name: `${u.nickname}${u.communityName ? `（${u.communityName}）` : ''}`,
          })),
      });
    },
    onAddReviewer(e: Tap) {
      const u = this.data.found.find((x) => x.id === e.currentTarget.dataset.id)!;
      if (this.data.reviewers.some((r) => r.id === u.id)) return;
      this.setData({ reviewers: [...this.data.reviewers, u] });
    },
    onRemoveReviewer(e: Tap) {
      this.setData({ reviewers: this.data.reviewers.filter((r) => r.id !== e.currentTarget.dataset.id) });
    },
    async onPublish() {
      if (this.data.busy) return;
      const { form, dates, street } = this.data;
      this.setData({ busy: true, banner: '', errors: {} });
      const reply = await call('projects', 'publishCall', {
        streetId: street!.streetId,
        kind: form.kind,
        title: form.title,
        category: form.category,
        description: form.description,
        targetGroups: form.targetGroups.split(/[、，,\s]+/).filter(Boolean),
        communityIds: street!.communities.filter((c) => this.data.communities[c.id]).map((c) => c.id),
        demandIds: this.data.demands.filter((d) => this.data.picked[d.id]).map((d) => d.id),
        budgetCeilingFen: fenOf(form.budgetYuan),
        periodFrom: dates.periodFrom || addDays(today(), 30),
        periodTo: dates.periodTo || addDays(today(), 395),
        bidDeadline: dates.bidDeadline || addDays(today(), 14),
        indicatorTemplates: this.data.indicators
          .filter((i) => i.on)
          .map((i) => ({
            key: i.key,
            label: i.label,
            kind: i.kind,
            source: i.source,
            unit: i.unit,
            minTarget: Number(i.min) || 0,
          })),
        paymentTerms: DEFAULT_TERMS,
        scoreSheet: DEFAULT_SHEET,
        blind: form.blind,
        reviewerIds: this.data.reviewers.map((r) => r.id),
        supervisor: { name: form.supervisor || `${street!.streetName}社会事务办`, userIds: [] },
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message, errors: plainFieldErrors(reply, {}) });
        return;
      }
      wx.redirectTo({ url: PROJECT_ROUTES.call(reply.data.id) });
    },
  },
});
