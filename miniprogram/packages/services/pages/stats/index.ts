/**
 * 机构满意度 (admins): per organization in the admin's scope — services done, surveys answered (by residents or
 * by phone), average stars, share satisfied, complaint rate, and what is still open or escalated; 导出表格 hands
 * them to the street office as a spreadsheet.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { remotePage } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type ProviderStat } from '../../../../lib/services';
import { call } from '../../../../lib/api';
import { ensureSession } from '../../../../lib/session';
import { exportSheet } from '../../../../lib/sheet';

/** An organization as a card. */
interface StatBox {
  id: string;
  name: string;
  figures: { label: string; value: string; warn: boolean }[];
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function statBox(s: ProviderStat): StatBox {
  return {
    id: s.orgId,
    name: s.orgName,
    figures: [
      { label: '完成服务', value: `${s.completed}`, warn: false },
      { label: '回访', value: `${s.surveyed}`, warn: false },
      {
        label: '平均评分',
        value: s.avgRating === null ? '—' : `${s.avgRating} 星`,
        warn: s.avgRating !== null && s.avgRating < 4,
      },
      { label: '满意率', value: pct(s.satisfaction), warn: s.satisfaction !== null && s.satisfaction < 0.9 },
      { label: '投诉率', value: pct(s.complaintRate), warn: (s.complaintRate ?? 0) > 0.05 },
      { label: '进行中', value: `${s.open}`, warn: false },
      { label: '待跟进', value: `${s.escalated}`, warn: s.escalated > 0 },
    ],
  };
}

/** What the figures cover, their totals and the sample the rates are taken from. */
function summaryText(stats: ProviderStat[]): string {
  const done = stats.reduce((n, s) => n + s.completed, 0);
  const surveyed = stats.reduce((n, s) => n + s.surveyed, 0);
  return `统计范围：开通以来的全部订单，${stats.length} 家机构。合计完成服务 ${done} 次；评分、满意率和投诉率按 ${surveyed} 份回访计算。`;
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    orgs: [] as StatBox[],
    summary: '',
    /** 导出表格 is for admins (staff reach their own organization's figures from 我的机构). */
    canExport: false,
    exporting: false,
  },
  methods: {
    async load() {
      const [session, reply] = await Promise.all([ensureSession(), call('services', 'providerStats')]);
      return mapReply(reply, (stats) => ({
        orgs: stats.map(statBox),
        summary: summaryText(stats),
        canExport: session.ok && session.me.isAdmin,
      }));
    },
    /** 导出表格: these figures, with the summary on top, as a spreadsheet for the street office. */
    onExport() {
      return exportSheet(this, () => call('services', 'exportProviderStats'));
    },
  },
});
