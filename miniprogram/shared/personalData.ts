/**
 * Where a person's data lives, collection by collection: the ONE registry that export (PIPL art. 45) and
 * account deletion (art. 47) are driven by. Every collection of cloudfunctions/database.json is listed here (a
 * test fails otherwise), so a new capability's collections are classified when they are added.
 *
 * Per collection:
 * - `owners`: fields (dotted, through arrays) holding the user id or openid of the person a document is ABOUT or
 *   belongs to, with the fields of their own personal data in it (`personal`) and, optionally, which fields their
 *   export shows (`show`, when the document also holds other people's data).
 * - `actors`: fields naming someone who DID something to the document (created it, verified it, decided it); their
 *   documents are listed in the export only as "you did this here", and on deletion their id becomes a pseudonym.
 * - `treatment`: what deletion does to a document the person owns — `erase` (the document goes), `anonymise` (the
 *   document stays, their identity and personal fields go), `keep` (a record the law or the accounts require — hours
 *   ledger, vouchers, donations, votes, bookings — kept without identity), `none` (no personal data at all).
 *
 * Pure data (no SDK), shared with the privacy policy page; cloudfunctions/common/personalData re-exports it.
 */

import { PRIVACY_LIMITS } from './limits';

/** What deletion does to a document the person owns. */
export type Treatment = 'erase' | 'anonymise' | 'keep' | 'none';

/** Fields that make a document someone's own, and their personal data in it. */
export interface OwnerRef {
  /** A field holding their user id (or openid, `openid: true`). Dotted paths reach into arrays. */
  field: string;
  openid?: boolean;
  /** Their personal data in the document: removed on deletion (top-level fields). */
  personal?: readonly string[];
  /** The fields their export shows (default: the whole document). */
  show?: readonly string[];
}

/** One collection's entry. */
export interface PersonalDataEntry {
  /** In plain words, as the export and the privacy policy name it. */
  title: string;
  treatment: Treatment;
  /** Why it is kept or erased, in plain words (shown in the privacy policy). */
  why: string;
  owners: readonly OwnerRef[];
  /** Fields naming the user id (or openid, listed in `actorOpenids`) of someone who acted on the document. */
  actors: readonly string[];
  actorOpenids?: readonly string[];
  /**
   * Documents that name the person only under keys (a room's per-person counters): found through the person's own
   * documents of another collection (`from`, whose `field` holds this collection's `_id`); `show` is what their
   * export shows of them.
   */
  via?: { from: string; field: string; show: readonly string[] };
}

const none = (title: string, why: string): PersonalDataEntry => ({
  title,
  treatment: 'none',
  why,
  owners: [],
  actors: [],
});

