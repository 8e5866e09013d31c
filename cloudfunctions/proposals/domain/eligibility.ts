/**
 * Who takes part in a round (pure): residents whose profile community lies in the round's scope (the community
 * itself, or any community of the street) may propose and vote. Everyone may read: it is public money.
 */
import { isAdminOver } from '../../common/auth';
import { forbidden } from '../../common/errors';

/** The user fields eligibility reads. */
export interface Resident {
  kind: 'wechat' | 'proxy';
  communityId?: string;
  placePath: string[];
}

/** Why the user may not take part, or undefined when they may. */
export function participationBlock(
  user: Resident,
  round: { scopeId: string; scopeName: string },
): string | undefined {
  if (user.kind === 'proxy') return '代登记的账号不能参与提案和投票';
  if (!user.communityId) return '请先在“我的”里选择您所在的社区';
  if (!user.placePath.includes(round.scopeId)) return `只有${round.scopeName}的居民可以参与这一期`;
  return undefined;
}

/** Throws FORBIDDEN unless the user may take part. */
export function requireParticipant(user: Resident, round: { scopeId: string; scopeName: string }): void {
  const block = participationBlock(user, round);
  if (block) throw forbidden(block);
}

/** The caller as the proposal rules see them in a round. */
export function actorFor(
  user: { _id: string; roles: Parameters<typeof isAdminOver>[0]['roles'] },
  round: { scopePath: readonly string[] },
): { userId: string; isAdmin: boolean } {
  return { userId: user._id, isAdmin: isAdminOver(user, round.scopePath) };
}
