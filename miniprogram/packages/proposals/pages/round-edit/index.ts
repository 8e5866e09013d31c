/**
 * 开启新一期 / 修改本期设置 (admins): where (a street or community of the admin's scope), the money (total and
 * per-proposal range), the rules (proposals per person, months, how residents vote, whether votes show while
 * voting lasts) and the five dates. Once voting opens the function refuses any change; the page says so.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { refusal } from '../../../../lib/page-state';
import { type PlaceView } from '../../../../lib/account';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { placesUnder } from '../../../../lib/places';
import { ensureSession } from '../../../../lib/session';
import { PAGES } from '../../lib/views';
import { addDays, dateKey, dayText, startOfDate } from '../../../../shared/calendar';
import { PROPOSAL_LIMITS } from '../../../../shared/limits';
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
  title: `请写标题，最多 ${PROPOSAL_LIMITS.roundTitleMax} 个字`,
  totalBudget: '总预算在 1000 元到 1000 万元之间',
  approvalLimit: `每人可投 1 到 ${PROPOSAL_LIMITS.approvalLimitMax} 个`,
  perAuthor: `每人可提 1 到 ${PROPOSAL_LIMITS.perAuthorMax} 个`,
  maxMonths: `1 到 ${PROPOSAL_LIMITS.monthsMax} 个月`,
};

/** Midnight of a Beijing calendar day, `days` from today, as an ISO time. */
function midnightIn(days: number): string {
  return startOfDate(addDays(dateKey(Date.now()), days)).toISOString();
}

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** The schedule as data: the dates and their rows. */
function datesData(dates: Record<DateKey, string>) {
  return {
    dates,
    dateRows: DATE_LABELS.map((d) => ({ ...d, text: dates[d.key] ? dayText(dates[d.key]) : '' })),
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
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
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { title: PROPOSAL_LIMITS.roundTitleMax, description: PROPOSAL_LIMITS.roundDescriptionMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ roundId: query.id ?? '', key: newIdempotencyKey() });
      void this.reload(query);
    },
    setDates(dates: Record<DateKey, string>) {
      this.setData(datesData(dates));
    },
    /** A new round's form in the admin's scopes, or the round to change (refused once voting has locked it). */
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      if (!this.data.roundId) {
        const places = await call('account', 'places');
        if (!places.ok) return places;
        const admin = session.me.roles.filter((r) => r.role === 'admin' && r.scopeId).map((r) => r.scopeId!);
        const seen = new Set<string>();
        const scopes: PlaceView[] = [];
        for (const id of admin)
          for (const p of placesUnder(places.data, id))
            if (p.level !== 'district' && !seen.has(p.id)) {
              seen.add(p.id);
              scopes.push(p);
            }
        if (scopes.length === 0) return refusal('只有街道或社区的管理员可以开启微公益');
        return {
          ok: true,
          data: {
            scopeId: scopes[0]!.id,
            scopes: scopes.map((p, i) => ({
              id: p.id,
              name: p.level === 'street' ? `${p.name}（全街道）` : p.name,
              checked: i === 0,
            })),
            ...datesData({
              collectingFrom: midnightIn(0),
              screeningFrom: midnightIn(14),
              votingFrom: midnightIn(21),
              votingUntil: midnightIn(28),
              workFrom: midnightIn(35),
            }),
          },
        };
      }
      const reply = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (!reply.ok) return reply;
      const r = reply.data;
      wx.setNavigationBarTitle?.({ title: '修改本期设置' });
      if (r.frozen) return refusal('投票已经开始，本期设置已锁定，不能再改');
      return {
        ok: true,
        data: {
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
          ...datesData({ ...r.schedule }),
        },
      };
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
      this.setData({ picking: key, pickerValue: dateKey(this.data.dates[key]) });
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
      this.setDates({
        ...this.data.dates,
        [key]: startOfDate(String(e.detail.value).slice(0, 10)).toISOString(),
      });
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
