/**
 * Who may order an item, and who gets vouchers: any one of 80 岁及以上, 残疾, 低保 (none listed: everyone).
 * Age comes from the account's birth year; disability and low income are set by an admin after checking papers.
 */
import { ageAt } from '../../common/directory/users';
import type { EligibilityTag } from '../contract';

/** What eligibility looks at about a person. */
export interface PersonFacts {
  birthYear?: number;
  disabled: boolean;
  lowIncome: boolean;
}

const NAMES: Readonly<Record<EligibilityTag, string>> = {
  age80: '80 岁及以上老人',
  disabled: '残疾人',
  lowIncome: '低保家庭',
};

/** Whether a person meets one condition at `now`. */
export function meets(tag: EligibilityTag, person: PersonFacts, now: Date): boolean {
  if (tag === 'age80') return (ageAt(person.birthYear, now) ?? 0) >= 80;
  return tag === 'disabled' ? person.disabled : person.lowIncome;
}

/** Whether a person may order an item with these conditions (any one suffices; none: everyone). */
export function isEligible(tags: readonly EligibilityTag[], person: PersonFacts, now: Date): boolean {
  return tags.length === 0 || tags.some((t) => meets(t, person, now));
}

/** The conditions in plain words: 80 岁及以上老人、残疾人或低保家庭可以预约. */
export function eligibilityText(tags: readonly EligibilityTag[]): string {
  if (tags.length === 0) return '所有居民都可以预约';
  const names = tags.map((t) => NAMES[t]);
  const joined =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`;
  return `${joined}可以预约`;
}

/** Why this person may or may not order, in plain words (for the order form). */
export function eligibleReason(tags: readonly EligibilityTag[], person: PersonFacts, now: Date): string {
  const age = ageAt(person.birthYear, now);
  if (isEligible(tags, person, now)) {
    const met = tags.find((t) => meets(t, person, now));
    if (met === 'age80') return `${age} 岁，可以预约`;
    if (met) return `${NAMES[met]}，可以预约`;
    return '可以预约';
  }
  if (tags.includes('age80') && age === undefined)
    return '不知道年龄：请先在「我的」里填写出生年份，或请社区核实';
  return `不符合条件：${eligibilityText(tags).replace('可以预约', '')}才能预约`;
}
