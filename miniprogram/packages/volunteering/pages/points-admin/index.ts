/**
 * 爱心积分规则与报表, for admins over a street: how many points a verified hour earns there, when points expire,
 * the star thresholds (一星 … 五星, in cumulative verified hours); and by month the points issued, spent at the
 * supermarket, given and expired, and what people hold at the month's end (the liability the supermarket stands
 * behind), which 导出表格 hands to the street office as a spreadsheet. Streets come from the admin's scope.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { refusal } from '../../../../lib/page-state';
import { placesUnder } from '../../../../lib/places';
import { ensureSession } from '../../../../lib/session';
import { POINTS_LIMITS } from '../../../../shared/limits';
import { exportSheet } from '../../../../lib/sheet';

/** Months the report shows (and exports). */
const REPORT_MONTHS = 6;

const STAR_NAMES = ['一星', '二星', '三星', '四星', '五星'];

const HINTS: Record<string, string> = {
  pointsPerHour: `请写 1 到 ${POINTS_LIMITS.pointsPerHourMax} 的整数`,
  expiryYears: `请写 0 到 ${POINTS_LIMITS.expiryYearsMax} 的整数，0 表示不过期`,
  starHours: '星级所需时长要逐级增加',
};

/** A month of the report as a line. */
interface MonthLine {
  month: string;
  title: string;
  description: string;
  note: string;
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    streets: [] as { id: string; name: string }[],
    streetId: '',
    pointsPerHour: '',
    expiryYears: '',
    stars: [] as { name: string; hours: string }[],
    isDefault: false,
    errors: {} as Record<string, string>,
    saveError: '',
    saving: false,
    exporting: false,
    saved: false,
    months: [] as MonthLine[],
  },
  methods: {
    async load(): Promise<LoadResult> {
      if (this.data.streets.length === 0) {
        const session = await ensureSession();
        if (!session.ok) return session;
        const places = await call('account', 'places');
        if (!places.ok) return places;
        const scopes = session.me.roles.filter((r) => r.role === 'admin' && r.scopeId).map((r) => r.scopeId!);
        const streets = new Map<string, { id: string; name: string }>();
        for (const s of scopes)
          for (const p of placesUnder(places.data, s))
            if (p.level === 'street') streets.set(p.id, { id: p.id, name: p.name });
        if (streets.size === 0) return refusal('爱心积分规则按街道设置，由街道（或区）管理员设置。');
        const list = [...streets.values()];
        this.setData({ streets: list, streetId: this.data.streetId || list[0]!.id });
      }
      const streetId = this.data.streetId;
      const [rule, report] = await Promise.all([
        call('volunteering', 'pointRule', { streetId }),
        call('volunteering', 'pointsReport', { streetId, months: REPORT_MONTHS }),
      ]);
      if (!rule.ok) return rule;
      if (!report.ok) return report;
      const r = rule.data;
      return {
        ok: true,
        data: {
          pointsPerHour: String(r.pointsPerHour),
          expiryYears: String(r.expiryYears),
          stars: r.starHours.map((h, i) => ({ name: STAR_NAMES[i] ?? `${i + 1}星`, hours: String(h) })),
          isDefault: !r.set,
          errors: {},
          saved: false,
          months: report.data.months.map((m) => ({
            month: m.month,
            title: m.monthText,
            description: `发放 ${m.issued} · 兑换 ${m.spent}${m.given ? ` · 赠出 ${m.given}` : ''}${m.expired ? ` · 过期 ${m.expired}` : ''}`,
            note: `月末结余 ${m.outstanding}`,
          })),
        },
      };
    },
    /** 导出表格: the months shown, with their totals on top, as a spreadsheet for the street office. */
    onExport() {
      const input = { streetId: this.data.streetId, months: REPORT_MONTHS };
      return exportSheet(this, () => call('volunteering', 'exportPointsReport', input));
    },
    onStreet(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ streetId: e.currentTarget.dataset.id });
      void this.restart();
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '', saved: false });
    },
    onStar(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      const i = Number((e.currentTarget as unknown as { dataset: { index: number } }).dataset.index);
      this.setData({ [`stars[${i}].hours`]: e.detail.value, 'errors.starHours': '', saved: false });
    },
    async onSave() {
      if (this.data.saving) return;
      const d = this.data;
      this.setData({ saving: true, saveError: '', errors: {} });
      const reply = await call('volunteering', 'setPointRule', {
        streetId: d.streetId,
        pointsPerHour: Number(d.pointsPerHour),
        expiryYears: Number(d.expiryYears),
        starHours: d.stars.map((s) => Number(s.hours)),
      });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, HINTS);
        this.setData({
          saving: false,
          errors,
          saveError: Object.keys(errors).length ? '' : reply.error.message,
        });
        return;
      }
      this.setData({ saving: false, saved: true, isDefault: false });
    },
  },
});
