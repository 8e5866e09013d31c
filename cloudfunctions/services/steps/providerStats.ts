/**
 * Satisfaction per organization (机构满意度), for the stats page and its export: the organizations an admin's scope
 * holds (or a staff member's own), joined to the caller's read, with one aggregation over their orders.
 * Round trips: 2 (the caller with the organizations, the aggregation).
 */
import { adminGrants, providerOrgIds } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import type { UserDoc } from '../../common/directory/users';
import type { Join, JoinedDocs } from '../../common/joins';
import type { ProviderStat } from '../contract';
import { providerStat, SATISFIED_FROM, type StatRow } from '../domain/callbacks';
import { ORDERS } from '../documents';

/** The most organizations one table shows (a district registers far fewer). */
const MOST_ORGS = 100;

/**
 * Joins for the caller's read: the organizations registered under any place their roles name, and those their
 * provider roles name (equality joins, which an index on the organizations' fields serves).
 */
export const STATS_ORGS: Join[] = [
  { as: 'scopeOrgs', from: ORGANIZATIONS, localField: 'roles.scopeId', foreignField: 'scopePath' },
  { as: 'ownOrgs', from: ORGANIZATIONS, localField: 'roles.orgId', foreignField: '_id' },
];

/**
 * Whose figures the caller sees, by name: an admin's, the organizations under the places they administer; provider
 * staff's, their own; undefined for anyone else.
 */
export function statsOrgs(me: Pick<UserDoc, 'roles'>, docs: JoinedDocs): OrgRef[] | undefined {
  const scopes = adminGrants(me).map((g) => g.scopeId!);
  const own = providerOrgIds(me);
  let orgs: OrgRef[];
  if (scopes.length > 0)
    orgs = docs.all<OrgRef>('scopeOrgs').filter((o) => o.scopePath.some((p) => scopes.includes(p)));
  else if (own.length > 0) orgs = docs.all<OrgRef>('ownOrgs').filter((o) => own.includes(o._id));
  else return undefined;
  // By name, as the database orders strings (code unit by code unit).
  return orgs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, MOST_ORGS);
}

/** Each organization's figures, in the order given. */
export async function providerStats(orgs: readonly OrgRef[]): Promise<ProviderStat[]> {
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
