/**
 * providerStats — satisfaction per organization for admins: services completed, surveys answered (by the
 * resident or by phone), average rating, share satisfied (4–5 stars), complaint rate, orders open and
 * escalated. Organizations registered in the admin's scope; for provider staff, their own organization (its page).
 * Input: {}. Result: ProviderStat[]. Errors: UNAUTHENTICATED, FORBIDDEN (neither an admin nor provider staff).
 * Round trips: 3 (caller, organizations, one aggregation over their orders).
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { servicesInputs, type ProviderStat } from '../contract';
import { providerStat, SATISFIED_FROM, type StatRow } from '../domain/callbacks';
import { ORDERS } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

export default action({
  input: servicesInputs.providerStats,
  async run(_input, ctx): Promise<ProviderStat[]> {
    const me = await ctx.caller();
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const own = providerOrgIds(me);
    if (scopes.length === 0 && own.length === 0) requireAnyAdmin(me);
    const orgs = rows<OrgRef>(
      await db
        .collection(ORGANIZATIONS)
        .where(scopes.length > 0 ? { scopePath: _.in(scopes) } : { _id: _.in(own) })
        .orderBy('name', 'asc')
        .limit(100)
        .get(),
    );
    if (orgs.length === 0) return [];
    const $ = _.aggregate;
    const when = (cond: unknown) => $.sum($.cond({ if: cond, then: 1, else: 0 }));
    const rated = $.gt([$.ifNull(['$survey.rating', 0]), 0]);
    const { list } = (await db
      .collection(ORDERS)
      .aggregate()
      .match({ orgId: _.in(orgs.map((o) => o._id)) })
      .group({
        _id: '$orgId',
        completed: when($.in(['$status', ['completed', 'confirmed']])),
        surveyed: when(rated),
        ratingSum: $.sum($.ifNull(['$survey.rating', 0])),
        satisfied: when($.gte([$.ifNull(['$survey.rating', 0]), SATISFIED_FROM])),
        complaints: when($.eq([$.ifNull(['$survey.complaint', false]), true])),
        open: when($.in(['$status', ['submitted', 'matched', 'accepted', 'in_service']])),
        escalated: when(
          $.and([$.ifNull(['$escalatedAt', false]), $.in(['$status', ['submitted', 'matched']])]),
        ),
      })
      .limit(1000)
      .end()) as { list: StatRow[] };
    const byOrg = new Map(list.map((row) => [row._id, row]));
    return orgs.map((o) => providerStat(o, byOrg.get(o._id)));
  },
});
