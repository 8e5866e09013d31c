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
const VOLUNTEERING = '/packages/volunteering/pages';
const SERVICES = '/packages/services/pages';
const PROPOSALS = '/packages/proposals/pages';
const CHARITY = '/packages/charity/pages';
const ROOMS = '/packages/rooms/pages';
const PROJECTS = '/packages/projects/pages';
const REPORTS = '/packages/reports/pages';

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
      {
        id: 'volunteering',
        title: '志愿活动',
        description: '报名社区志愿服务，记下服务时长',
        icon: 'heart',
        url: `${VOLUNTEERING}/activities/index`,
      },
      {
        id: 'volunteer-thanks',
        title: '社区志愿者年度感谢',
        description: '今年社区的志愿服务时长和志愿者',
        icon: 'heart-filled',
        url: `${VOLUNTEERING}/thanks/index`,
      },
      {
        id: 'merchants',
        title: '合作商户',
        description: '能用爱心积分的理发店、小超市；店员在这里扫码交付',
        icon: 'shop',
        url: `${CHARITY}/merchants/index`,
      },
      {
        id: 'service-orders',
        title: '我的预约',
        description: '预约的上门服务和进展',
        icon: 'assignment',
        url: `${SERVICES}/orders/index`,
      },
      {
        id: 'service-vouchers',
        title: '补贴券',
        description: '每月的养老服务补贴和使用记录',
        icon: 'wallet',
        url: `${SERVICES}/vouchers/index`,
      },
      {
        id: 'proposals',
        title: '微公益提案',
        description: '提出身边的小项目，大家投票决定资助哪些',
        icon: 'lightbulb',
        url: `${PROPOSALS}/rounds/index`,
      },
      {
        id: 'charity',
        title: '慈善超市',
        description: '认领微心愿，把物品送给需要的人',
        icon: 'gift',
        url: `${CHARITY}/needs/index`,
      },
      {
        id: 'charity-donations',
        title: '我的捐赠',
        description: '捐出的物品每一步送到了哪里',
        icon: 'root-list',
        url: `${CHARITY}/mine/index`,
      },
      {
        id: 'rooms',
        title: '活动室',
        description: '预约乒乓球室、舞蹈室、阅览室；管理员值守',
        icon: 'home',
        url: `${ROOMS}/list/index`,
      },
      {
        id: 'project-reviews',
        title: '项目评审',
        description: '受街道聘请评审服务项目时，在这里打分',
        icon: 'edit',
        url: `${PROJECTS}/reviews/index`,
      },
      {
        id: 'reports',
        title: '随手拍',
        description: '看到问题拍下来，网格员和部门来处理',
        icon: 'camera',
        url: `${REPORTS}/mine/index`,
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
      {
        id: 'admin-volunteering',
        title: '志愿活动与服务记录',
        description: '辖区的志愿活动，导出志愿服务记录',
        icon: 'flag',
        url: `${VOLUNTEERING}/organize/index`,
      },
      {
        id: 'admin-points',
        title: '爱心积分规则与报表',
        description: '每小时得多少分，每月发放、兑换和结余',
        icon: 'chart-line',
        url: `${VOLUNTEERING}/points-admin/index`,
      },
      {
        id: 'admin-services',
        title: '审核服务菜单',
        description: '机构提出的服务项目，通过后居民就能预约',
        icon: 'check-rectangle',
        url: `${SERVICES}/manage/index`,
      },
      {
        id: 'admin-service-orders',
        title: '逾期订单与回访',
        description: '没人接的单、待电话回访的居民',
        icon: 'time',
        url: `${SERVICES}/overdue/index`,
      },
      {
        id: 'admin-charity',
        title: '受助人与微心愿',
        description: '登记慈善超市服务的人，发布微心愿',
        icon: 'user-add',
        url: `${CHARITY}/recipients/index`,
      },
      {
        id: 'admin-charity-supermarket',
        title: '慈善超市设置',
        description: '开设街道慈善超市，选运营机构',
        icon: 'shop',
        url: `${CHARITY}/supermarket/index`,
      },
      {
        id: 'admin-charity-work',
        title: '慈善超市工作台',
        description: '接收、分配、配送，库存对账',
        icon: 'chart-bar',
        url: `${CHARITY}/staff/index`,
      },
      {
        id: 'admin-rooms',
        title: '活动室管理',
        description: '使用热度、未到场、暂停开放、团队审批',
        icon: 'chart-bar',
        url: `${ROOMS}/admin/index`,
      },
      {
        id: 'admin-projects',
        title: '购买服务项目',
        description: '备选库、项目发布、评审、公示和投诉复核',
        icon: 'file',
        url: `${PROJECTS}/calls/index`,
      },
      {
        id: 'admin-reports',
        title: '随手拍派单与统计',
        description: '派单、超时督办，按网格、事项、部门看办理情况',
        icon: 'map-information',
        url: `${REPORTS}/work/index`,
      },
    ],
  },
  {
    id: 'provider',
    title: '我的机构',
    audience: 'provider',
    entries: [
      {
        id: 'provider-volunteering',
        title: '组织志愿活动',
        description: '发布活动、签到二维码、确认时长',
        icon: 'flag',
        url: `${VOLUNTEERING}/organize/index`,
      },
      {
        id: 'provider-services',
        title: '服务工单',
        description: '接单、上门签到、完成签退',
        icon: 'task',
        url: `${SERVICES}/work/index`,
      },
      {
        id: 'provider-charity',
        title: '慈善超市工作台',
        description: '扫码接收、分配、配送，库存对账',
        icon: 'shop',
        url: `${CHARITY}/staff/index`,
      },
      {
        id: 'provider-projects',
        title: '项目申报',
        description: '申请入库、申报街道购买的服务项目、查看评分',
        icon: 'file',
        url: `${PROJECTS}/open-calls/index`,
      },
    ],
  },
  {
    id: 'volunteer',
    title: '志愿服务',
    audience: 'volunteer',
    entries: [
      {
        id: 'volunteer-signups',
        title: '我的报名',
        description: '即将参加、候补中和参加过的活动',
        icon: 'calendar',
        url: `${VOLUNTEERING}/my-signups/index`,
      },
      {
        id: 'volunteer-hours',
        title: '我的服务时长',
        description: '时长、勋章和志愿服务证明',
        icon: 'time',
        url: `${VOLUNTEERING}/hours/index`,
      },
      {
        id: 'volunteer-points',
        title: '我的爱心积分',
        description: '服务时长换来的积分，到慈善超市兑换',
        icon: 'gift',
        url: `${VOLUNTEERING}/points/index`,
      },
      {
        id: 'volunteer-profile',
        title: '我的志愿者资料',
        description: '擅长什么、什么时候有空',
        icon: 'user-setting',
        url: `${VOLUNTEERING}/join/index`,
      },
    ],
  },
  // Purchased-service contracts (projects): the street's side, then the organization's.
  {
    id: 'projects-admin',
    title: '购买服务项目',
    audience: 'admin',
    entries: [
      {
        id: 'project-contracts',
        title: '购买服务合同',
        description: '三方签署、指标进度、评估和拨付',
        icon: 'file',
        url: `${PROJECTS}/contracts/index`,
      },
      {
        id: 'project-dashboard',
        title: '数据看板',
        description: '合同进度、资金、指标达成和满意率',
        icon: 'chart-bar',
        url: `${PROJECTS}/dashboard/index`,
      },
    ],
  },
  {
    id: 'projects-provider',
    title: '承接项目',
    audience: 'provider',
    entries: [
      {
        id: 'provider-contracts',
        title: '我们承接的合同',
        description: '签署、指标进度、评分和申诉、信用值',
        icon: 'file',
        url: `${PROJECTS}/contracts/index`,
      },
    ],
  },
  {
    // Supervisors (区委群工委) are named on each contract, not a role: the entry is shown to everyone, like 项目评审.
    id: 'projects-supervisor',
    title: '项目监管',
    audience: 'resident',
    entries: [
      {
        id: 'supervisor-contracts',
        title: '我监管的合同',
        description: '作为监管方签署合同和补充协议、记录定点走访',
        icon: 'location',
        url: `${PROJECTS}/contracts/index`,
      },
    ],
  },
  {
    id: 'provider-org',
    title: '机构主页与服务项目',
    audience: 'provider',
    entries: [
      {
        id: 'provider-my-org',
        title: '我的机构',
        description: '工作人员、服务社区、居民满意度、进行中的工单',
        icon: 'houses',
        url: `${ACCOUNT}/my-org/index`,
      },
      {
        id: 'provider-propose',
        title: '提议服务项目',
        description: '机构想提供的服务，社区审核后上菜单',
        icon: 'lightbulb',
        url: `${SERVICES}/propose/index`,
      },
    ],
  },
  {
    id: 'admin-review',
    title: '内容审核',
    audience: 'admin',
    entries: [
      {
        id: 'admin-story-review',
        title: '心愿故事审核',
        description: '内容检查拿不准的心愿故事，放行或退回',
        icon: 'check-rectangle',
        url: `${CHARITY}/story-review/index`,
      },
    ],
  },
  {
    id: 'privacy',
    title: '个人信息与隐私',
    audience: 'resident',
    entries: [
      {
        id: 'my-data',
        title: '个人信息',
        description: '查看、导出、改正我的信息，撤回同意，注销账号',
        icon: 'secured',
        url: `${ACCOUNT}/my-data/index`,
      },
      {
        id: 'privacy-policy',
        title: '隐私政策',
        description: '收集什么、为什么、谁能看到、保存多久',
        icon: 'file-safety',
        url: `${ACCOUNT}/privacy-policy/index`,
      },
    ],
  },
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
