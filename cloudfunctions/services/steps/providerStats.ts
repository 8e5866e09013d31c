/**
 * Satisfaction per organization (机构满意度), for the stats page and its export: the organizations matching
 * `orgsWhere` (an admin's scope, or a staff member's own), with one aggregation over their orders.
 * Round trips: 2 (organizations, the aggregation).
 */
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import type { ProviderStat } from '../contract';
import { providerStat, SATISFIED_FROM, type StatRow } from '../domain/callbacks';
import { ORDERS } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

/** Each organization's figures, by name. */
export async function providerStats(orgsWhere: object): Promise<ProviderStat[]> {
  const orgs = rows<OrgRef>(
    await db.collection(ORGANIZATIONS).where(orgsWhere).orderBy('name', 'asc').limit(100).get(),
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
}
