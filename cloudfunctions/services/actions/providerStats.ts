/**
 * providerStats — satisfaction per organization for admins: services completed, surveys answered (by the
 * resident or by phone), average rating, share satisfied (4–5 stars), complaint rate, orders open and
 * escalated. Organizations registered in the admin's scope; for provider staff, their own organization (its page).
 * Input: {}. Result: ProviderStat[]. Errors: UNAUTHENTICATED, FORBIDDEN (neither an admin nor provider staff).
 * Round trips: 2 (the caller with the organizations, one aggregation over their orders).
 */
import { action } from '../../common/action';
import { requireAnyAdmin } from '../../common/auth';
import { readWithCaller } from '../../common/joins';
import { servicesInputs, type ProviderStat } from '../contract';
import { providerStats, STATS_ORGS, statsOrgs } from '../steps/providerStats';

export default action({
  input: servicesInputs.providerStats,
  async run(_input, ctx): Promise<ProviderStat[]> {
    const read = await readWithCaller(ctx, STATS_ORGS);
    const orgs = statsOrgs(read.caller, read);
    if (orgs) return providerStats(orgs);
    requireAnyAdmin(read.caller); // neither an admin nor provider staff: FORBIDDEN
    return [];
  },
});
