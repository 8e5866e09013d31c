/**
 * exportProviderStats — 机构满意度 as a spreadsheet for the street office: the organizations of the admin's scope
 * with the figures providerStats gives the page, and its totals and sample size on top. Admins only (staff see
 * their own organization on its page, without an export).
 * Input: {}. Result: ExportedSheet. Errors: UNAUTHENTICATED, FORBIDDEN (not an admin). Nothing is written to the
 * database. Round trips: 2 (the caller with the places named and their organizations; one aggregation over their
 * orders); the file is saved, then linked.
 */
import { action } from '../../common/action';
import { requireAnyAdmin } from '../../common/auth';
import type { PlaceRef } from '../../common/directory/places';
import { ADMIN_PLACES, adminPlaceText } from '../../common/exports/scope';
import { publishReport, type ExportedSheet } from '../../common/exports/storage';
import { readWithCaller } from '../../common/joins';
import { servicesInputs } from '../contract';
import { statsReport } from '../domain/statsSheet';
import { providerStats, STATS_ORGS, statsOrgs } from '../steps/providerStats';

export default action({
  input: servicesInputs.exportProviderStats,
  async run(_input, ctx): Promise<ExportedSheet> {
    const read = await readWithCaller(ctx, [ADMIN_PLACES, ...STATS_ORGS]);
    const me = read.caller;
    requireAnyAdmin(me);
    const stats = await providerStats(statsOrgs(me, read) ?? []);
    const place = adminPlaceText(me, read.all<PlaceRef>('adminPlaces'));
    return publishReport(statsReport(stats, place, ctx.now), { capability: 'services', userId: me._id });
  },
});
