/**
 * providerStats — satisfaction per organization for admins: services completed, surveys answered (by the
 * resident or by phone), average rating, share satisfied (4–5 stars), complaint rate, orders open and
 * escalated. Organizations registered in the admin's scope; for provider staff, their own organization (its page).
 * Input: {}. Result: ProviderStat[]. Errors: UNAUTHENTICATED, FORBIDDEN (neither an admin nor provider staff).
 * Round trips: 3 (caller, organizations, one aggregation over their orders).
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds, requireAnyAdmin } from '../../common/auth';
import { _ } from '../../common/cloud';
import { servicesInputs, type ProviderStat } from '../contract';
import { providerStats } from '../steps/providerStats';

export default action({
  input: servicesInputs.providerStats,
  async run(_input, ctx): Promise<ProviderStat[]> {
    const me = await ctx.caller();
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const own = providerOrgIds(me);
    if (scopes.length === 0 && own.length === 0) requireAnyAdmin(me);
    return providerStats(scopes.length > 0 ? { scopePath: _.in(scopes) } : { _id: _.in(own) });
  },
});
