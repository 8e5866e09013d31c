/**
 * Enumerations both sides know, in the order people see them, with their Chinese names: the functions' zod
 * contracts accept exactly these values (each capability's contract.ts re-exports its own), and the mini program's
 * pickers and chips list them. Bundled into every function and compiled into the mini program, like the calendar.
 */
/** The menu's categories (the seeds' seven), in the order residents see them. */
export declare const CATEGORIES: readonly ['助餐', '助浴', '助洁', '助行', '助医', '康复护理', '心理慰藉'];
/** A menu category. */
export type Category = (typeof CATEGORIES)[number];
/** Skills volunteers offer and activities ask for (one list, so that matching compares like with like). */
export declare const SKILLS: readonly [
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
];
/** A skill. */
export type Skill = (typeof SKILLS)[number];
/** Parts of the day a volunteer can say they are free in (Beijing: before noon, to 18:00, after). */
export declare const DAY_SLOTS: readonly ['morning', 'afternoon', 'evening'];
/** A part of the day. */
export type DaySlot = (typeof DAY_SLOTS)[number];
/** Their names. */
export declare const DAY_SLOT_NAMES: Readonly<Record<DaySlot, string>>;
/** Who the supermarket serves (the seeds' groups), in the order admins and donors see them. */
export declare const RECIPIENT_CATEGORIES: readonly ['elder80', 'disabled', 'child', 'lowIncome'];
/** A recipient category. */
export type RecipientCategory = (typeof RECIPIENT_CATEGORIES)[number];
/** Chinese names of the recipient categories. */
export declare const RECIPIENT_CATEGORY_LABELS: Readonly<Record<RecipientCategory, string>>;
/** What kind of thing is given. */
export declare const ITEM_CATEGORIES: readonly [
  'food',
  'clothing',
  'daily',
  'study',
  'rehab',
  'appliance',
  'other',
];
/** An item category. */
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
/** Chinese names of the item categories. */
export declare const ITEM_CATEGORY_LABELS: Readonly<Record<ItemCategory, string>>;
/** How consent to store a recipient's personal data was given (PIPL art. 28–29). */
export declare const CONSENT_METHODS: readonly ['signed', 'verbal', 'guardian'];
/** A consent method. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
/** Their names. */
export declare const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, string>>;
/** `[{ value, label }]` of an enumeration and its names, for TDesign pickers, radios and chips. */
export declare function choicesOf<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): {
  value: T;
  label: string;
}[];
//# sourceMappingURL=choices.d.ts.map
