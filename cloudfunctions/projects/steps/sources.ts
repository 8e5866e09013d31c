/**
 * Reading the delivery records tracking counts (domain/tracking): one aggregation rooted at the contract with an
 * uncorrelated `$lookup` per source collection, filtered to the contract's communities, period and organization and
 * projected to the fields tracking reads — one round trip however many records (no 1,000-row cap of a plain get).
 */
import { _ } from '../../common/cloud';
import { readWithCaller, type Join } from '../../common/joins';
import { CONTRACTS } from '../documents';
import {
  SOURCE_COLLECTIONS,
  type DonationRow,
  type HoursRow,
  type OrderRow,
  type RoundRow,
  type SignupRow,
  type SourceName,
  type SourceRows,
} from '../domain/tracking';

/** What the records are read over: one contract, or a whole street's contracts (the dashboard). */
export interface SourceScope {
  orgIds: string[];
  communityIds: string[];
  streetId: string;
  from: Date;
  to: Date;
  /** Every order in the communities, any state or organization (credit counts complaints and declines). */
  allOrders?: boolean;
}

const range = (s: SourceScope) => _.gte(s.from).and(_.lte(s.to));
const byOrgOrPlace = (s: SourceScope) =>
  _.or([{ 'organizer.kind': 'place' }, { 'organizer.id': _.in(s.orgIds) }]);

/** The query of each source over a scope (the domain applies the same rules again, per contract). */
export function sourceQuery(name: SourceName, s: SourceScope): Record<string, unknown> {
  switch (name) {
    case 'orders':
      return s.allOrders
        ? { communityId: _.in(s.communityIds) }
        : {
            orgId: _.in(s.orgIds),
            communityId: _.in(s.communityIds),
            status: _.in(['completed', 'confirmed']),
            completedAt: range(s),
          };
    case 'hours':
      return _.and([
        { placePath: _.in(s.communityIds), activityStartAt: range(s), verifiedDelta: _.neq(0) },
        byOrgOrPlace(s),
      ]) as unknown as Record<string, unknown>;
    case 'signups':
      return _.and([
        { placePath: _.in(s.communityIds), state: 'active', signedUpAt: range(s) },
        byOrgOrPlace(s),
      ]) as unknown as Record<string, unknown>;
    case 'donations':
      return { recipientPath: _.in(s.communityIds), status: _.in(['confirmed', 'thanked']) };
    case 'rounds':
      return { scopePath: s.streetId, 'results.publishedAt': range(s) };
  }
}

/**
 * The query of each source for the refresh timer's copy (steps/tallies): only what never changes about a record
 * (its place, organizer, activity date), so a record whose state changes later (an order cancelled, a sign-up
 * withdrawn) is read again, and tracking counts it by its state then.
 */
export function lastingQuery(name: SourceName, s: SourceScope): Record<string, unknown> {
  switch (name) {
    case 'orders':
      return { communityId: _.in(s.communityIds) };
    case 'hours':
      return sourceQuery('hours', s);
    case 'signups':
      return _.and([{ placePath: _.in(s.communityIds) }, byOrgOrPlace(s)]) as unknown as Record<
        string,
        unknown
      >;
    case 'donations':
      return { recipientPath: _.in(s.communityIds) };
    case 'rounds':
      return { scopePath: s.streetId };
  }
}

/** The fields tracking reads of each source. */
export const FIELDS: Record<SourceName, string[]> = {
  orders: [
    'itemName',
    'category',
    'communityId',
    'communityName',
    'orgId',
    'orgName',
    'status',
    'completedAt',
    'survey.rating',
    'survey.complaint',
    'timeline.event',
    'timeline.orgName',
  ],
  hours: [
    'activityTitle',
    'activityStartAt',
    'organizer',
    'placePath',
    'communityName',
    'volunteerId',
    'verifiedDelta',
  ],
  signups: ['activityTitle', 'organizer', 'placePath', 'communityName', 'volunteerId', 'state', 'signedUpAt'],
  donations: ['item', 'quantity', 'recipientPath', 'status', 'events.type', 'events.at'],
  rounds: [
    'title',
    'scopePath',
    'results.publishedAt',
    'results.entries.id',
    'results.entries.title',
    'results.entries.funded',
  ],
};

/** The join of one source (named by the source). */
export function sourceJoin(name: SourceName, s: SourceScope): Join {
  return {
    as: name,
    from: SOURCE_COLLECTIONS[name],
    match: sourceQuery(name, s),
    project: Object.fromEntries(FIELDS[name].map((f) => [f, 1])),
  };
}

/** The rows of the named sources over a scope, in one aggregation rooted at the contract `contractId`. */
export async function readSources(
  ctx: { openid: string },
  contractId: string,
  names: readonly SourceName[],
  scope: SourceScope,
): Promise<SourceRows> {
  const read = await readWithCaller(
    ctx,
    [...new Set(names)].map((n) => sourceJoin(n, scope)),
    { from: CONTRACTS, match: { _id: contractId } },
  );
  return {
    orders: read.all<OrderRow>('orders'),
    hours: read.all<HoursRow>('hours'),
    signups: read.all<SignupRow>('signups'),
    donations: read.all<DonationRow>('donations'),
    rounds: read.all<RoundRow>('rounds'),
  };
}
