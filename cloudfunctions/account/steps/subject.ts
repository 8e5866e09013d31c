/**
 * Whose data a privacy action is about: the caller themselves, or — for an elder an admin registered without
 * WeChat (`kind: 'proxy'`) — that elder, when the caller administers the elder's place. Only these two may see,
 * export or delete a person's data.
 */
import { isAdminOver } from '../../common/auth';
import { forbidden, invalid, notFound } from '../../common/errors';
import type { UserDoc } from '../../common/directory/users';
import type { ProxyConsent } from '../documents';

/** The person whose data it is, after the access rule. */
export function subjectOf(
  caller: UserDoc,
  elderId: string | undefined,
  target: UserDoc | undefined,
): UserDoc {
  if (!elderId) return caller;
  if (!target) throw notFound('老人');
  if (target.kind !== 'proxy') throw forbidden('本人有微信账号，请本人操作');
  if (!isAdminOver(caller, target.placePath)) throw forbidden('只能为自己管辖社区代登记的老人操作');
  return target;
}

/** The elder's recorded consent, required when an admin acts for them (none for the person themselves). */
export function consentFor(
  caller: UserDoc,
  subject: UserDoc,
  consent: { method: 'written' | 'verbal'; note: string } | undefined,
  now: Date,
): ProxyConsent | undefined {
  if (subject._id === caller._id) return undefined;
  if (!consent) throw invalid('请记录老人本人的同意', [{ path: 'consent', message: 'required' }]);
  return { ...consent, recordedBy: caller._id, recordedAt: now };
}
