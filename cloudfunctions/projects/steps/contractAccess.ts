/**
 * Who may do what on a contract, from the caller's roles: the buyer is an admin over the contract's street, the
 * provider staff of its organization, the supervisor one of the named supervisor people. Pure.
 */
import { isAdminOver, providerOrgIds } from '../../common/auth';
import type { UserDoc } from '../../common/directory/users';
import { forbidden } from '../../common/errors';
import type { ContractDoc, ContractParty, ProjectActor } from '../documents';

/** The parties the caller acts as on a contract. */
export function partiesOf(
  caller: Pick<UserDoc, '_id' | 'roles'>,
  contract: Pick<ContractDoc, 'scopePath' | 'orgId' | 'parties'>,
): ContractParty[] {
  const out: ContractParty[] = [];
  if (isAdminOver(caller, contract.scopePath)) out.push('buyer');
  if (providerOrgIds(caller).includes(contract.orgId)) out.push('provider');
  if (contract.parties.supervisor.userIds.includes(caller._id)) out.push('supervisor');
  return out;
}

/** Throws FORBIDDEN unless the caller is `party` of the contract. */
export function requireParty(
  caller: Pick<UserDoc, '_id' | 'roles'>,
  contract: Pick<ContractDoc, 'scopePath' | 'orgId' | 'parties'>,
  party: ContractParty,
): void {
  if (!partiesOf(caller, contract).includes(party)) throw forbidden(REFUSALS[party]);
}

const REFUSALS: Record<ContractParty, string> = {
  buyer: '只有本街道的管理员可以执行此操作',
  provider: '只有承接机构的工作人员可以执行此操作',
  supervisor: '只有本项目的监管方可以执行此操作',
};

/** The caller as a history's actor. */
export function actorOf(caller: Pick<UserDoc, '_id' | 'nickname' | 'realName'>): ProjectActor {
  return { id: caller._id, name: caller.realName || caller.nickname };
}
