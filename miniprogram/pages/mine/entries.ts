/**
 * The entries of 我的 into each role's work, as data. This is the extension point for later capabilities: add an
 * entry to the group of the role it serves (services: "我的订单" for residents, "服务工单" for provider staff;
 * volunteering: "我的服务时长" for volunteers) and 我的 shows it to the people who hold that role.
 */
import type { SelfView } from '../../lib/account';

/** Which users see a group. */
export type Audience = 'resident' | 'admin' | 'provider' | 'volunteer';

/** One tappable line. */
export interface MineEntry {
  id: string;
  title: string;
  /** One plain sentence under the title. */
  description?: string;
  icon: string;
  url: string;
}

/** A titled group of entries for one audience. */
export interface MineGroup {
  id: string;
  title: string;
  audience: Audience;
  entries: MineEntry[];
}

const ACCOUNT = '/packages/account/pages';

/** The groups, in the order 我的 shows them. */
export const MINE_GROUPS: MineGroup[] = [
  {
    id: 'life',
    title: '我的生活',
    audience: 'resident',
    entries: [
      {
        id: 'family',
        title: '家人绑定',
        description: '让子女或亲友帮您办事',
        icon: 'usergroup',
        url: `${ACCOUNT}/family/index`,
      },
    ],
  },
  {
    id: 'admin',
    title: '社区管理',
    audience: 'admin',
    entries: [
      {
        id: 'admin-communities',
        title: '我管理的社区',
        description: '居民人数和 80 岁以上老人',
        icon: 'city',
        url: `${ACCOUNT}/admin-communities/index`,
      },
      {
        id: 'admin-people',
        title: '人员与角色',
        description: '查找居民，设置管理员和服务人员',
        icon: 'user-setting',
        url: `${ACCOUNT}/admin-people/index`,
      },
      {
        id: 'admin-orgs',
        title: '社会组织',
        description: '登记和管理服务机构',
        icon: 'houses',
        url: `${ACCOUNT}/admin-orgs/index`,
      },
      {
        id: 'admin-register-elder',
        title: '代老人登记',
        description: '为没有微信的老人建立档案',
        icon: 'user-add',
        url: `${ACCOUNT}/admin-register-elder/index`,
      },
    ],
  },
  { id: 'provider', title: '我的机构', audience: 'provider', entries: [] },
  { id: 'volunteer', title: '志愿服务', audience: 'volunteer', entries: [] },
];

/** Whether `me` belongs to `audience`. */
export function inAudience(me: SelfView, audience: Audience): boolean {
  switch (audience) {
    case 'resident':
      return true;
    case 'admin':
      return me.isAdmin;
    case 'provider':
      return me.isProvider;
    case 'volunteer':
      return me.isVolunteer;
  }
}
