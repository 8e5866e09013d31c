/**
 * Who an order is for: the caller, an elder the caller is linked to as family (an active `family_links` link),
 * or, for an admin, a person registered in their scope (代下单). And what eligibility knows about a person.
 */
import { isAdminOver } from '../../common/auth';
import { forbidden, notFound } from '../../common/errors';
import type { UserDoc } from '../../common/directory/users';
import type { PersonFacts } from './eligibility';
import type { ProfileDoc } from '../documents';
import type { LinkRef } from '../../common/directory/familyLinks';

/** The person served and how the caller stands to them. */
export interface Beneficiary {
  person: UserDoc;
  via: 'self' | 'family' | 'admin';
  /** 本人, the family relation, or 代下单. */
  relation: string;
}

/** Resolves whom the caller acts for; throws NOT_FOUND or FORBIDDEN. */
export function beneficiaryOf(
  caller: UserDoc,
  requestedId: string | undefined,
  target: UserDoc | undefined,
  links: readonly LinkRef[],
): Beneficiary {
  if (requestedId === undefined || requestedId === caller._id)
    return { person: caller, via: 'self', relation: '本人' };
  if (!target || target._id !== requestedId) throw notFound('要服务的老人');
  const link = links.find(
    (l) => l.elderId === target._id && l.relativeId === caller._id && l.status === 'active',
  );
  if (link) return { person: target, via: 'family', relation: link.relation };
  if (isAdminOver(caller, target.placePath)) return { person: target, via: 'admin', relation: '代下单' };
  throw forbidden('只能为已绑定的家人，或本辖区登记的老人预约');
}

/** The elders a caller may act for as family (active links). */
export function elderIdsOf(callerId: string, links: readonly LinkRef[]): string[] {
  return links.filter((l) => l.relativeId === callerId && l.status === 'active').map((l) => l.elderId);
}

/** Eligibility facts of a person. */
export function factsOf(
  person: Pick<UserDoc, 'birthYear'>,
  profile: Pick<ProfileDoc, 'disabled' | 'lowIncome'> | undefined,
): PersonFacts {
  return {
    birthYear: person.birthYear,
    disabled: profile?.disabled ?? false,
    lowIncome: profile?.lowIncome ?? false,
  };
}

/** The place names the account capability keeps on a user ([district, street, community]). */
export function placeNamesOf(user: UserDoc): string[] {
  return (user as UserDoc & { placeNames?: string[] }).placeNames ?? [];
}

/** The name an order carries for the person served. */
export function displayName(user: Pick<UserDoc, 'realName' | 'nickname'>): string {
  return user.realName ?? user.nickname;
}
