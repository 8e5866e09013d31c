/**
 * Enumerations both sides know, in the order people see them, with their Chinese names: the functions' zod
 * contracts accept exactly these values (each capability's contract.ts re-exports its own), and the mini program's
 * pickers and chips list them. Bundled into every function and compiled into the mini program, like the calendar.
 */

// ── services ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The menu's categories (the seeds' seven), in the order residents see them. */
export const CATEGORIES = ['助餐', '助浴', '助洁', '助行', '助医', '康复护理', '心理慰藉'] as const;
/** A menu category. */
export type Category = (typeof CATEGORIES)[number];

// ── volunteering ──────────────────────────────────────────────────────────────────────────────────────────────

/** Skills volunteers offer and activities ask for (one list, so that matching compares like with like). */
export const SKILLS = [
  '陪伴聊天',
  '助老服务',
  '儿童托管',
  '课业辅导',
  '应急救援',
  '医疗护理',
  '心理疏导',
  '文艺表演',
  '摄影宣传',
  '法律咨询',
  '手机教学',
  '理发',
  '家电维修',
  '环境清洁',
  '秩序引导',
  '活动组织',
] as const;
/** A skill. */
export type Skill = (typeof SKILLS)[number];

/** Parts of the day a volunteer can say they are free in (Beijing: before noon, to 18:00, after). */
export const DAY_SLOTS = ['morning', 'afternoon', 'evening'] as const;
/** A part of the day. */
export type DaySlot = (typeof DAY_SLOTS)[number];
/** Their names. */
export const DAY_SLOT_NAMES: Readonly<Record<DaySlot, string>> = {
  morning: '上午',
  afternoon: '下午',
  evening: '晚上',
};

// ── charity ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Who the supermarket serves (the seeds' groups), in the order admins and donors see them. */
export const RECIPIENT_CATEGORIES = ['elder80', 'disabled', 'child', 'lowIncome'] as const;
/** A recipient category. */
export type RecipientCategory = (typeof RECIPIENT_CATEGORIES)[number];
/** Chinese names of the recipient categories. */
export const RECIPIENT_CATEGORY_LABELS: Readonly<Record<RecipientCategory, string>> = {
  elder80: '80岁以上老人',
  disabled: '残疾人',
  child: '困境儿童',
  lowIncome: '低收入家庭',
};

/** What kind of thing is given. */
export const ITEM_CATEGORIES = ['food', 'clothing', 'daily', 'study', 'rehab', 'appliance', 'other'] as const;
/** An item category. */
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
/** Chinese names of the item categories. */
export const ITEM_CATEGORY_LABELS: Readonly<Record<ItemCategory, string>> = {
  food: '粮油食品',
  clothing: '衣物被褥',
  daily: '生活用品',
  study: '学习用品',
  rehab: '康复辅具',
  appliance: '小家电',
  other: '其他',
};

/** How consent to store a recipient's personal data was given (PIPL art. 28–29). */
export const CONSENT_METHODS = ['signed', 'verbal', 'guardian'] as const;
/** A consent method. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
/** Their names. */
export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, string>> = {
  signed: '本人签字',
  verbal: '本人口头同意',
  guardian: '监护人同意',
};

/** `[{ value, label }]` of an enumeration and its names, for TDesign pickers, radios and chips. */
export function choicesOf<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

// ── rooms ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Kinds of activity room (the seeds' 乌当 and 延吉 rooms), in the order people see them. */
export const ROOM_KINDS = [
  '多功能室',
  '舞蹈室',
  '乒乓球室',
  '阅览室',
  '健身房',
  '儿童游乐室',
  '亲子室',
  '电脑室',
  '书画室',
] as const;
/** A room kind. */
export type RoomKind = (typeof ROOM_KINDS)[number];

// ── projects ──────────────────────────────────────────────────────────────────────────────────────────────────

/** A line of an evaluation score sheet: its key, what is scored and the most it can earn. */
export interface SheetLine {
  key: string;
  label: string;
  max: number;
}

/**
 * The 《绩效评估专家评分表》 and 《项目财务审查评分表》 (江宁) that an evaluation may be entered line by line with; each
 * sheet adds up to 100. The function checks an entered sheet against these lines and maxima.
 */
export const PROJECT_EVALUATION_SHEETS: Readonly<Record<'expert' | 'financial', readonly SheetLine[]>> = {
  expert: [
    { key: 'management', label: '项目管理规范', max: 20 },
    { key: 'outcome', label: '服务成效与指标完成', max: 30 },
    { key: 'satisfaction', label: '居民受益与满意度', max: 20 },
    { key: 'innovation', label: '创新与可持续', max: 15 },
    { key: 'team', label: '团队与台账', max: 15 },
  ],
  financial: [
    { key: 'execution', label: '预算执行进度', max: 30 },
    { key: 'receipts', label: '票据真实规范', max: 25 },
    { key: 'earmarked', label: '专款专用', max: 25 },
    { key: 'rules', label: '财务制度健全', max: 20 },
  ],
};

/** The names of the two sheets entered line by line. */
export const PROJECT_SHEET_NAMES: Readonly<Record<'expert' | 'financial', string>> = {
  expert: '专家评分表',
  financial: '财务审查评分表',
};

// ── 首页 ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The big tiles 首页 can show for the key actions; a community chooses which, in which order. */
export const HOME_TILES = ['meal', 'cleaning', 'orders', 'call'] as const;
/** A 首页 tile. */
export type HomeTile = (typeof HOME_TILES)[number];
/** What each tile says. */
export const HOME_TILE_LABELS: Readonly<Record<HomeTile, string>> = {
  meal: '订餐',
  cleaning: '保洁',
  orders: '我的预约',
  call: '打电话给社区',
};

// ── account ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Roles by their names in plain words (the people list, and its export). */
export const ROLE_NAMES: Readonly<Record<'resident' | 'admin' | 'provider' | 'volunteer', string>> = {
  resident: '居民',
  admin: '管理员',
  provider: '服务人员',
  volunteer: '志愿者',
};

/** A held role with where it applies, e.g. `管理员 · 禄口街道`, `服务人员 · 心苑社会工作服务中心`. */
export function roleLabel(role: {
  role: keyof typeof ROLE_NAMES;
  scopeName?: string;
  orgName?: string;
}): string {
  const where = role.role === 'provider' ? role.orgName : role.scopeName;
  return where ? `${ROLE_NAMES[role.role]} · ${where}` : ROLE_NAMES[role.role];
}

// ── charity ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What a line of the supermarket's reconciliation can be flagged for, in words (the page, and its export). */
export const STOCK_FLAG_NAMES: Readonly<Record<'status-mismatch' | 'count-mismatch', string>> = {
  'status-mismatch': '状态与记录不符',
  'count-mismatch': '盘点数与账面不符',
};
