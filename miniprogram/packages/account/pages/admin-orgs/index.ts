/** 社会组织: the organizations registered in the admin's scope, with staff counts; open one to edit, or register one. */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type OrgView } from '../../../../lib/account';
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
  // Back from editing: show the change.
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    orgs: [] as OrgCard[],
  },
  methods: {
    onCreate() {
      wx.navigateTo({ url: EDIT }).catch((err: unknown) => console.warn('open org form failed', err));
    },
    async load() {
      return mapReply(await call('account', 'listOrgs', {}), (orgs) => ({ orgs: orgs.map(card) }));
    },
  },
});
