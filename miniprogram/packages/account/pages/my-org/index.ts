/**
 * 我的机构 (provider staff): their organization's page — what it offers, the communities it serves, who works
 * there (names masked), how satisfied residents are and what work is open — with the ways into that work
 * (服务工单, 提议服务项目, 我们的服务项目) — and the work number residents see once they accept an order
 * (account.setWorkPhone; their own phone stays private). From account.listOrgs { mine } and services.providerStats.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { ensureSession } from '../../../../lib/session';
import { ACCOUNT_LIMITS } from '../../../../shared/limits';

/** One organization as the page shows it. */
interface OrgBox {
  id: string;
  name: string;
  description: string;
  services: string;
  communities: string;
  members: string;
  figures: { key: string; label: string; value: string }[];
  stopped: boolean;
  /** The caller's work number here, as typed; and why it was refused. */
  workPhone: string;
  workPhoneError: string;
}

const percent = (share: number | null) => (share === null ? '还没有评价' : `${Math.round(share * 100)}%`);

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    orgs: [] as OrgBox[],
    /** The organization whose work number is being saved (-1: none). */
    saving: -1,
    max: { workPhone: ACCOUNT_LIMITS.workPhoneMax },
    links: {
      work: '/packages/services/pages/work/index',
      propose: '/packages/services/pages/propose/index',
      items: '/packages/services/pages/manage/index',
    },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const [orgs, stats] = await Promise.all([
        call('account', 'listOrgs', { mine: true }),
        call('services', 'providerStats', {}),
      ]);
      if (!orgs.ok) return orgs;
      if (!stats.ok) return stats;
      return {
        ok: true,
        data: {
          orgs: orgs.data.map((o): OrgBox => {
            const s = stats.data.find((x) => x.orgId === o.id);
            return {
              id: o.id,
              name: o.name,
              description: o.description,
              services: o.services.join('、'),
              communities: o.communityNames.join('、'),
              members: (o.members ?? []).map((m) => m.name).join('、'),
              stopped: !o.active,
              workPhone: o.members?.find((m) => m.me)?.workPhone ?? '',
              workPhoneError: '',
              figures: [
                { key: 'satisfaction', label: '满意（4–5 星）', value: percent(s?.satisfaction ?? null) },
                {
                  key: 'rating',
                  label: '平均评分',
                  value: s?.avgRating ? `${s.avgRating.toFixed(1)} 星` : '还没有评价',
                },
                { key: 'completed', label: '完成的服务', value: `${s?.completed ?? 0} 单` },
                { key: 'open', label: '进行中的工单', value: `${s?.open ?? 0} 单` },
                { key: 'escalated', label: '超时转社区', value: `${s?.escalated ?? 0} 单` },
              ],
            };
          }),
        },
      };
    },
    onWorkPhone(
      e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>,
    ) {
      const i = e.currentTarget.dataset.index;
      this.setData({ [`orgs[${i}].workPhone`]: e.detail.value, [`orgs[${i}].workPhoneError`]: '' });
    },
    async onSaveWorkPhone(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const i = e.currentTarget.dataset.index;
      const org = this.data.orgs[i];
      if (!org || this.data.saving !== -1) return;
      this.setData({ saving: i });
      const reply = await call('account', 'setWorkPhone', { orgId: org.id, workPhone: org.workPhone.trim() });
      this.setData({ saving: -1 });
      if (reply.ok) {
        wx.showToast({ title: reply.data.workPhone ? '已保存' : '已清除', icon: 'success' });
        return;
      }
      const errors = plainFieldErrors(reply, { workPhone: '请填写电话号码，只用数字和短横线' });
      this.setData({ [`orgs[${i}].workPhoneError`]: errors.workPhone ?? reply.error.message });
    },
    onLink(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      void wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
