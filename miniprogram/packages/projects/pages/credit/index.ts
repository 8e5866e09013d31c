/**
 * 机构信用值, for the street's admins and the organization itself: the value, where it stands in the pool, the
 * published formula and its parts, and each change with the records that caused it, newest first.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { fullDayText } from '../../../../shared/calendar';
import type { CreditReply } from '../../lib/contractWords';

type Change = CreditReply['history']['items'][number];

const CAUSE_TEXT: Record<string, string> = {
  evaluation: '评估',
  contract: '合同指标',
  complaint: '投诉',
  declined: '拒单',
};

const POOL_TEXT: Record<string, string> = {
  applied: '入库申请中',
  admitted: '已入库',
  rejected: '未通过入库',
  suspended: '已暂停入库资格',
  removed: '已移出备选库',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A change as its card shows it. */
function change(c: Change) {
  const delta = Math.round((c.value - c.previous) * 10) / 10;
  return {
    key: `${c.at.valueOf()}-${c.value}`,
    title: `${fullDayText(c.at)} 信用值 ${c.value}（${delta >= 0 ? '+' : ''}${delta}）`,
    parts: `评估 ${pct(c.parts.evaluation)} · 按时报送 ${pct(c.parts.onTime)} · 指标达成 ${pct(c.parts.attainment)} · 回访满意 ${pct(c.parts.satisfaction)} · 扣分 ${c.parts.penalty}`,
    causes: c.causes.map((x) => `${CAUSE_TEXT[x.kind] ?? '记录'}：${x.label}`),
    suspended: c.suspended ? '这次变化使入库资格暂停' : '',
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    items: [] as ReturnType<typeof change>[],
    value: '',
    pool: '',
    reason: '',
    formula: '',
    threshold: '',
  },
  methods: {
    async loadPage(offset: number, q: PageQuery) {
      const reply = await call('projects', 'orgCredit', {
        orgId: q.orgId ?? '',
        streetId: q.streetId ?? '',
        offset,
      });
      if (!reply.ok) return reply;
      const d = reply.data;
      return pageOf({ ok: true, data: d.history }, change, {
        value: String(d.value),
        pool: d.poolStatus ? POOL_TEXT[d.poolStatus] : '',
        reason: d.poolStatus === 'suspended' || d.poolStatus === 'removed' ? (d.poolReason ?? '') : '',
        formula: d.formula,
        threshold: `低于 ${d.threshold} 分将暂停入库资格`,
      });
    },
  },
});
