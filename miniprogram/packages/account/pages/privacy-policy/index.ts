/**
 * 隐私政策: what Mulin collects, why, who sees it and how long it is kept. The list of records and what deleting an
 * account does to each comes from the same registry the functions' export and deletion run on
 * (shared/personalData), so the page cannot say something the functions do not do. Static: no call.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { PRIVACY_LIMITS } from '../../../../shared/limits';
import { PERSONAL_DATA } from '../../../../shared/personalData';

/** What is collected and why, in the order a person meets it. */
const COLLECTED = [
  { key: 'wechat', what: '微信身份、昵称、头像', why: '登录和在社区里称呼您；头像、昵称由您自己选择。' },
  {
    key: 'contact',
    what: '手机号、真实姓名、出生年份、住址（都可以不填）',
    why: '上门服务、代下单和补贴核对需要；不需要时可以在“个人信息”里清除。',
  },
  { key: 'location', what: '位置（每次使用前问您）', why: '志愿活动签到、上门服务到达确认、找附近的活动。' },
  {
    key: 'messages',
    what: '订阅消息（您点同意才发）',
    why: '订单进展、捐赠物品到了哪里、志愿时长认证；可以随时撤回。',
  },
  {
    key: 'records',
    what: '订单、报名和服务时长、捐赠、提案和投票、活动室预约',
    why: '提供这些服务，并按规定对账和公示。',
  },
];

/** Who sees what. */
const WHO_SEES = [
  '您本人：全部，可以在“个人信息”里查看和导出。',
  '绑定的家人：您同意后，可以帮您下单、查看订单。',
  '服务人员：只在为您服务时看到姓名、电话、住址。',
  '社区和街道工作人员：只看到自己管辖社区的居民，用于服务和补贴核对。',
  '其他人：只看到遮挡后的称呼（如 张*、138****1234），捐赠链上只有化名。',
];

Component({
  behaviors: [elderModeBehavior],
  data: {
    collected: COLLECTED,
    whoSees: WHO_SEES.map((text, i) => ({ key: `w${i}`, text })),
    kept: Object.entries(PERSONAL_DATA)
      .filter(([, e]) => e.treatment !== 'none')
      .map(([key, e]) => ({ key, title: e.title, why: e.why })),
    coolingDays: PRIVACY_LIMITS.erasureCoolingDays,
    exportMinutes: PRIVACY_LIMITS.exportTtlMinutes,
  },
  methods: {
    onMyData() {
      void wx.navigateTo({ url: '/packages/account/pages/my-data/index' });
    },
  },
});
