/**
 * 开启新一期 / 修改本期设置 (admins): where (a street or community of the admin's scope), the money (total and
 * per-proposal range), the rules (proposals per person, months, how residents vote, whether votes show while
 * voting lasts) and the five dates. Once voting opens the function refuses any change; the page says so.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { PlaceView } from '../../../../lib/account';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { placesUnder } from '../../../../lib/places';
import { ensureSession } from '../../../../lib/session';
import { PAGES } from '../../lib/views';
import { day } from '../../lib/words';
import { call } from '../../../../lib/api';

type DateKey = 'collectingFrom' | 'screeningFrom' | 'votingFrom' | 'votingUntil' | 'workFrom';

const DATE_LABELS: { key: DateKey; label: string }[] = [
  { key: 'collectingFrom', label: '开始征集提案' },
  { key: 'screeningFrom', label: '开始资格预审' },
  { key: 'votingFrom', label: '开始投票' },
  { key: 'votingUntil', label: '投票截止' },
  { key: 'workFrom', label: '项目开始实施' },
];

const HINTS: Record<string, string> = {
  totalBudget: '总预算在 1000 元到 1000 万元之间',
  approvalLimit: '每人可投 1 到 20 个',
  perAuthor: '每人可提 1 到 10 个',
  maxMonths: '1 到 12 个月',
};

/** Midnight of a Beijing calendar day, `days` from now. */
function midnightIn(days: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

/** A Beijing calendar day of an ISO time, YYYY-MM-DD. */
function ymd(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    roundId: '',
    version: 0,
    scopes: [] as { id: string; name: string; checked: boolean }[],
    scopeId: '',
    title: '',
    description: '',
    totalBudget: '50000',
    minBudget: '2000',
    maxBudget: '10000',
    perAuthor: '2',
    voteMode: 'approval' as 'approval' | 'budget',
    approvalLimit: '3',
    showTallies: true,
    maxMonths: '6',
    dates: {} as Record<DateKey, string>,
    dateRows: [] as { key: DateKey; label: string; text: string }[],
    picking: '' as DateKey | '',
    pickerValue: '',
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    key: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ roundId: query.id ?? '', key: newIdempotencyKey() });
      this.load();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.load();
    },
    setDates(dates: Record<DateKey, string>) {
      this.setData({
        dates,
        dateRows: DATE_LABELS.map((d) => ({ ...d, text: dates[d.key] ? day(dates[d.key]) : '' })),
      });
    },
    async load() {
      const session = await ensureSession();
      if (!session.ok) {
        this.setData({ status: 'error', errorMessage: session.error.message });
        return;
      }
      if (!this.data.roundId) {
        const places = await call('account', 'places');
        if (!places.ok) {
          this.setData({ status: 'error', errorMessage: places.error.message });
          return;
        }
        const admin = session.me.roles.filter((r) => r.role === 'admin' && r.scopeId).map((r) => r.scopeId!);
        const seen = new Set<string>();
        const scopes: PlaceView[] = [];
        for (const id of admin)
          for (const p of placesUnder(places.data, id))
            if (p.level !== 'district' && !seen.has(p.id)) {
              seen.add(p.id);
              scopes.push(p);
            }
        if (scopes.length === 0) {
          this.setData({ status: 'error', errorMessage: '只有街道或社区的管理员可以开启微公益' });
          return;
        }
        this.setData({
          status: 'ready',
          scopeId: scopes[0]!.id,
          scopes: scopes.map((p, i) => ({
            id: p.id,
            name: p.level === 'street' ? `${p.name}（全街道）` : p.name,
            checked: i === 0,
          })),
        });
        this.setDates({
          collectingFrom: midnightIn(0),
          screeningFrom: midnightIn(14),
          votingFrom: midnightIn(21),
          votingUntil: midnightIn(28),
          workFrom: midnightIn(35),
        });
        return;
      }
      const reply = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      const r = reply.data;
      wx.setNavigationBarTitle?.({ title: '修改本期设置' });
      this.setData({
        status: r.frozen ? 'error' : 'ready',
        errorMessage: r.frozen ? '投票已经开始，本期设置已锁定，不能再改' : '',
        version: r.version,
        scopes: [{ id: r.scopeId, name: r.scopeName, checked: true }],
        scopeId: r.scopeId,
        title: r.title,
        description: r.description,
        totalBudget: String(r.totalBudget),
        minBudget: String(r.settings.minBudget),
        maxBudget: String(r.settings.maxBudget),
        perAuthor: String(r.settings.perAuthor),
        voteMode: r.voteMode,
        approvalLimit: String(r.settings.approvalLimit),
        showTallies: r.settings.showTallies,
        maxMonths: String(r.settings.maxMonths),
      });
      this.setDates({ ...r.schedule });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ [field]: e.detail.value, errors });
    },
    onScope(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      if (this.data.roundId) return;
      const id = e.currentTarget.dataset.id;
      this.setData({ scopeId: id, scopes: this.data.scopes.map((s) => ({ ...s, checked: s.id === id })) });
    },
    onMode(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { mode: 'approval' | 'budget' }
      >,
    ) {
      this.setData({ voteMode: e.currentTarget.dataset.mode });
    },
    onTallies(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ showTallies: e.detail.value });
    },
    onPick(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: DateKey }>) {
      const key = e.currentTarget.dataset.key;
      this.setData({ picking: key, pickerValue: ymd(this.data.dates[key]) });
    },
    onPickerClose() {
      this.setData({ picking: '' });
    },
    onPicked(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const key = this.data.picking;
      if (!key) return;
      const errors = { ...this.data.errors };
      delete errors[`schedule.${key}`];
      this.setData({ picking: '', errors });
      this.setDates({ ...this.data.dates, [key]: `${String(e.detail.value).slice(0, 10)}T00:00:00+08:00` });
    },
    async onSave() {
      if (this.data.busy) return;
      const d = this.data;
      const settings = {
        title: d.title.trim(),
        description: d.description.trim(),
        totalBudget: num(d.totalBudget),
        minBudget: num(d.minBudget),
        maxBudget: num(d.maxBudget),
        perAuthor: num(d.perAuthor),
        voteMode: d.voteMode,
        approvalLimit: num(d.approvalLimit),
        showTallies: d.showTallies,
        maxMonths: num(d.maxMonths),
      };
      const bad = Object.entries(settings).filter(([, v]) => typeof v === 'number' && Number.isNaN(v));
      if (bad.length > 0) {
        this.setData({ errors: Object.fromEntries(bad.map(([k]) => [k, '请填整数'])) });
        return;
      }
      this.setData({ busy: true, banner: '' });
      const reply = d.roundId
        ? await call('proposals', 'updateRound', {
            roundId: d.roundId,
            expectedVersion: d.version,
            ...settings,
            schedule: d.dates,
          })
        : await call('proposals', 'createRound', {
            idempotencyKey: d.key,
            scopeId: d.scopeId,
            ...settings,
            schedule: d.dates,
          });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ errors: plainFieldErrors(reply, HINTS), banner: reply.error.message });
        return;
      }
      wx.showToast({ title: d.roundId ? '已保存' : '已开启', icon: 'success' });
      wx.redirectTo({ url: `${PAGES}/round/index?id=${reply.data.id}` });
    },
  },
});
