/**
 * Recipients' personal data (PIPL art. 28: sensitive, minimised). Everyone but admins of their place and the
 * delivering staff sees a masked profile (张*, 80岁, 秣陵街道). Stories and thank-you messages are public, so
 * they are refused when they name the recipient, their phone or their address.
 */
import { invalid } from '../../common/errors';
import { maskName } from '../../common/mask';
import { ageAt } from '../../common/directory/users';
import { RECIPIENT_CATEGORY_LABELS, type PublicProfile, type RecipientContact } from '../contract';
import type { RecipientDoc } from '../documents';

/** The masked profile shown to everyone. */
export function publicProfile(
  r: Pick<RecipientDoc, 'name' | 'birthYear' | 'category' | 'streetName'>,
  now: Date,
): PublicProfile {
  return {
    name: maskName(r.name),
    ...(r.birthYear !== undefined ? { age: ageAt(r.birthYear, now) } : {}),
    street: r.streetName,
    category: r.category,
    categoryLabel: RECIPIENT_CATEGORY_LABELS[r.category],
  };
}

/** What the delivering staff and admins of the place see. */
export function contactOf(r: RecipientDoc): RecipientContact {
  return {
    recipientId: r._id,
    name: r.name,
    ...(r.phone ? { phone: r.phone } : {}),
    address: r.address,
    communityName: r.communityName,
  };
}

const squash = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** Which of the recipient's identifying details `text` contains: 'name', 'phone', 'address'. */
export function identityMentions(
  text: string,
  r: Pick<RecipientDoc, 'name' | 'phone' | 'address' | 'streetName'>,
): ('name' | 'phone' | 'address')[] {
  const t = squash(text);
  const found: ('name' | 'phone' | 'address')[] = [];
  const name = squash(r.name);
  const given = [...name].slice(1).join('');
  if (t.includes(name) || (given.length >= 2 && t.includes(given))) found.push('name');
  const digits = t.replace(/\D/g, '');
  if (r.phone && digits.length >= 7 && (digits.includes(r.phone) || r.phone.includes(digits)))
    found.push('phone');
  // Five characters of the address beyond its street that include a number (花园路12, 3栋201) point to a home.
  const address = squash(r.address);
  const streetAt = address.indexOf(squash(r.streetName));
  const tail = streetAt >= 0 ? address.slice(streetAt + squash(r.streetName).length) : address.slice(6);
  const chars = [...tail];
  const windows: string[] = [];
  for (let i = 0; i + 5 <= chars.length; i++) {
    const w = chars.slice(i, i + 5).join('');
    if (/\d/.test(w)) windows.push(w);
  }
  if (t.includes(address) || windows.some((w) => t.includes(w))) found.push('address');
  return found;
}

/** Throws INVALID_INPUT when `text` identifies the recipient. */
export function requireNoIdentity(
  text: string,
  r: Pick<RecipientDoc, 'name' | 'phone' | 'address' | 'streetName'>,
  field: string,
): void {
  const found = identityMentions(text, r);
  if (found.length > 0) {
    throw invalid('请不要写受助人的姓名、电话或住址（公开内容须保护隐私）', [
      { path: field, message: `identifies the recipient: ${found.join(',')}` },
    ]);
  }
}