/** The registry: every collection of database.json. */
export const PERSONAL_DATA: Readonly<Record<string, PersonalDataEntry>> = {
  users: {
    title: '账号和个人资料',
    treatment: 'erase',
    why: '注销后删除：昵称、头像、姓名、手机、出生年份、住址、角色和角色记录。',
    owners: [{ field: '_id' }, { field: 'openid', openid: true }],
    actors: ['roles.grantedBy', 'roleHistory.by', 'registeredBy'],
  },
  places: none('区、街道、社区', '地名，不含个人信息。'),
  family_links: {
    title: '家人绑定',
    treatment: 'erase',
    why: '注销后解除并删除绑定记录。',
    owners: [{ field: 'elderId' }, { field: 'relativeId' }],
    actors: ['createdBy'],
  },
  organizations: {
    title: '社会组织',
    treatment: 'none',
    why: '机构信息；创建人记录去标识。',
    owners: [],
    actors: ['createdBy'],
  },
  proposal_rounds: {
    title: '微公益评选',
    treatment: 'keep',
    why: '公示结果要留存；其中的提案人改为“已注销用户”。',
    owners: [{ field: 'results.authors.authorId' }, { field: 'results.authors.authorOpenid', openid: true }],
    actors: ['createdBy', 'completions.by', 'results.publishedBy'],
  },
  proposals: {
    title: '我的微公益提案',
    treatment: 'keep',
    why: '立项和公示的提案要留存，提案人改为“已注销用户”。',
    owners: [
      { field: 'authorId', personal: ['authorName'] },
      { field: 'authorOpenid', openid: true },
    ],
    actors: ['screening.by'],
  },
  proposal_ballots: {
    title: '我的投票（哪一轮、投了几票）',
    treatment: 'keep',
    why: '票数要能核对，选票保留但不再对应到人。',
    owners: [{ field: 'voterId', show: ['roundId', 'count', 'createdAt', 'updatedAt'] }],
    actors: [],
  },
  proposal_reports: {
    title: '微公益项目进展和开支',
    treatment: 'none',
    why: '公开账目；登记人记录去标识。',
    owners: [],
    actors: ['by'],
  },
  volunteers: {
    title: '志愿者资料',
    treatment: 'erase',
    why: '注销后删除技能、服务时间和服务范围。',
    owners: [{ field: '_id' }, { field: 'openid', openid: true }],
    actors: [],
  },
  volunteer_activities: {
    title: '志愿活动报名名单',
    treatment: 'anonymise',
    why: '活动名单里的本人改为匿名编号。',
    owners: [{ field: 'members.v' }, { field: 'members.o', openid: true }, { field: 'activeIds' }],
    actors: ['createdBy'],
  },
  volunteer_signups: {
    title: '我的志愿报名和签到',
    treatment: 'keep',
    why: '服务时长要能核对，报名记录保留但删除姓名、手机。',
    owners: [
      { field: 'volunteerId', personal: ['realName', 'phone', 'nickname'] },
      { field: 'openid', openid: true },
    ],
    actors: [],
  },
  volunteer_hours: {
    title: '我的服务时长',
    treatment: 'keep',
    why: '已认证的服务时长计入活动统计，保留但删除姓名。',
    owners: [
      { field: 'volunteerId', personal: ['volunteerName'] },
      { field: 'openid', openid: true },
    ],
    actors: ['by'],
  },
  volunteer_certificates: {
    title: '志愿服务证明',
    treatment: 'erase',
    why: '证明只对本人有用，注销后删除。',
    owners: [{ field: 'volunteerId' }],
    actors: [],
  },
  service_items: {
    title: '服务项目',
    treatment: 'none',
    why: '菜单项目；提议人、审核人记录去标识。',
    owners: [],
    actors: ['proposedBy.id', 'history.by.id'],
    actorOpenids: ['proposerOpenid'],
  },
  service_orders: {
    title: '我的服务订单',
    treatment: 'keep',
    why: '补贴结算要留存订单，保留但删除姓名、电话、住址和位置。',
    owners: [
      {
        field: 'beneficiaryId',
        personal: ['beneficiaryName', 'beneficiaryBirthYear', 'address', 'phone', 'point', 'note'],
      },
      { field: 'orderedBy' },
      { field: 'orderedByOpenid', openid: true },
      { field: 'staffId', personal: ['staffName'] },
    ],
    actors: ['timeline.by.id', 'survey.byId'],
  },
  service_wallets: {
    title: '我的补贴券',
    treatment: 'keep',
    why: '补贴发放和使用要对账，保留但不再对应到人。',
    owners: [{ field: 'userId' }],
    actors: ['ledger.by'],
  },
  service_profiles: {
    title: '残疾、低保核实情况',
    treatment: 'erase',
    why: '敏感信息，注销后删除。',
    owners: [{ field: '_id' }],
    actors: ['setBy'],
  },
  service_voucher_policies: {
    title: '社区补贴政策',
    treatment: 'none',
    why: '政策设置；设置人去标识。',
    owners: [],
    actors: ['setBy'],
  },
  service_checkin_rules: {
    title: '社区签到规则',
    treatment: 'none',
    why: '规则设置；设置人去标识。',
    owners: [],
    actors: ['setBy'],
  },
  service_demands: {
    title: '我提的服务需求',
    treatment: 'anonymise',
    why: '需求数量保留，提出人改为匿名编号。',
    owners: [
      { field: 'requesterIds' },
      { field: 'requesterOpenids', openid: true },
      { field: 'requests.userId' },
    ],
    actors: ['adoptedBy'],
  },
  service_org_stats: none('机构评分统计', '机构的汇总数字，不含个人信息。'),
  charity_recipients: {
    title: '慈善超市受助登记（与我的账号关联）',
    treatment: 'anonymise',
    why: '受助登记由社区凭本人同意另行保管，注销只解除与账号的关联。',
    owners: [{ field: 'residentId', show: ['communityName', 'category', 'active', 'createdAt'] }],
    actors: ['consent.recordedBy', 'registeredBy', 'history.by'],
  },
  charity_needs: {
    title: '微心愿',
    treatment: 'none',
    why: '受助人只以化名出现；发布人、审核人去标识。',
    owners: [],
    actors: ['createdBy', 'storyReview.by'],
  },
  charity_donations: {
    title: '我的捐赠',
    treatment: 'keep',
    why: '捐赠链要能公开核验，保留化名链，删除捐赠人身份。',
    owners: [
      { field: 'donorId', personal: ['donorLabel'] },
      { field: 'donorOpenid', openid: true },
    ],
    actors: ['delivery.staffId'],
  },
  charity_supermarkets: {
    title: '慈善超市',
    treatment: 'none',
    why: '超市信息；修改人去标识。',
    owners: [],
    actors: ['updatedBy'],
  },
  charity_digests: none('捐赠链每日摘要', '只有哈希，不含个人信息。'),
  charity_digest_parts: none('捐赠链摘要明细', '只有捐赠编号和哈希，不含个人信息。'),
  charity_stocktakes: {
    title: '慈善超市盘点',
    treatment: 'none',
    why: '盘点数字；盘点人去标识。',
    owners: [],
    actors: ['by'],
  },
  points_entries: {
    title: '我的爱心积分',
    treatment: 'keep',
    why: '积分兑换要对账，流水保留但不再对应到人。',
    owners: [{ field: 'userId' }],
    actors: ['by'],
  },
  points_rules: {
    title: '积分规则',
    treatment: 'none',
    why: '规则设置；设置人去标识。',
    owners: [],
    actors: ['updatedBy'],
  },
  charity_point_goods: {
    title: '积分兑换物品',
    treatment: 'anonymise',
    why: '预留记录里的本人改为匿名编号。',
    owners: [{ field: 'holderIds' }],
    actors: ['createdBy'],
  },
  rooms: {
    title: '活动室',
    treatment: 'anonymise',
    why: '活动室管理员名单里的本人改为“已注销用户”。',
    owners: [{ field: 'managerIds' }, { field: 'managers.id' }],
    actors: ['createdBy', 'closures.by'],
    via: { from: 'room_bookings', field: 'roomId', show: ['name', 'communityName'] },
  },
  room_bookings: {
    title: '我的活动室预约',
    treatment: 'keep',
    why: '使用统计要留存，预约保留但删除姓名。',
    owners: [
      { field: 'userId', personal: ['name'] },
      { field: 'openid', openid: true },
    ],
    actors: ['checkedInBy'],
  },
  room_teams: {
    title: '我带的文体团队',
    treatment: 'anonymise',
    why: '团队保留，带队人改为“已注销用户”。',
    owners: [
      { field: 'leaderId', personal: ['leaderName'] },
      { field: 'leaderOpenid', openid: true },
    ],
    actors: ['decidedBy'],
  },
  room_people: {
    title: '活动室爽约记录',
    treatment: 'erase',
    why: '注销后删除。',
    owners: [{ field: '_id' }],
    actors: [],
  },
  room_duties: {
    title: '我的活动室值守',
    treatment: 'keep',
    why: '值守计入服务时长，保留但删除姓名。',
    owners: [
      { field: 'managerId', personal: ['managerName'] },
      { field: 'managerOpenid', openid: true },
    ],
    actors: ['closedBy'],
  },
  room_issues: {
    title: '活动室报修',
    treatment: 'none',
    why: '报修内容保留；报修人去标识。',
    owners: [],
    actors: ['by'],
  },
  charity_merchants: {
    title: '合作商户',
    treatment: 'anonymise',
    why: '商户店员名单里的本人改为匿名编号。',
    owners: [{ field: 'staffIds' }],
    actors: ['createdBy'],
  },
  account_exports: {
    title: '我的数据导出记录',
    treatment: 'erase',
    why: '导出文件 1 小时后删除；注销时记录一并删除。',
    owners: [{ field: 'userId' }],
    actors: ['requestedBy'],
  },
  sheet_files: {
    title: '管理员导出的人员表格',
    treatment: 'erase',
    why: '管理员导出的人员名单文件 1 小时后删除；注销时记录一并删除。',
    owners: [{ field: 'userId' }],
    actors: [],
  },
  account_erasures: {
    title: '注销申请',
    treatment: 'erase',
    why: '冷静期内可撤销；执行后删除申请。',
    owners: [{ field: '_id' }],
    actors: ['requestedBy'],
  },
  points_reminders: {
    title: '积分到期提醒记录',
    treatment: 'erase',
    why: '记下已提醒过谁，免得重复提醒；注销后删除。',
    owners: [{ field: 'userId' }],
    actors: [],
  },
  // Purchased-service projects (projects): records of the street's purchases and the organizations' work, kept
  // for the accounts and audits; the people who acted on them (reviewers, signatories, staff) lose their identity.
  project_pool: {
    title: '机构入库申请',
    treatment: 'none',
    why: '机构的入库和信用记录要留存；经办人去标识。',
    owners: [],
    actors: ['history.by.id'],
  },
  project_settings: {
    title: '街道的项目设置',
    treatment: 'none',
    why: '入库审核清单；设置人去标识。',
    owners: [],
    actors: ['updatedBy.id'],
  },
  project_calls: {
    title: '我评审的项目',
    treatment: 'anonymise',
    why: '评审名单和回避声明随项目留存，评审人改为匿名编号。',
    owners: [{ field: 'reviewerIds' }, { field: 'reviewers.userId' }, { field: 'supervisor.userIds' }],
    actors: ['history.by.id', 'result.by.id'],
  },
  project_bids: {
    title: '机构的项目申报',
    treatment: 'none',
    why: '申报书随项目留存；经办人去标识。',
    owners: [],
    actors: ['history.by.id'],
  },
  project_scores: {
    title: '我打的评审分',
    treatment: 'keep',
    why: '评分要公示和复核，保留但不再对应到人。',
    owners: [{ field: 'reviewerId' }],
    actors: [],
  },
  project_complaints: {
    title: '机构的投诉',
    treatment: 'none',
    why: '投诉和答复随项目留存；经办人去标识。',
    owners: [],
    actors: ['by.id', 'answer.by.id'],
  },
  project_contracts: {
    title: '我参与签署或监管的合同',
    treatment: 'anonymise',
    why: '合同要留存备查，签署人和监管人改为匿名编号。',
    owners: [{ field: 'parties.supervisor.userIds' }, { field: 'signatures.by.id' }],
    actors: ['history.by.id', 'tranches.released.by.id'],
  },
  project_reports: {
    title: '机构的月度报告',
    treatment: 'none',
    why: '项目报告要留存；填报人去标识。',
    owners: [],
    actors: ['by.id'],
  },
  project_visits: {
    title: '我的实地走访记录',
    treatment: 'keep',
    why: '监管记录要留存，保留但不再对应到人。',
    owners: [{ field: 'by.id' }],
    actors: [],
  },
  project_spending: {
    title: '机构的支出记录',
    treatment: 'none',
    why: '财务记录要留存；填报人去标识。',
    owners: [],
    actors: ['by.id'],
  },
  project_evaluations: {
    title: '项目评估',
    treatment: 'none',
    why: '评估结果要留存；评估人和申诉人去标识。',
    owners: [],
    actors: ['by.id', 'appeal.by.id'],
  },
  project_credit_events: none('机构信用值变化', '机构的信用记录，不含个人信息。'),
  project_summaries: none('街道数据看板', '统计数字，不含个人信息。'),
  project_screens: {
    title: '街道大屏链接',
    treatment: 'none',
    why: '只存链接口令的摘要；生成人去标识。',
    owners: [],
    actors: ['createdBy.id'],
  },
  project_amendments: {
    title: '我提出或签署的补充协议',
    treatment: 'anonymise',
    why: '补充协议随合同留存备查，提出人和签署人改为匿名编号。',
    owners: [{ field: 'proposedBy.by.id' }, { field: 'signatures.by.id' }],
    actors: [],
  },
  // 随手拍 (reports): the reporter's identity is kept for them and for call backs, never shown publicly.
  report_grids: {
    title: '我所在的网格工作队伍',
    treatment: 'anonymise',
    why: '网格队伍名单里的本人改为“已注销用户”。',
    owners: [{ field: 'teamIds' }, { field: 'team.userId' }, { field: 'team.openid', openid: true }],
    actors: [],
  },
  report_departments: {
    title: '我所在的处置部门',
    treatment: 'anonymise',
    why: '部门人员名单里的本人改为“已注销用户”。',
    owners: [{ field: 'staffIds' }, { field: 'staff.userId' }, { field: 'staff.openid', openid: true }],
    actors: [],
  },
  report_matters: {
    title: '事项清单',
    treatment: 'none',
    why: '事项清单；修改人去标识。',
    owners: [],
    actors: ['history.by'],
  },
  reports: {
    title: '我报告和关注的随手拍',
    treatment: 'keep',
    why: '问题的办理记录要留存，报告人和关注人改为匿名编号。',
    owners: [
      { field: 'reporterId' },
      { field: 'reporterOpenid', openid: true },
      { field: 'followerIds' },
      { field: 'followerOpenids', openid: true },
    ],
    actors: [],
  },
  report_quotas: {
    title: '随手拍每日条数',
    treatment: 'erase',
    why: '防止刷屏的每日计数；注销后删除。',
    owners: [{ field: 'userId' }],
    actors: [],
  },
  report_phone_views: {
    title: '查看我的电话的记录',
    treatment: 'keep',
    why: '回电时谁看过号码要留痕，保留但不再对应到人。',
    owners: [{ field: 'reporterId' }],
    actors: ['byId'],
  },
  project_tallies: none(
    '街道数据看板的统计底稿',
    '服务、时长、报名和捐赠的计数用记录，志愿者只存不可还原的编号。',
  ),
  inbox_messages: {
    title: '我的消息',
    treatment: 'erase',
    why: `消息中心里给您的通知：看过的保存 ${PRIVACY_LIMITS.inboxReadKeptDays} 天，没看过的保存 ${PRIVACY_LIMITS.inboxKeptDays} 天；注销后删除。`,
    owners: [{ field: 'openid', openid: true }],
    actors: [],
  },
};

/** What replaces a deleted person's name wherever a record keeps a name field. */
export const ERASED_NAME = '已注销用户';

/** The collections holding data about (or by) people: those with owners or actors. */
export function personalCollections(): string[] {
  return Object.entries(PERSONAL_DATA)
    .filter(([, e]) => e.owners.length > 0 || e.actors.length > 0 || (e.actorOpenids ?? []).length > 0)
    .map(([name]) => name);
}
