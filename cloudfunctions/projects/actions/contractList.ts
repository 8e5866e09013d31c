/**
 * projects.contractList — the contracts the caller is a party of: an admin's street(s), the provider's
 * organization(s), the contracts naming the caller as supervisor (with the visit page offered on those under way);
 * newest first, 20 at a time.
 * Result: a page of contracts. Errors: none beyond the router's. Round trips: 2 (the caller, the page).
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { contractSchemas } from '../contract';
import { CONTRACTS, type ContractDoc } from '../documents';
import { contractListItem, type ContractListItem } from '../domain/contractViews';

export default action({
  input: contractSchemas.contractList,
  async run(input, ctx): Promise<Page<ContractListItem>> {
    const caller = await ctx.caller();
    const scopes = adminGrants(caller).map((g) => g.scopeId!);
    const orgs = providerOrgIds(caller);
    const anyOf: Record<string, unknown>[] = [{ 'parties.supervisor.userIds': caller._id }];
    if (scopes.length > 0) anyOf.push({ scopePath: _.in(scopes) });
    if (orgs.length > 0) anyOf.push({ orgId: _.in(orgs) });
    const query = db.collection(CONTRACTS).where(_.or(anyOf)).orderBy('createdAt', 'desc');
    return listPage<ContractDoc, ContractListItem>(query, input, (c) => contractListItem(c, caller._id));
  },
});
