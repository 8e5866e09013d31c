/** 社会组织: the organizations registered in the admin's scope, with staff counts; open one to edit, or register one. */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { OrgView } from '../../../../lib/account';
import { call } from '../../../../lib/api';

const EDIT = '/packages/account/pages/admin-org-edit/index';

/** An organization as a card. */
interface OrgCard {
  id: string;
  name: string;
  active: boolean;
  services: string;
  reach: string;
  url: string;
}

function card(o: OrgView): OrgCard {
  return {
    id: o.id,
    name: o.name,
    active: o.active,
    services: o.services.join('、'),
    reach: `服务 ${o.communityNames.length} 个社区 · 工作人员 ${o.staffCount ?? 0} 人`,
    url: `${EDIT}?id=${encodeURIComponent(o.id)}`,
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    orgs: [] as OrgCard[],
  },
  pageLifetimes: {
    show() {
      // Back from editing: show the change.
      if (this.data.status === 'ready') this.load();
    },
  },
  methods: {
    onLoad() {
      this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.load();
    },
    onCreate() {
      wx.navigateTo({ url: EDIT }).catch((err: unknown) => console.warn('open org form failed', err));
    },
    async load() {
      const reply = await call('account', 'listOrgs', {});
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      this.setData({ status: 'ready', orgs: reply.data.map(card) });
    },
  },
});
